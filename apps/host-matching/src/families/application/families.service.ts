import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, hasAnyRole } from '@twinning/platform-auth';
import { DomainRuleError } from '@twinning/platform-http';
import { OutboxWriter } from '@twinning/platform-messaging';
import { CreateFamilyDto, HouseholdMemberDto, ListFamiliesDto, UpdateFamilyDto } from '../http/family.dto';
import { FAMILY_COLUMNS, familyPayload, familyView, FamilyRow, loadFamily, membersOf, visibleTo } from './family-rows';
import { VettingService } from './vetting.service';

/** Profile fields and their columns (what PATCH may change, and what `changed` names in family.updated). */
const COLUMNS = {
  name: 'name', address: 'address', latitude: 'latitude', longitude: 'longitude', bedrooms: 'bedrooms', beds: 'beds', pets: 'pets', petsNote: 'pets_note', smoking: 'smoking',
  languages: 'languages', diets: 'diets', dietsNote: 'diets_note', interests: 'interests', guestAgeMin: 'guest_age_min', guestAgeMax: 'guest_age_max', guestGender: 'guest_gender',
  availability: 'availability', timesHosted: 'times_hosted', hostUserIds: 'host_user_ids',
} as const;
type Field = keyof typeof COLUMNS;

/** Only coordinators and admins link host users to a family or correct how often it hosted; a host edits the rest of their own family. */
const MANAGED_FIELDS: Field[] = ['hostUserIds', 'timesHosted'];

type Profile = Partial<Record<Field, unknown>>;

/**
 * Host families of an organisation. Coordinators and admins register and edit them; youth managers
 * read them; a `host` sees and edits only the families whose `hostUserIds` include them (others 404);
 * another organisation's families are 404. Every change is published through the outbox
 * (`family.registered` / `family.updated`, topic host-matching.family.events, key family id).
 */
