import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ALLERGEN_CODES, DIET_CODES, PARTICIPANT_PUBLIC_FIELDS, ParticipantMatchingProfileChangedV2, ParticipantTravelDocumentChangedV1 } from '@twinning/contracts';
import { assertMayWrite, AuthenticatedUser, Relation } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { allergiesNeedCoding } from '../domain/allergy-coding';
import { matchingProfile, matchingProfileChanged } from '../domain/matching-profile';
import { passportWarnings } from '../domain/participant-rules';
import { CreateParticipantDto, EmergencyContactDto, GuardianDto, ListParticipantsDto, UpdateParticipantDto } from '../http/participant.dto';
import { PARTICIPANT_SENSITIVE_INPUT } from './participant-fields';
import { ContactRow, GuardianRow, ParticipantRow, participantView } from './participant-view';

const COLUMNS = `p.id, p.organisation_id, p.given_name, p.family_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.gender, p.languages,
  p.nationality, p.diet_codes, p.diet_note, p.allergy_codes, p.allergy_note, p.allergies_need_coding, p.medical_notes, p.passport_number, to_char(p.passport_expiry, 'YYYY-MM-DD') AS passport_expiry,
  p.visa_status, p.created_by, p.created_at, p.updated_at`;

/** SQL: the caller's relation to participant `p` ($1 = the caller's organisation): owner, partner (member of a delegation shared with it), or none. */
const RELATION = `CASE WHEN p.organisation_id = $1 THEN 'owner'
  WHEN EXISTS (SELECT 1 FROM delegation_member m JOIN delegation_share s ON s.delegation_id = m.delegation_id
               WHERE m.participant_id = p.id AND s.partner_organisation_id = $1) THEN 'partner' END`;

const SORTS: Record<string, string> = {
  familyName: 'p.family_name ASC, p.given_name ASC', '-familyName': 'p.family_name DESC, p.given_name DESC',
  dateOfBirth: 'p.date_of_birth ASC', '-dateOfBirth': 'p.date_of_birth DESC', createdAt: 'p.created_at ASC', '-createdAt': 'p.created_at DESC',
};

export function participantNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'PARTICIPANT.NOT_FOUND', message: `participant ${id} not found` });
}

