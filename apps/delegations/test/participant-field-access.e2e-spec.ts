import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { kafkaBrokers, TestDatabase, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { delegationsApp } from '../src/app.module';
import { DelegationsEnv } from '../src/config/delegations-env';

/**
 * Every sensitive field of a participant x every role x every relation, for reading and for writing, on the real
 * service and database. The expectations are written out here (not computed from the rule), so the service is held
 * to the table the README documents. Writing is owner-only and never wider than reading; consent is recorded only by
 * a youth manager or an admin of the owning organisation.
 */
describe('participant fields: who reads and who writes each sensitive kind (real Postgres)', () => {
  type Caller = `${'owner' | 'partner' | 'other'}:${Role}`;
  type Kind = 'medicalNotes' | 'allergies' | 'dietaryNeeds' | 'emergencyContacts' | 'guardianContacts' | 'guardianConsent';
  const KINDS: Kind[] = ['medicalNotes', 'allergies', 'dietaryNeeds', 'emergencyContacts', 'guardianContacts', 'guardianConsent'];
  const ROLES: Role[] = ['admin', 'coordinator', 'youth-manager', 'host'];
  const CALLERS: Caller[] = (['owner', 'partner', 'other'] as const).flatMap((rel) => ROLES.map((r) => `${rel}:${r}` as Caller));
  const staff = (r: Role) => r !== 'host';

  /** Who sees each kind (the participants API is for staff only: a host is refused by role, 403, whatever the field). */
  const READERS: Record<Kind, Caller[]> = {
    medicalNotes: ['owner:youth-manager', 'owner:admin'],
    allergies: ['owner:youth-manager', 'owner:admin', 'owner:coordinator', 'partner:coordinator'],
    dietaryNeeds: ['owner:youth-manager', 'owner:admin', 'owner:coordinator', 'partner:coordinator'],
    emergencyContacts: ['owner:youth-manager', 'owner:admin', 'owner:coordinator', 'partner:coordinator'],
    guardianContacts: ['owner:youth-manager', 'owner:admin'],
    guardianConsent: ['owner:youth-manager', 'owner:admin', 'owner:coordinator', 'partner:youth-manager', 'partner:admin', 'partner:coordinator'],
  };
  /** Who writes each kind: the owner's readers, consent only youth managers and admins. */
  const WRITERS: Record<Kind, Caller[]> = {
    medicalNotes: ['owner:youth-manager', 'owner:admin'],
    allergies: ['owner:youth-manager', 'owner:admin', 'owner:coordinator'],
    dietaryNeeds: ['owner:youth-manager', 'owner:admin', 'owner:coordinator'],
    emergencyContacts: ['owner:youth-manager', 'owner:admin', 'owner:coordinator'],
    guardianContacts: ['owner:youth-manager', 'owner:admin'],
    guardianConsent: ['owner:youth-manager', 'owner:admin'],
  };

  const owner = randomUUID();
  const partner = randomUUID();
  const other = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const tokens = {} as Record<Caller, string>;
  let participantId: string;

  const guardian = (phone: string, consent: boolean) => ({
    name: 'Wei Chen', relation: 'father', phone, ...(consent ? { consentGivenAt: '2027-01-10T18:00:00Z', consentScope: 'travel, homestay', consentExpiresOn: '2027-12-31' } : {}),
  });
  const student = () => ({
    givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', nationality: 'US',
    dietaryNeeds: { codes: ['vegetarian'] }, allergies: { codes: ['peanut'] }, medicalNotes: 'carries an EpiPen',
    emergencyContacts: [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101' }], guardians: [guardian('+1 253 555 0101', true)],
  });
  /** A write of one kind, and how to read back whether it landed (from the database, whatever the caller may see). */
  const WRITES: Record<Kind, { body: (n: number) => object; stored: (n: number) => Promise<boolean> }> = {
    medicalNotes: { body: (n) => ({ medicalNotes: `note ${n}` }), stored: async (n) => (await column('medical_notes')) === `note ${n}` },
    allergies: { body: (n) => ({ allergies: { codes: ['peanut'], note: `allergy ${n}` } }), stored: async (n) => (await column('allergy_note')) === `allergy ${n}` },
    dietaryNeeds: { body: (n) => ({ dietaryNeeds: { codes: ['vegetarian'], note: `diet ${n}` } }), stored: async (n) => (await column('diet_note')) === `diet ${n}` },
    emergencyContacts: {
      body: (n) => ({ emergencyContacts: [{ name: `Contact ${n}`, relation: 'aunt', phone: '+1 253 555 0199' }] }),
      stored: async (n) => (await db.query<{ name: string }>(`SELECT name FROM emergency_contact WHERE participant_id = $1`, [participantId])).some((c) => c.name === `Contact ${n}`),
    },
    guardianContacts: {
      body: (n) => ({ guardians: [guardian(`+1 253 555 ${String(1000 + n)}`, true)] }),
      stored: async (n) => (await db.query<{ phone: string }>(`SELECT phone FROM guardian WHERE participant_id = $1`, [participantId])).some((g) => g.phone === `+1 253 555 ${String(1000 + n)}`),
    },
    guardianConsent: {
      // the same guardian, consent withdrawn: the one change a coordinator could make that matters most
      body: () => ({ guardians: [guardian('+1 253 555 0101', false)] }),
      stored: async () => (await db.query<{ c: Date | null }>(`SELECT consent_given_at AS c FROM guardian WHERE participant_id = $1`, [participantId])).every((g) => g.c === null),
    },
  };
  async function column(name: string): Promise<string> {
    return (await db.query<Record<string, string>>(`SELECT ${name} FROM participant WHERE id = $1`, [participantId]))[0][name];
  }
  const api = () => request(url);
  const auth = (caller: Caller) => ({ authorization: `Bearer ${tokens[caller]}` });

  beforeAll(async () => {
    db = await TestDatabase.create('delegations_field_access');
    const env = loadEnv(DelegationsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix() });
    app = await createServiceApp(delegationsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    for (const caller of CALLERS) {
      const [rel, role] = caller.split(':') as ['owner' | 'partner' | 'other', Role];
      tokens[caller] = await tokenFor({ organisationId: { owner, partner, other }[rel], roles: [role] });
    }
    // the partner organisation sees the participant through a shared delegation of the partnership
    const partnership = await api().post('/api/delegations/partnerships').set(auth('owner:admin'))
      .send({ partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-01-01', programmeAreas: ['youth-education'], partnerOrganisationId: partner }).expect(201);
    const delegation = await api().post('/api/delegations').set(auth('owner:admin'))
      .send({ title: 'Tacoma Youth Symphony to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', partnershipId: partnership.body.id }).expect(201);
    participantId = (await api().post('/api/delegations/participants').set(auth('owner:youth-manager')).send(student()).expect(201)).body.id;
    await api().post(`/api/delegations/${delegation.body.id}/members`).set(auth('owner:admin')).send({ participantId, role: 'student', lodgingNeed: 'homestay' }).expect(201);
    await api().post(`/api/delegations/${delegation.body.id}/shares`).set(auth('owner:admin')).send({ organisationId: partner }).expect(201);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('shows each kind exactly to its readers', async () => {
    const seen: Record<string, boolean | number> = {};
    const wanted: Record<string, boolean | number> = {};
    for (const caller of CALLERS) {
      const res = await api().get(`/api/delegations/participants/${participantId}`).set(auth(caller));
      const role = caller.split(':')[1] as Role;
      const status = !staff(role) ? 403 : caller.startsWith('other:') ? 404 : 200;
      expect({ caller, status: res.status }).toEqual({ caller, status });
      if (res.status !== 200) continue;
      const present: Record<Kind, boolean> = {
        medicalNotes: 'medicalNotes' in res.body, allergies: 'allergies' in res.body, dietaryNeeds: 'dietaryNeeds' in res.body,
        emergencyContacts: 'emergencyContacts' in res.body, guardianContacts: 'phone' in res.body.guardians[0] && 'name' in res.body.guardians[0],
        guardianConsent: 'consentGivenAt' in res.body.guardians[0],
      };
      for (const kind of KINDS) {
        seen[`${caller} reads ${kind}`] = present[kind];
        wanted[`${caller} reads ${kind}`] = READERS[kind].includes(caller);
      }
    }
    expect(seen).toEqual(wanted);
  });

  it('lets each kind be written exactly by its writers: 403 naming the field for the others of the owner, 404 for other organisations', async () => {
    const got: Record<string, unknown> = {};
    const wanted: Record<string, unknown> = {};
    let n = 0;
    for (const kind of KINDS) {
      for (const caller of CALLERS) {
        n += 1;
        // put the record back as the youth manager registered it, so each write starts from the same state
        await api().patch(`/api/delegations/participants/${participantId}`).set(auth('owner:youth-manager'))
          .send({ medicalNotes: 'carries an EpiPen', allergies: { codes: ['peanut'], note: '' }, dietaryNeeds: { codes: ['vegetarian'], note: '' }, emergencyContacts: student().emergencyContacts, guardians: student().guardians }).expect(200);
        const res = await api().patch(`/api/delegations/participants/${participantId}`).set(auth(caller)).send(WRITES[kind].body(n));
        const role = caller.split(':')[1] as Role;
        const writes = WRITERS[kind].includes(caller);
        const status = !staff(role) ? 403 : !caller.startsWith('owner:') ? 404 : writes ? 200 : 403;
        const key = `${caller} writes ${kind}`;
        got[key] = { status: res.status, code: res.body.code, fields: res.body.fields?.map((f: { field: string }) => f.field), stored: await WRITES[kind].stored(n) };
        wanted[key] = {
          status,
          code: status === 200 ? undefined : status === 404 ? 'PARTICIPANT.NOT_FOUND' : staff(role) ? 'AUTH.FIELD_NOT_WRITABLE' : 'AUTH.ROLE_REQUIRED',
          fields: status === 403 && staff(role) ? [Object.keys(WRITES[kind].body(n))[0]] : undefined,
          stored: writes,
        };
      }
    }
    expect(got).toEqual(wanted);
  });

  it('refuses a registration carrying a field the role may not write, and writes nothing', async () => {
    const before = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant`))[0].n;
    const { medicalNotes, guardians, ...plain } = student();
    const coordinator = auth('owner:coordinator');
    for (const [body, field] of [[{ ...plain, medicalNotes }, 'medicalNotes'], [{ ...plain, guardians }, 'guardians']] as const) {
      const res = await api().post('/api/delegations/participants').set(coordinator).send(body).expect(403);
      expect(res.body).toMatchObject({ code: 'AUTH.FIELD_NOT_WRITABLE', fields: [{ field }] });
    }
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant`))[0].n).toBe(before);
    // what a coordinator may write, they register
    const ok = await api().post('/api/delegations/participants').set(coordinator).send(plain).expect(201);
    expect(ok.body).toMatchObject({ allergies: { codes: ['peanut'] }, dietaryNeeds: { codes: ['vegetarian'] }, guardians: [] });
  });

  it('keeps a minor without consent blocked when a coordinator tries to record consent; a youth manager records it', async () => {
    const { guardians: _guardians, medicalNotes: _notes, ...plain } = student();
    const minor = (await api().post('/api/delegations/participants').set(auth('owner:youth-manager')).send({ ...plain, givenName: 'Mei', guardians: [guardian('+1 253 555 0177', false)] }).expect(201)).body.id as string;
    const adult = (await api().post('/api/delegations/participants').set(auth('owner:coordinator')).send({ ...plain, givenName: 'Ada', dateOfBirth: '1980-01-01' }).expect(201)).body.id as string;
    const d = (await api().post('/api/delegations').set(auth('owner:coordinator')).send({ title: 'Consent check', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' }).expect(201)).body.id as string;
    for (const [p, role] of [[minor, 'student'], [adult, 'chaperone']]) {
      await api().post(`/api/delegations/${d}/members`).set(auth('owner:coordinator')).send({ participantId: p, role, lodgingNeed: 'homestay' }).expect(201);
    }
    await api().post(`/api/delegations/${d}/transitions`).set(auth('owner:coordinator')).send({ to: 'planning' }).expect(200);

    const refused = await api().patch(`/api/delegations/participants/${minor}`).set(auth('owner:coordinator')).send({ guardians: [guardian('+1 253 555 0177', true)] }).expect(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.FIELD_NOT_WRITABLE', fields: [{ field: 'guardians' }] });
    expect(refused.body.message.join(' ')).toMatch(/guardianConsent/);
    const blocked = await api().post(`/api/delegations/${d}/transitions`).set(auth('owner:coordinator')).send({ to: 'confirmed' }).expect(409);
    expect(blocked.body.code).toBe('DELEGATION.MINOR_WITHOUT_CONSENT');

    await api().patch(`/api/delegations/participants/${minor}`).set(auth('owner:youth-manager')).send({ guardians: [guardian('+1 253 555 0177', true)] }).expect(200);
    await api().post(`/api/delegations/${d}/transitions`).set(auth('owner:coordinator')).send({ to: 'confirmed' }).expect(200);
  });
});