@Injectable()
export class FamiliesService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly vetting: VettingService) {}

  async list(user: AuthenticatedUser, q: ListFamiliesDto) {
    const scope = visibleTo(user, 1);
    const params: unknown[] = [...scope.params];
    let where = scope.sql;
    if (q.q) {
      params.push(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND f.name ILIKE $${params.length}`;
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM host_family f WHERE ${where}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(`SELECT ${FAMILY_COLUMNS} FROM host_family f WHERE ${where} ORDER BY f.name, f.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset])) as FamilyRow[];
    const members = await membersOf(this.dataSource.manager, rows.map((r) => r.id));
    return { items: rows.map((r) => familyView(r, members)), total, limit: q.limit, offset: q.offset };
  }

  async get(user: AuthenticatedUser, id: string, tx: EntityManager = this.dataSource.manager) {
    const row = await loadFamily(tx, user, id);
    return familyView(row, await membersOf(tx, [row.id]));
  }

  async register(user: AuthenticatedUser, input: CreateFamilyDto) {
    checkProfile(input);
    if (input.members?.some((m) => m.id)) throw new DomainRuleError('FAMILY.MEMBER_ID_ON_CREATE', 'members must not carry an id when a family is registered', 'members');
    const id = randomUUID();
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO host_family (id, organisation_id, name, address, latitude, longitude, bedrooms, beds, pets, smoking, languages, diets, interests,
           guest_age_min, guest_age_max, guest_gender, availability, times_hosted, host_user_ids, created_by, pets_note, diets_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
        [id, user.organisationId, input.name.trim(), input.address.trim(), input.latitude, input.longitude, input.bedrooms, input.beds, input.pets ?? [], input.smoking ?? false,
          input.languages ?? [], input.diets ?? [], input.interests ?? [], input.guestAgeMin ?? null, input.guestAgeMax ?? null, input.guestGender ?? 'any',
          JSON.stringify(input.availability ?? []), input.timesHosted ?? 0, input.hostUserIds ?? [], user.userId, input.petsNote?.trim() ?? '', input.dietsNote?.trim() ?? ''],
      );
      await this.replaceMembers(tx, id, input.members ?? []);
      const row = await loadFamily(tx, user, id);
      await this.vetting.reevaluate(tx, row, new Date());
      const members = await membersOf(tx, [id]);
      await this.outbox.append(tx, { type: 'family.registered', version: 1, aggregateId: id, organisationId: user.organisationId, payload: familyPayload(row, members, user.userId) });
      return familyView(await loadFamily(tx, user, id), members);
    });
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateFamilyDto) {
    const staff = hasAnyRole(user, ['coordinator', 'admin']);
    for (const f of MANAGED_FIELDS) {
      if (!staff && input[f] !== undefined) throw new DomainRuleError('FAMILY.MANAGED_FIELD', `${f} is changed by a coordinator or an admin only`, f);
    }
    return this.dataSource.transaction(async (tx) => {
      const before = await loadFamily(tx, user, id, true);
      const merged = { guestAgeMin: before.guest_age_min, guestAgeMax: before.guest_age_max, bedrooms: before.bedrooms, beds: before.beds, ...defined(input) };
      checkProfile(merged as UpdateFamilyDto);
      const changes: Profile = {};
      for (const f of Object.keys(COLUMNS) as Field[]) {
        const v = typeof input[f] === 'string' && f !== 'guestGender' ? (input[f] as string).trim() : input[f];
        if (v === undefined) continue;
        const current = (before as unknown as Record<string, unknown>)[COLUMNS[f]];
        if (JSON.stringify(v) !== JSON.stringify(current)) changes[f] = v;
      }
      const changed: string[] = Object.keys(changes);
      const membersBefore = input.members !== undefined ? await membersOf(tx, [id]) : [];
      if (input.members !== undefined && (await this.replaceMembers(tx, id, input.members))) changed.push('members');
      if (changed.length === 0) return familyView(before, await membersOf(tx, [id]));
      const sets = Object.keys(changes).map((f, i) => `${COLUMNS[f as Field]} = $${i + 2}`);
      const values = Object.entries(changes).map(([f, v]) => (f === 'availability' ? JSON.stringify(v) : v));
      await tx.query(`UPDATE host_family SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...values]);
      const after = await loadFamily(tx, user, id);
      const members = await membersOf(tx, [id]);
      if (changed.includes('members')) {
        await this.vetting.recordHouseholdChange(tx, user, after, membersBefore, members);
        await this.vetting.reevaluate(tx, after, new Date());
      }
      await this.outbox.append(tx, { type: 'family.updated', version: 1, aggregateId: id, organisationId: after.organisation_id, payload: { ...familyPayload(after, members, after.created_by), changed } });
      return familyView(await loadFamily(tx, user, id), members);
    });
  }

  /** Makes the household exactly `wanted` (members with an id keep it and their checks); returns whether anything changed. */
  private async replaceMembers(tx: EntityManager, familyId: string, wanted: HouseholdMemberDto[]): Promise<boolean> {
    const existing = await membersOf(tx, [familyId]);
    const byId = new Map(existing.map((m) => [m.id, m]));
    const ids = wanted.filter((m) => m.id).map((m) => m.id!);
    if (new Set(ids).size !== ids.length) throw new DomainRuleError('FAMILY.MEMBER_TWICE', 'members must not list the same member twice', 'members');
    const unknown = ids.find((i) => !byId.has(i));
    if (unknown) throw new DomainRuleError('FAMILY.MEMBER_UNKNOWN', `members: ${unknown} is not a member of this household`, 'members');
    let changed = false;
    const keep = new Set(ids);
    const removed = existing.filter((m) => !keep.has(m.id)).map((m) => m.id);
    if (removed.length) {
      await tx.query('DELETE FROM household_member WHERE id = ANY ($1)', [removed]);
      changed = true;
    }
    for (const [position, m] of wanted.entries()) {
      const row = { name: m.name.trim(), date_of_birth: m.dateOfBirth, relation: m.relation.trim(), gender: m.gender, position };
      const old = m.id ? byId.get(m.id) : undefined;
      if (!old) {
        await tx.query('INSERT INTO household_member (id, family_id, name, date_of_birth, relation, gender, position) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [randomUUID(), familyId, row.name, row.date_of_birth, row.relation, row.gender, position]);
        changed = true;
      } else if (old.name !== row.name || old.date_of_birth !== row.date_of_birth || old.relation !== row.relation || old.gender !== row.gender || old.position !== position) {
        await tx.query('UPDATE household_member SET name = $2, date_of_birth = $3, relation = $4, gender = $5, position = $6 WHERE id = $1', [old.id, row.name, row.date_of_birth, row.relation, row.gender, position]);
        changed = true;
      }
    }
    return changed;
  }
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rules across fields (each a 400 naming the field). */
function checkProfile(p: Partial<CreateFamilyDto>): void {
  if (p.guestAgeMin != null && p.guestAgeMax != null && p.guestAgeMin > p.guestAgeMax) {
    throw new DomainRuleError('FAMILY.AGE_RANGE', 'guestAgeMax must not be below guestAgeMin', 'guestAgeMax');
  }
  if (p.beds !== undefined && p.bedrooms !== undefined && p.beds > 0 && p.bedrooms === 0) {
    throw new DomainRuleError('FAMILY.BEDS_WITHOUT_BEDROOM', 'bedrooms must be at least 1 when the family offers beds', 'bedrooms');
  }
  for (const [i, w] of (p.availability ?? []).entries()) {
    if (w.to < w.from) throw new DomainRuleError('FAMILY.AVAILABILITY_ORDER', `availability.${i}.to must not be before availability.${i}.from`, `availability.${i}.to`);
  }
}