/** Participants of the caller's organisation (and, read-only, those on delegations shared with it). */
@Injectable()
export class ParticipantsService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async create(user: AuthenticatedUser, dto: CreateParticipantDto) {
    // writes follow the read rule: registering is writing every field given, as the owner
    assertMayWrite(user, 'owner', dto, PARTICIPANT_SENSITIVE_INPUT);
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO participant (id, organisation_id, given_name, family_name, date_of_birth, gender, languages, nationality, diet_codes, diet_note, allergy_codes, allergy_note,
           allergies_need_coding, medical_notes, passport_number, passport_expiry, visa_status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
        [id, user.organisationId, dto.givenName, dto.familyName, dto.dateOfBirth, dto.gender, dto.languages ?? [], dto.nationality, ...codedColumns(null, dto).values,
          dto.medicalNotes ?? '', dto.passportNumber ?? null, dto.passportExpiry ?? null, dto.visaStatus ?? 'not-required', user.userId],
      );
      await insertContacts(tx, id, dto.emergencyContacts);
      await insertGuardians(tx, id, dto.guardians ?? []);
      await this.outbox.append(tx, {
        type: 'participant.registered', version: 1, aggregateId: id, organisationId: user.organisationId,
        payload: {
          participantId: id, givenName: dto.givenName, familyName: dto.familyName, birthYear: Number(dto.dateOfBirth.slice(0, 4)), gender: dto.gender,
          languages: dto.languages ?? [], nationality: dto.nationality, visaStatus: dto.visaStatus ?? 'not-required', createdByUserId: user.userId,
        },
      });
      await this.publishMatchingProfile(tx, user, id, null);
      if (dto.passportExpiry) await this.publishTravelDocument(tx, user, id, dto.passportExpiry);
    });
    return this.get(user, id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateParticipantDto) {
    await this.dataSource.transaction(async (tx) => {
      const [before] = (await tx.query(`SELECT ${COLUMNS} FROM participant p WHERE p.id = $1 AND p.organisation_id = $2 FOR UPDATE`, [id, user.organisationId])) as ParticipantRow[];
      if (!before) throw participantNotFound(id);
      // after the 404 (a partner or stranger learns nothing) and before anything is written
      assertMayWrite(user, 'owner', dto, PARTICIPANT_SENSITIVE_INPUT);
      const profileBefore = await loadMatchingProfile(tx, id);
      const sets: Record<string, unknown> = {
        given_name: dto.givenName, family_name: dto.familyName, date_of_birth: dto.dateOfBirth, gender: dto.gender, languages: dto.languages, nationality: dto.nationality,
        ...codedColumns(before, dto).changes, medical_notes: dto.medicalNotes, passport_number: dto.passportNumber, passport_expiry: dto.passportExpiry,
        visa_status: dto.visaStatus,
      };
      const entries = Object.entries(sets).filter(([, v]) => v !== undefined);
      if (entries.length) {
        await tx.query(`UPDATE participant SET ${entries.map(([k], i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...entries.map(([, v]) => v)]);
      } else {
        await tx.query(`UPDATE participant SET updated_at = now() WHERE id = $1`, [id]);
      }
      if (dto.emergencyContacts) {
        await tx.query(`DELETE FROM emergency_contact WHERE participant_id = $1`, [id]);
        await insertContacts(tx, id, dto.emergencyContacts);
      }
      if (dto.guardians) {
        await tx.query(`DELETE FROM guardian WHERE participant_id = $1`, [id]);
        await insertGuardians(tx, id, dto.guardians);
      }
      const [after] = (await tx.query(`SELECT ${COLUMNS} FROM participant p WHERE p.id = $1`, [id])) as ParticipantRow[];
      const publicValue = (r: ParticipantRow) => ({ givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, gender: r.gender,
        languages: JSON.stringify(r.languages), nationality: r.nationality, visaStatus: r.visa_status });
      const b = publicValue(before);
      const a = publicValue(after);
      const changedFields = PARTICIPANT_PUBLIC_FIELDS.filter((f) => a[f] !== b[f]);
      if (changedFields.length) {
        await this.outbox.append(tx, {
          type: 'participant.updated', version: 1, aggregateId: id, organisationId: user.organisationId,
          payload: {
            participantId: id, changedFields: [...changedFields], givenName: after.given_name, familyName: after.family_name, birthYear: Number(after.date_of_birth.slice(0, 4)),
            gender: after.gender, languages: after.languages, nationality: after.nationality, visaStatus: after.visa_status, updatedByUserId: user.userId,
          },
        });
      }
      await this.publishMatchingProfile(tx, user, id, profileBefore);
      if (after.passport_expiry !== before.passport_expiry) await this.publishTravelDocument(tx, user, id, after.passport_expiry);
    });
    return this.get(user, id);
  }

  /** One participant as the caller may see it, with passport warnings; 404 when neither owner nor partner. */
  async get(user: AuthenticatedUser, id: string) {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS}, ${RELATION} AS relation FROM participant p WHERE p.id = $2`, [user.organisationId, id])) as (ParticipantRow & { relation: Relation | null })[];
    if (!row?.relation) throw participantNotFound(id);
    const [contacts, guardians, trips] = await Promise.all([
      this.dataSource.query(`SELECT * FROM emergency_contact WHERE participant_id = $1 ORDER BY name, id`, [id]) as Promise<ContactRow[]>,
      this.dataSource.query(`SELECT id, participant_id, name, relation, phone, email, consent_given_at, consent_scope, to_char(consent_expires_on, 'YYYY-MM-DD') AS consent_expires_on
        FROM guardian WHERE participant_id = $1 ORDER BY name, id`, [id]) as Promise<GuardianRow[]>,
      this.departures(id),
    ]);
    return participantView(user, row.relation, row, contacts, guardians, passportWarnings(row.passport_expiry, trips));
  }

  async list(user: AuthenticatedUser, q: ListParticipantsDto) {
    const where = [`(${RELATION}) IS NOT NULL`];
    const params: unknown[] = [user.organisationId];
    const add = (sql: (n: string) => string, v: unknown) => { params.push(v); where.push(sql(`$${params.length}`)); };
    if (q.q) add((n) => `(p.given_name ILIKE ${n} OR p.family_name ILIKE ${n} OR (p.given_name || ' ' || p.family_name) ILIKE ${n})`, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (q.delegationId) add((n) => `EXISTS (SELECT 1 FROM delegation_member m WHERE m.participant_id = p.id AND m.delegation_id = ${n})`, q.delegationId);
    if (q.nationality) add((n) => `p.nationality = ${n}`, q.nationality);
    if (q.needsCoding === 'true') where.push(`p.organisation_id = $1 AND p.allergies_need_coding`);
    if (q.needsCoding === 'false') where.push(`NOT (p.organisation_id = $1 AND p.allergies_need_coding)`);
    if (q.minor === 'true') where.push(`p.date_of_birth > (current_date - interval '18 years')`);
    if (q.minor === 'false') where.push(`p.date_of_birth <= (current_date - interval '18 years')`);
    const whereSql = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM participant p WHERE ${whereSql}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, ${RELATION} AS relation FROM participant p WHERE ${whereSql} ORDER BY ${SORTS[q.sort] ?? SORTS.familyName}, p.id LIMIT ${q.limit} OFFSET ${q.offset}`,
      params,
    )) as (ParticipantRow & { relation: Relation })[];
    const ids = rows.map((r) => r.id);
    const contacts = (await this.dataSource.query(`SELECT * FROM emergency_contact WHERE participant_id = ANY($1) ORDER BY name, id`, [ids])) as ContactRow[];
    const guardians = (await this.dataSource.query(`SELECT id, participant_id, name, relation, phone, email, consent_given_at, consent_scope,
      to_char(consent_expires_on, 'YYYY-MM-DD') AS consent_expires_on FROM guardian WHERE participant_id = ANY($1) ORDER BY name, id`, [ids])) as GuardianRow[];
    const items = await Promise.all(rows.map(async (r) => participantView(user, r.relation, r,
      contacts.filter((c) => c.participant_id === r.id), guardians.filter((g) => g.participant_id === r.id), passportWarnings(r.passport_expiry, await this.departures(r.id)))));
    return { items, total, limit: q.limit, offset: q.offset };
  }

  /** The delegations the participant was a member of (those the caller's organisation may see), oldest first. */
  async history(user: AuthenticatedUser, id: string) {
    const [row] = (await this.dataSource.query(`SELECT ${RELATION} AS relation FROM participant p WHERE p.id = $2`, [user.organisationId, id])) as { relation: Relation | null }[];
    if (!row?.relation) throw participantNotFound(id);
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.title, d.host_city, d.direction, d.programme_area, d.status, to_char(d.start_date, 'YYYY-MM-DD') AS start_date, to_char(d.end_date, 'YYYY-MM-DD') AS end_date,
              m.role, m.is_leader, m.lodging_need, m.created_at
         FROM delegation_member m JOIN delegation d ON d.id = m.delegation_id
        WHERE m.participant_id = $2
          AND (d.organisation_id = $1 OR EXISTS (SELECT 1 FROM delegation_share s WHERE s.delegation_id = d.id AND s.partner_organisation_id = $1))
        ORDER BY d.start_date, d.id`,
      [user.organisationId, id],
    )) as Record<string, unknown>[];
    return {
      participantId: id,
      items: rows.map((r) => ({
        delegationId: r.id, title: r.title, hostCity: r.host_city, direction: r.direction, programmeArea: r.programme_area, status: r.status,
        startDate: r.start_date, endDate: r.end_date, role: r.role, isLeader: r.is_leader, lodgingNeed: r.lodging_need, addedAt: r.created_at,
      })),
    };
  }

  /**
   * `participant.matching-profile-changed` on the restricted topic (host-matching only), in the
   * caller's transaction: on registration, and after an update only when something the profile
   * carries changed (a guardian change that leaves the consent as it was publishes nothing).
   */
  private async publishMatchingProfile(tx: EntityManager, user: AuthenticatedUser, id: string, before: ParticipantMatchingProfileChangedV2 | null): Promise<void> {
    const after = await loadMatchingProfile(tx, id);
    if (!after || !matchingProfileChanged(before, after)) return;
    await this.outbox.append(tx, { type: 'participant.matching-profile-changed', version: 2, aggregateId: id, organisationId: user.organisationId, payload: after });
  }

  /**
   * `participant.travel-document-changed` (only the expiry date, never the number) in the caller's transaction: on
   * registration with a passport expiry, and after an update only when the expiry changed (recorded, moved or cleared).
   */
  private async publishTravelDocument(tx: EntityManager, user: AuthenticatedUser, id: string, passportExpiry: string | null): Promise<void> {
    const payload: ParticipantTravelDocumentChangedV1 = { participantId: id, passportExpiry };
    await this.outbox.append(tx, { type: 'participant.travel-document-changed', version: 1, aggregateId: id, organisationId: user.organisationId, payload });
  }

  /** Departure dates (the delegation's last day) of the participant's live delegations, for the passport rule. */
  private async departures(participantId: string): Promise<{ delegationId: string; departureDate: string }[]> {
    return this.dataSource.query(
      `SELECT d.id AS "delegationId", to_char(d.end_date, 'YYYY-MM-DD') AS "departureDate"
         FROM delegation_member m JOIN delegation d ON d.id = m.delegation_id
        WHERE m.participant_id = $1 AND d.status NOT IN ('cancelled', 'completed') ORDER BY d.end_date`,
      [participantId],
    );
  }
}

