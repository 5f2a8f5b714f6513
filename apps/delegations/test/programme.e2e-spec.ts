import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { delegationsApp } from '../src/app.module';
import { DelegationsEnv } from '../src/config/delegations-env';

/**
 * Partnerships, the delegation lifecycle and members, in-process on the real Postgres and Kafka:
 * every rule's 409, the safeguarding checks before confirmation, input refused whole (400/413),
 * and each event published once per change and valid against its contract.
 */
describe('partnerships, delegation lifecycle and members (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const tacoma = randomUUID();
  const other = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let coordinator: string;
  let youth: string;
  let otherAdmin: string;
  const userId = randomUUID();

  const as = (token: string) => ({
    get: (p: string) => request(url).get(p).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(p).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body?: object) => request(url).patch(p).set('authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => request(url).delete(p).set('authorization', `Bearer ${token}`),
  });
  const c = () => as(coordinator);

  async function participant(org: string, dateOfBirth: string, name = 'Lan Chen', consent?: { given: boolean; expiresOn?: string }): Promise<string> {
    const id = randomUUID();
    const [given, family] = name.split(' ');
    await db.query(`INSERT INTO participant (id, organisation_id, given_name, family_name, date_of_birth, gender, nationality, created_by) VALUES ($1, $2, $3, $4, $5, 'female', 'US', $6)`,
      [id, org, given, family, dateOfBirth, userId]);
    if (consent) {
      await db.query(`INSERT INTO guardian (id, participant_id, name, relation, phone, consent_given_at, consent_expires_on) VALUES ($1, $2, 'Wei Chen', 'mother', '+1 253 555 0100', $3, $4)`,
        [randomUUID(), id, consent.given ? new Date() : null, consent.expiresOn ?? null]);
    }
    return id;
  }

  async function delegation(extra: object = {}): Promise<string> {
    const res = await c().post('/api/delegations', { title: `Visit ${randomUUID().slice(0, 6)}`, hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', ...extra }).expect(201);
    return res.body.id as string;
  }

  const addMember = (id: string, participantId: string, role = 'student') => c().post(`/api/delegations/${id}/members`, { participantId, role, lodgingNeed: 'homestay' });
  const move = (id: string, to: string, body: object = {}) => c().post(`/api/delegations/${id}/transitions`, { to, ...body });

  /** The events of one aggregate on a topic, each checked against its contract. */
  async function eventsOf(topic: string, aggregateId: string, wantAtLeast: number) {
    return eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, topic))).filter((m) => m.key === aggregateId);
      expect(msgs.length).toBeGreaterThanOrEqual(wantAtLeast);
      // exactly what the outbox holds for this aggregate: every change written once, and published once
      const [{ n }] = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE message_key = $1', [aggregateId]);
      expect(msgs.length).toBe(Number(n));
      return msgs.map((m) => parseEnvelope(m.value));
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  beforeAll(async () => {
    db = await TestDatabase.create('delegations_programme');
    const env = loadEnv(DelegationsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
    app = await createServiceApp(delegationsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    coordinator = await tokenFor({ organisationId: tacoma, roles: ['coordinator'], userId, name: 'Mei Lin' });
    youth = await tokenFor({ organisationId: tacoma, roles: ['youth-manager'] });
    otherAdmin = await tokenFor({ organisationId: other, roles: ['admin'] });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  describe('partnerships', () => {
    let fuzhou: string;

    it('registers a partner city, publishes partnership.registered once, and hides it from other organisations', async () => {
      const res = await c().post('/api/delegations/partnerships', {
        partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-10-04', programmeAreas: ['youth-education', 'arts-culture'],
      }).expect(201);
      fuzhou = res.body.id;
      expect(res.body).toMatchObject({ partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-10-04', status: 'active', organisationId: tacoma });
      await as(youth).get(`/api/delegations/partnerships/${fuzhou}`).expect(200);
      await as(otherAdmin).get(`/api/delegations/partnerships/${fuzhou}`).expect(404);
      await as(otherAdmin).patch(`/api/delegations/partnerships/${fuzhou}`, { status: 'ended' }).expect(404);
      expect((await as(otherAdmin).get('/api/delegations/partnerships').expect(200)).body).toEqual({ items: [], total: 0 });
      expect((await c().get('/api/delegations/partnerships?programmeArea=arts-culture').expect(200)).body.total).toBe(1);

      await c().patch(`/api/delegations/partnerships/${fuzhou}`, { status: 'dormant' }).expect(200);
      await c().patch(`/api/delegations/partnerships/${fuzhou}`, { status: 'dormant' }).expect(200); // no change, no event
      const events = await eventsOf(Topics.partnershipEvents, fuzhou, 2);
      expect(events.map((e) => e.type)).toEqual(['partnership.registered', 'partnership.updated']);
      expect(events[1].payload).toMatchObject({ status: 'dormant', changed: ['status'] });
    });

    it('refuses a bad time zone, country, area or date, naming each field, and writes nothing', async () => {
      const res = await c().post('/api/delegations/partnerships', {
        partnerCity: 'Nowhere', partnerCountry: 'china', partnerTimeZone: 'Mars/Olympus', establishedOn: '1994-02-30', programmeAreas: ['sports'], extra: 1,
      }).expect(400);
      expect((res.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['establishedOn', 'extra', 'partnerCountry', 'partnerTimeZone', 'programmeAreas']);
      expect(await db.query(`SELECT 1 FROM partnership WHERE partner_city = 'Nowhere'`)).toHaveLength(0);
    });

    it('shares a delegation only with its partnership\'s partner organisation: 409 SHARE_NOT_PARTNER for anything else, nothing written', async () => {
      const partnerOrg = randomUUID();
      const withPartner = (await c().post('/api/delegations/partnerships', {
        partnerCity: 'Kitakyushu', partnerCountry: 'JP', partnerTimeZone: 'Asia/Tokyo', establishedOn: '1959-01-01', programmeAreas: ['youth-education'], partnerOrganisationId: partnerOrg,
      }).expect(201)).body.id as string;
      const linked = await delegation({ partnershipId: withPartner });
      const unlinked = await delegation();
      const withoutPartnerOrg = await delegation({ partnershipId: fuzhou });
      const refusals: [string, string][] = [[linked, randomUUID()], [linked, other], [unlinked, partnerOrg], [withoutPartnerOrg, partnerOrg]];
      for (const [id, organisationId] of refusals) {
        const res = await c().post(`/api/delegations/${id}/shares`, { organisationId });
        expect({ id, organisationId, status: res.status, code: res.body.code }).toEqual({ id, organisationId, status: 409, code: 'DELEGATION.SHARE_NOT_PARTNER' });
        expect(res.body.message[0]).toContain('only with the partner organisation of its partnership');
      }
      expect(await db.query(`SELECT 1 FROM delegation_share WHERE delegation_id = ANY($1)`, [[linked, unlinked, withoutPartnerOrg]])).toHaveLength(0);
      const shared = await c().post(`/api/delegations/${linked}/shares`, { organisationId: partnerOrg }).expect(201);
      expect(shared.body).toMatchObject({ delegationId: linked, partnerOrganisationId: partnerOrg });
    });

    it('withdraws a share that no longer holds: the partnership names another partner, or the delegation leaves the partnership', async () => {
      const first = randomUUID();
      const second = randomUUID();
      const p = (await c().post('/api/delegations/partnerships', {
        partnerCity: 'Kiryat Motzkin', partnerCountry: 'IL', partnerTimeZone: 'Asia/Jerusalem', establishedOn: '1980-01-01', programmeAreas: ['youth-education'], partnerOrganisationId: first,
      }).expect(201)).body.id as string;
      const a = await delegation({ partnershipId: p });
      const b = await delegation({ partnershipId: p });
      for (const id of [a, b]) await c().post(`/api/delegations/${id}/shares`, { organisationId: first }).expect(201);
      const shares = async () => (await db.query<{ delegation_id: string; partner_organisation_id: string }>(
        `SELECT delegation_id, partner_organisation_id FROM delegation_share WHERE delegation_id = ANY($1) ORDER BY delegation_id`, [[a, b]]));
      expect(await shares()).toHaveLength(2);

      await c().patch(`/api/delegations/${a}`, { partnershipId: null }).expect(200);
      expect((await shares()).map((r) => r.delegation_id)).toEqual([b]);
      await c().patch(`/api/delegations/partnerships/${p}`, { partnerOrganisationId: second }).expect(200);
      expect(await shares()).toEqual([]);
      await c().post(`/api/delegations/${b}/shares`, { organisationId: second }).expect(201);

      for (const id of [a, b]) {
        const unshared = (await eventsOf(Topics.delegationEvents, id, 1)).filter((e) => e.type === 'delegation.unshared');
        expect(unshared.map((e) => e.payload)).toEqual([expect.objectContaining({ delegationId: id, partnerOrganisationId: first })]);
      }
    });

    it('links a delegation to an own partnership only, defaulting an outbound visit to the partner city zone', async () => {
      const res = await c().post('/api/delegations', { title: 'Tacoma Youth Symphony to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', partnershipId: fuzhou, programmeArea: 'arts-culture' }).expect(201);
      expect(res.body).toMatchObject({ partnershipId: fuzhou, hostTimeZone: 'Asia/Shanghai', direction: 'outbound', minorsPerAdult: 5, version: 1 });
      const theirs = await as(otherAdmin).post('/api/delegations', { title: 'Not yours', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', partnershipId: fuzhou }).expect(400);
      expect(theirs.body.code).toBe('DELEGATION.PARTNERSHIP_UNKNOWN');
      const list = await c().get(`/api/delegations?partnershipId=${fuzhou}&programmeArea=arts-culture&direction=outbound`).expect(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([res.body.id]);
    });
  });

  describe('lifecycle', () => {
    it('walks draft → planning → confirmed → in-progress → completed, one status-changed event per step', async () => {
      const id = await delegation();
      await addMember(id, await participant(tacoma, '1980-03-01', 'Mei Lin'), 'official').expect(201);
      for (const to of ['planning', 'confirmed', 'in-progress', 'completed']) {
        const res = await move(id, to).expect(200);
        expect(res.body.status).toBe(to);
      }
      const refused = await move(id, 'cancelled').expect(409);
      expect(refused.body).toMatchObject({ code: 'DELEGATION.TRANSITION_NOT_ALLOWED', details: { from: 'completed', to: 'cancelled' } });
      const events = await eventsOf(Topics.delegationEvents, id, 6);
      expect(events.map((e) => e.type)).toEqual(['delegation.created', 'member.added', 'delegation.status-changed', 'delegation.status-changed', 'delegation.status-changed', 'delegation.status-changed']);
      expect(events.slice(2).map((e) => `${(e.payload as { from: string }).from}>${(e.payload as { to: string }).to}`)).toEqual(['draft>planning', 'planning>confirmed', 'confirmed>in-progress', 'in-progress>completed']);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    });

    it('refuses skipping a state (409 TRANSITION_NOT_ALLOWED) and an unknown target (400)', async () => {
      const id = await delegation();
      expect((await move(id, 'confirmed').expect(409)).body.code).toBe('DELEGATION.TRANSITION_NOT_ALLOWED');
      expect((await move(id, 'in-progress').expect(409)).body.code).toBe('DELEGATION.TRANSITION_NOT_ALLOWED');
      expect((await move(id, 'draft').expect(400)).body.fields[0].field).toBe('to');
      const [row] = await db.query<{ status: string }>('SELECT status FROM delegation WHERE id = $1', [id]);
      expect(row.status).toBe('draft');
    });

    it('cancels from any state before completed, keeping the reason out of the event', async () => {
      const id = await delegation();
      await move(id, 'planning').expect(200);
      await move(id, 'cancelled', { reason: 'visa refused for Lan Chen' }).expect(200);
      const [row] = await db.query<{ cancelled_reason: string }>('SELECT cancelled_reason FROM delegation WHERE id = $1', [id]);
      expect(row.cancelled_reason).toBe('visa refused for Lan Chen');
      expect((await move(id, 'planning').expect(409)).body.code).toBe('DELEGATION.TRANSITION_NOT_ALLOWED');
      const events = await eventsOf(Topics.delegationEvents, id, 3);
      expect(JSON.stringify(events)).not.toContain('visa refused');
    });

    it('cannot confirm with no members', async () => {
      const id = await delegation();
      await move(id, 'planning').expect(200);
      expect((await move(id, 'confirmed').expect(409)).body.code).toBe('DELEGATION.NO_MEMBERS');
    });

    it('cannot confirm while a minor lacks valid guardian consent, naming the member; valid consent unblocks it', async () => {
      const id = await delegation();
      await addMember(id, await participant(tacoma, '1975-01-01', 'Mei Lin'), 'chaperone').expect(201);
      const noConsent = await participant(tacoma, '2012-05-01', 'Lan Chen');
      const expired = await participant(tacoma, '2011-05-01', 'Bo Wu', { given: true, expiresOn: '2027-04-17' });
      await addMember(id, noConsent).expect(201);
      const expiredMember = (await addMember(id, expired).expect(201)).body.id;
      await move(id, 'planning').expect(200);
      const refused = await move(id, 'confirmed').expect(409);
      expect(refused.body.code).toBe('DELEGATION.MINOR_WITHOUT_CONSENT');
      expect(refused.body.message[0]).toContain('Lan Chen');
      expect(refused.body.details.members.map((m: { name: string }) => m.name).sort()).toEqual(['Bo Wu', 'Lan Chen']);

      const list = await c().get(`/api/delegations/${id}/members`).expect(200);
      expect(list.body.warnings.map((w: { code: string }) => w.code)).toEqual(['DELEGATION.MINOR_WITHOUT_CONSENT']);

      await db.query(`INSERT INTO guardian (id, participant_id, name, relation, phone, consent_given_at) VALUES ($1, $2, 'Jun Chen', 'father', '+1', now())`, [randomUUID(), noConsent]);
      await c().delete(`/api/delegations/${id}/members/${expiredMember}`).expect(204);
      expect((await move(id, 'confirmed').expect(200)).body.status).toBe('confirmed');
    });

    it('cannot confirm when the minors outnumber the adults × minorsPerAdult, with the counts', async () => {
      const id = await delegation({ minorsPerAdult: 2 });
      await addMember(id, await participant(tacoma, '1970-01-01', 'Ana Ruiz'), 'chaperone').expect(201);
      for (let i = 0; i < 3; i++) await addMember(id, await participant(tacoma, '2010-01-01', `Kid${i} Ruiz`, { given: true })).expect(201);
      const list = await c().get(`/api/delegations/${id}/members`).expect(200);
      expect(list.body.adultRatio).toEqual({ minors: 3, adults: 1, minorsPerAdult: 2, requiredAdults: 2, ok: false });
      expect(list.body.items[0]).toMatchObject({ ageOnStartDate: expect.any(Number), minor: expect.any(Boolean) });
      expect(list.body.warnings[0].code).toBe('DELEGATION.NOT_ENOUGH_ADULTS');
      await move(id, 'planning').expect(200);
      const refused = await move(id, 'confirmed').expect(409);
      expect(refused.body).toMatchObject({ code: 'DELEGATION.NOT_ENOUGH_ADULTS', details: { minors: 3, adults: 1, requiredAdults: 2 } });
      await c().patch(`/api/delegations/${id}`, { minorsPerAdult: 3 }).expect(200);
      await move(id, 'confirmed').expect(200);
    });

    it('locks the dates once in progress (409 DATES_LOCKED) but not the rest; nothing changes once completed', async () => {
      const id = await delegation();
      await addMember(id, await participant(tacoma, '1980-01-01', 'Mei Lin')).expect(201);
      for (const to of ['planning', 'confirmed', 'in-progress']) await move(id, to).expect(200);
      expect((await c().patch(`/api/delegations/${id}`, { endDate: '2027-04-20' }).expect(409)).body.code).toBe('DELEGATION.DATES_LOCKED');
      await c().patch(`/api/delegations/${id}`, { purpose: 'concerts' }).expect(200);
      await move(id, 'completed').expect(200);
      expect((await c().patch(`/api/delegations/${id}`, { title: 'Renamed' }).expect(409)).body.code).toBe('DELEGATION.CLOSED');
      expect((await addMember(id, await participant(tacoma, '1980-01-01', 'Late Comer')).expect(409)).body.code).toBe('DELEGATION.MEMBERS_LOCKED');
      const [row] = await db.query<{ end_date: string; title: string }>(`SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date, title FROM delegation WHERE id = $1`, [id]);
      expect(row.end_date).toBe('2027-04-18');
    });

    it('refuses a stale version (409 VERSION_CONFLICT)', async () => {
      const id = await delegation();
      await c().patch(`/api/delegations/${id}`, { title: 'Renamed once', version: 1 }).expect(200);
      expect((await c().patch(`/api/delegations/${id}`, { title: 'Renamed twice', version: 1 }).expect(409)).body.code).toBe('DELEGATION.VERSION_CONFLICT');
      expect((await move(id, 'planning', { version: 1 }).expect(409)).body.code).toBe('DELEGATION.VERSION_CONFLICT');
      await move(id, 'planning', { version: 2 }).expect(200);
    });
  });

  describe('updates and members: events and input', () => {
    it('answers where the lifecycle may go next (allowedTransitions) on create, read, list and transition', async () => {
      const created = await c().post('/api/delegations', { title: `Visit ${randomUUID().slice(0, 6)}`, hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' }).expect(201);
      expect(created.body.allowedTransitions).toEqual(['planning', 'cancelled']);
      const id = created.body.id as string;
      expect((await move(id, 'planning').expect(200)).body.allowedTransitions).toEqual(['confirmed', 'cancelled']);
      expect((await c().get(`/api/delegations/${id}`).expect(200)).body.allowedTransitions).toEqual(['confirmed', 'cancelled']);
      const list = await c().get('/api/delegations?limit=200').expect(200);
      expect(list.body.items.find((d: { id: string }) => d.id === id).allowedTransitions).toEqual(['confirmed', 'cancelled']);
      expect((await move(id, 'cancelled', { reason: 'postponed' }).expect(200)).body.allowedTransitions).toEqual([]);
    });

    it('publishes the host time zone given at creation in delegation.created (other services show times in it)', async () => {
      const id = await delegation({ hostTimeZone: 'Asia/Shanghai' });
      const [created] = await eventsOf(Topics.delegationEvents, id, 1);
      expect(created).toMatchObject({ type: 'delegation.created', payload: { delegationId: id, hostTimeZone: 'Asia/Shanghai' } });
    });

    it('publishes delegation.updated once per real change, with the changed fields', async () => {
      const id = await delegation();
      await c().patch(`/api/delegations/${id}`, { startDate: '2027-04-11', hostTimeZone: 'Asia/Shanghai' }).expect(200);
      await c().patch(`/api/delegations/${id}`, { startDate: '2027-04-11' }).expect(200); // no-op
      const events = await eventsOf(Topics.delegationEvents, id, 2);
      expect(events.map((e) => e.type)).toEqual(['delegation.created', 'delegation.updated']);
      expect(events[1].payload).toMatchObject({ changed: ['hostTimeZone', 'startDate'], startDate: '2027-04-11', hostTimeZone: 'Asia/Shanghai', version: 2 });
    });

    it('adds, updates and removes members: duplicates 409, other participants 400, events with no personal data', async () => {
      const id = await delegation();
      const p = await participant(tacoma, '2012-05-01', 'Lan Chen', { given: true });
      const added = await c().post(`/api/delegations/${id}/members`, { participantId: p, role: 'student', lodgingNeed: 'homestay', notes: 'peanut allergy' }).expect(201);
      expect(added.body).toMatchObject({ participantId: p, givenName: 'Lan', familyName: 'Chen', role: 'student', minor: true, ageOnStartDate: 14, hasValidConsent: true });
      expect((await addMember(id, p).expect(409)).body.code).toBe('MEMBER.DUPLICATE');
      const foreign = await participant(other, '1990-01-01', 'Not Ours');
      expect((await addMember(id, foreign).expect(400)).body.fields[0].field).toBe('participantId');
      await c().patch(`/api/delegations/${id}/members/${added.body.id}`, { lodgingNeed: 'hotel', notes: 'sesame too' }).expect(200);
      await c().patch(`/api/delegations/${id}/members/${added.body.id}`, { lodgingNeed: 'hotel' }).expect(200); // no-op
      await c().delete(`/api/delegations/${id}/members/${added.body.id}`).expect(204);
      await c().delete(`/api/delegations/${id}/members/${added.body.id}`).expect(204); // idempotent, no second event
      await as(otherAdmin).get(`/api/delegations/${id}/members`).expect(404);
      await as(otherAdmin).delete(`/api/delegations/${id}/members/${added.body.id}`).expect(404);

      const events = await eventsOf(Topics.delegationEvents, id, 4);
      expect(events.map((e) => e.type)).toEqual(['delegation.created', 'member.added', 'member.updated', 'member.removed']);
      expect(events[2].payload).toMatchObject({ lodgingNeed: 'hotel', changed: ['lodgingNeed', 'notes'] });
      const text = JSON.stringify(events);
      for (const secret of ['peanut', 'sesame', 'Lan', 'Chen', '2012-05-01']) expect(text).not.toContain(secret);
    });

    it('refuses wrong types, unknown fields and dates in the wrong order, naming the fields, with no partial write', async () => {
      const id = await delegation();
      const before = await db.query('SELECT * FROM delegation WHERE id = $1', [id]);
      const bad = await c().patch(`/api/delegations/${id}`, { title: 42, startDate: '2027-05-10', endDate: '2027-05-01', colour: 'red', minorsPerAdult: '5' }).expect(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['colour', 'endDate', 'minorsPerAdult', 'title']);
      const later = await c().patch(`/api/delegations/${id}`, { startDate: '2027-05-01' }).expect(400);
      expect(later.body).toMatchObject({ code: 'DELEGATION.END_BEFORE_START', fields: [{ field: 'startDate' }] });
      const member = await c().post(`/api/delegations/${id}/members`, { participantId: 'nope', role: 'tourist', lodgingNeed: 'tent', isLeader: 'yes' }).expect(400);
      expect((member.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['isLeader', 'lodgingNeed', 'participantId', 'role']);
      const list = await c().get('/api/delegations?sort=colour&order=up&from=2027-05-01&to=2027-04-01&limit=0').expect(400);
      expect((list.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['limit', 'order', 'sort', 'to']);
      expect(await db.query('SELECT * FROM delegation WHERE id = $1', [id])).toEqual(before);
      expect(await db.query('SELECT 1 FROM delegation_member WHERE delegation_id = $1', [id])).toHaveLength(0);
      expect(await db.query(`SELECT 1 FROM outbox WHERE message_key = $1 AND convert_from(value, 'UTF8') NOT LIKE '%delegation.created%'`, [id])).toHaveLength(0);
    });

    it('refuses a 10 MB body with 413 and writes nothing', async () => {
      const res = await c().post('/api/delegations', { title: 'Huge', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', purpose: 'x'.repeat(10 * 1024 * 1024) });
      expect(res.status).toBe(413);
      expect(await db.query(`SELECT 1 FROM delegation WHERE title = 'Huge'`)).toHaveLength(0);
    });

    it('filters, sorts and pages the list', async () => {
      const a = await delegation({ title: 'AAA sort', startDate: '2030-01-01', endDate: '2030-01-05', direction: 'inbound' });
      const b = await delegation({ title: 'BBB sort', startDate: '2030-02-01', endDate: '2030-02-05', direction: 'inbound' });
      const asc = await c().get('/api/delegations?from=2030-01-01&to=2030-12-31&sort=title&order=desc&direction=inbound').expect(200);
      expect(asc.body.items.map((d: { id: string }) => d.id)).toEqual([b, a]);
      const page = await c().get('/api/delegations?from=2030-01-01&sort=startDate&order=asc&limit=1&offset=1&status=draft').expect(200);
      expect({ total: page.body.total, ids: page.body.items.map((d: { id: string }) => d.id) }).toEqual({ total: 2, ids: [b] });
    });
  });
});