/** The participant's matching profile as stored now (read through `tx`), consent judged on today's date (UTC). */
async function loadMatchingProfile(tx: EntityManager, id: string): Promise<ParticipantMatchingProfileChangedV2 | null> {
  const [p] = (await tx.query(`SELECT ${COLUMNS} FROM participant p WHERE p.id = $1`, [id])) as ParticipantRow[];
  if (!p) return null;
  const guardians = (await tx.query(`SELECT consent_given_at, to_char(consent_expires_on, 'YYYY-MM-DD') AS consent_expires_on FROM guardian WHERE participant_id = $1 ORDER BY id`,
    [id])) as Pick<GuardianRow, 'consent_given_at' | 'consent_expires_on'>[];
  return matchingProfile(
    { id: p.id, givenName: p.given_name, familyName: p.family_name, dateOfBirth: p.date_of_birth, gender: p.gender, languages: p.languages, nationality: p.nationality,
      dietCodes: p.diet_codes, dietNote: p.diet_note, allergyCodes: p.allergy_codes, allergyNote: p.allergy_note, allergiesNeedCoding: p.allergies_need_coding },
    guardians.map((g) => ({ consentGivenAt: g.consent_given_at, consentExpiresOn: g.consent_expires_on })),
    new Date().toISOString().slice(0, 10),
  );
}

/**
 * The coded diet and allergy columns a write sets: on create every column (`values`, in INSERT order), on update only
 * those of the lists sent (`changes`; a list is replaced as a whole, its note with it). Whether the allergy note needs
 * coding follows allergiesNeedCoding (a new or changed note is flagged unless the writer says the codes cover it).
 */
function codedColumns(before: ParticipantRow | null, dto: Pick<CreateParticipantDto, 'allergies' | 'dietaryNeeds'>) {
  const allergyNote = dto.allergies?.note?.trim() ?? '';
  const needsCoding = allergiesNeedCoding(before ? { note: before.allergy_note, needsCoding: before.allergies_need_coding } : null, allergyNote, dto.allergies?.needsCoding);
  const changes: Record<string, unknown> = {};
  if (dto.dietaryNeeds) Object.assign(changes, { diet_codes: inVocabularyOrder(dto.dietaryNeeds.codes, DIET_CODES), diet_note: dto.dietaryNeeds.note?.trim() ?? '' });
  if (dto.allergies) Object.assign(changes, { allergy_codes: inVocabularyOrder(dto.allergies.codes, ALLERGEN_CODES), allergy_note: allergyNote, allergies_need_coding: needsCoding });
  const values = [changes.diet_codes ?? [], changes.diet_note ?? '', changes.allergy_codes ?? [], changes.allergy_note ?? '', changes.allergies_need_coding ?? false];
  return { changes, values };
}

/** Codes once each, in the vocabulary's order: the same list written in another order is no change. */
function inVocabularyOrder(codes: string[], vocabulary: readonly string[]): string[] {
  return vocabulary.filter((c) => codes.includes(c));
}

async function insertContacts(tx: EntityManager, participantId: string, contacts: EmergencyContactDto[]): Promise<void> {
  for (const c of contacts) {
    await tx.query(`INSERT INTO emergency_contact (id, participant_id, name, relation, phone, email) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), participantId, c.name, c.relation, c.phone, c.email ?? null]);
  }
}

async function insertGuardians(tx: EntityManager, participantId: string, guardians: GuardianDto[]): Promise<void> {
  for (const g of guardians) {
    await tx.query(
      `INSERT INTO guardian (id, participant_id, name, relation, phone, email, consent_given_at, consent_scope, consent_expires_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [randomUUID(), participantId, g.name, g.relation, g.phone, g.email ?? null, g.consentGivenAt ?? null, g.consentScope ?? null, g.consentExpiresOn ?? null],
    );
  }
}
