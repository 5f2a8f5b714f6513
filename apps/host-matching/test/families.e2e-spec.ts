import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { hostMatchingApp } from '../src/app.module';
import { HostMatchingEnv } from '../src/config/host-matching-env';
import { addDays, dateOf } from '../src/families/domain/calendar';
import { VettingService } from '../src/families/application/vetting.service';

/**
 * Host families and vetting, in-process on the real Postgres and Kafka: CRUD and scoping (a host
 * sees only their own family, another organisation gets 404), bad input refused whole, background
 * check results per role, and the vetting job publishing lapsed / eligible / expiring exactly once.
 */
describe('host families and vetting (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const hostUserId = randomUUID();
  const today = dateOf(new Date());
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'coordinator' | 'admin' | 'youth' | 'host' | 'otherHost' | 'otherAdmin', string>;

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body?: object) => request(url).patch(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
  });

  const family = (extra: object = {}) => ({
    name: `Ruiz ${randomUUID().slice(0, 6)}`, address: '1200 N Proctor St, Tacoma, WA', latitude: 47.27, longitude: -122.51, bedrooms: 2, beds: 3,
    pets: ['cat'], smoking: false, languages: ['en', 'es'], diets: ['vegetarian'], interests: ['football', 'music'], guestAgeMin: 14, guestAgeMax: 18,
    guestGender: 'any', availability: [{ from: '2027-04-01', to: '2027-04-30' }], timesHosted: 2,
    members: [
      { name: 'Ana Ruiz', dateOfBirth: '1980-03-02', relation: 'parent', gender: 'female' },
      { name: 'Leo Ruiz', dateOfBirth: '2012-07-15', relation: 'child', gender: 'male' },
    ],
    ...extra,
  });

  /** The events of one family on the topic, once the topic holds exactly what the outbox holds for it. */
  async function eventsOf(familyId: string) {
    return eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.familyEvents))).filter((m) => m.key === familyId);
      const [{ n }] = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE message_key = $1', [familyId]);
      expect(msgs.length).toBe(Number(n));
      return msgs.map((m) => parseEnvelope(m.value));
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  /** The service's events, without its audit facts (a refused write is audited, but changes nothing). */
  const events = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE topic <> $1', [withPrefix(prefix, Topics.auditEvents)]))[0].n);

  beforeAll(async () => {
    db = await TestDatabase.create('host_matching_families');
    const env = loadEnv(HostMatchingEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', VETTING_JOB_INTERVAL_MS: '0' });
    app = await createServiceApp(hostMatchingApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'] });
    t.admin = await tokenFor({ organisationId: orgA, roles: ['admin'] });
    t.youth = await tokenFor({ organisationId: orgA, roles: ['youth-manager'] });
    t.host = await tokenFor({ organisationId: orgA, roles: ['host'], userId: hostUserId });
    t.otherHost = await tokenFor({ organisationId: orgA, roles: ['host'] });
    t.otherAdmin = await tokenFor({ organisationId: orgB, roles: ['admin'] });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  describe('families: registration, reads, updates and scoping', () => {
    let ownId: string;
    let otherId: string;

    beforeAll(async () => {
      ownId = (await as(t.coordinator).post('/families', family({ hostUserIds: [hostUserId] })).expect(201)).body.id;
      otherId = (await as(t.admin).post('/families', family({ name: 'Zhang household', pets: [], members: [{ name: 'Wei Zhang', dateOfBirth: '1970-01-01', relation: 'parent', gender: 'male' }] })).expect(201)).body.id;
    });

    it('registers a family with its household and publishes family.registered without address, names or vetting', async () => {
      const got = (await as(t.youth).get(`/families/${ownId}`).expect(200)).body;
      expect(got).toMatchObject({ id: ownId, organisationId: orgA, bedrooms: 2, beds: 3, pets: ['cat'], smoking: false, guestAgeMin: 14, guestAgeMax: 18, hostUserIds: [hostUserId], timesHosted: 2,
        availability: [{ from: '2027-04-01', to: '2027-04-30' }], vetting: { eligibleForMinors: false }, version: 1 });
      expect(got.members).toEqual([
        { id: expect.any(String), name: 'Ana Ruiz', dateOfBirth: '1980-03-02', relation: 'parent', gender: 'female' },
        { id: expect.any(String), name: 'Leo Ruiz', dateOfBirth: '2012-07-15', relation: 'child', gender: 'male' },
      ]);
      const [ev] = await eventsOf(ownId);
      expect(ev).toMatchObject({ type: 'family.registered', version: 1, aggregateId: ownId, organisationId: orgA, producer: 'host-matching' });
      expect(ev.payload).toMatchObject({ familyId: ownId, beds: 3, hostUserIds: [hostUserId], members: [{ dateOfBirth: '1980-03-02', relation: 'parent', gender: 'female' }, expect.anything()] });
      const raw = JSON.stringify(ev.payload);
      for (const leak of ['Proctor', 'Ana Ruiz', 'address', 'check', 'result']) expect(raw).not.toContain(leak);
    });

    it('lists the organisation’s families with pagination; another organisation sees none of them and gets 404', async () => {
      const page1 = (await as(t.coordinator).get('/families?limit=1&offset=0').expect(200)).body;
      const page2 = (await as(t.coordinator).get('/families?limit=1&offset=1').expect(200)).body;
      expect(page1.total).toBe(2);
      expect([page1.items[0].id, page2.items[0].id].sort()).toEqual([ownId, otherId].sort());
      expect((await as(t.coordinator).get('/families?q=zhang').expect(200)).body.items.map((f: { id: string }) => f.id)).toEqual([otherId]);
      expect((await as(t.otherAdmin).get('/families').expect(200)).body).toMatchObject({ items: [], total: 0 });
      await as(t.otherAdmin).get(`/families/${ownId}`).expect(404);
      await as(t.otherAdmin).patch(`/families/${ownId}`, { beds: 1 }).expect(404);
      await as(t.otherAdmin).get(`/families/${ownId}/vetting`).expect(404);
      await as(t.coordinator).get(`/families/${randomUUID()}`).expect(404);
    });

    it('a host sees and edits only their own family (others 404) and cannot change who the hosts are', async () => {
      const list = (await as(t.host).get('/families').expect(200)).body;
      expect(list.items.map((f: { id: string }) => f.id)).toEqual([ownId]);
      expect(list.total).toBe(1);
      await as(t.host).get(`/families/${otherId}`).expect(404);
      await as(t.host).patch(`/families/${otherId}`, { beds: 1 }).expect(404);
      expect((await as(t.otherHost).get('/families').expect(200)).body.total).toBe(0);
      await as(t.otherHost).get(`/families/${ownId}`).expect(404);

      const updated = (await as(t.host).patch(`/families/${ownId}`, { pets: ['cat', 'dog'], smoking: false }).expect(200)).body;
      expect(updated).toMatchObject({ pets: ['cat', 'dog'], version: 2 });
      const refused = await as(t.host).patch(`/families/${ownId}`, { hostUserIds: [] }).expect(400);
      expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'hostUserIds' })]);
      await as(t.host).get(`/families/${ownId}/vetting`).expect(403);
      await as(t.youth).patch(`/families/${ownId}`, { beds: 1 }).expect(403);
      await as(t.host).post('/families', family()).expect(403);
    });

    it('replaces the household keeping members by id, and publishes family.updated naming the changes (nothing when nothing changed)', async () => {
      const before = (await as(t.coordinator).get(`/families/${ownId}`).expect(200)).body;
      const [ana] = before.members;
      const res = (await as(t.coordinator).patch(`/families/${ownId}`, {
        beds: 4, members: [{ ...ana, name: 'Ana Ruiz-Lopez' }, { name: 'Marta Lopez', dateOfBirth: '1950-10-10', relation: 'grandparent', gender: 'female' }],
      }).expect(200)).body;
      expect(res.members.map((m: { id: string; name: string }) => [m.id === ana.id, m.name])).toEqual([[true, 'Ana Ruiz-Lopez'], [false, 'Marta Lopez']]);
      await as(t.coordinator).patch(`/families/${ownId}`, { beds: 4 }).expect(200);
      const events = await eventsOf(ownId);
      // a coordinator added and removed members: that waits for a youth manager's review
      expect(events.map((e) => e.type)).toEqual(['family.registered', 'family.updated', 'family.household-review-requested', 'family.updated']);
      expect((events[1].payload as { changed: string[] }).changed).toEqual(['pets']);
      expect((events[3].payload as { changed: string[] }).changed).toEqual(['beds', 'members']);
      const unknown = await as(t.coordinator).patch(`/families/${ownId}`, { members: [{ id: randomUUID(), name: 'X', dateOfBirth: '1990-01-01', relation: 'lodger', gender: 'male' }] }).expect(400);
      expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'members' })]);
    });

    it('refuses bad input with 400 naming the field, and writes nothing', async () => {
      const families = await count('host_family');
      const members = await count('household_member');
      const outbox = await events();
      const cases: [object, string][] = [
        [family({ latitude: 91 }), 'latitude'],
        [family({ beds: 1.5 }), 'beds'],
        [family({ name: '' }), 'name'],
        [family({ smoking: 'no' }), 'smoking'],
        [family({ guestGender: 'robots' }), 'guestGender'],
        [family({ guestAgeMin: 18, guestAgeMax: 12 }), 'guestAgeMax'],
        [family({ availability: [{ from: '2027-05-01', to: '2027-04-01' }] }), 'availability.0.to'],
        [family({ availability: [{ from: '2027-02-30', to: '2027-04-01' }] }), 'availability.0.from'],
        [family({ members: [{ name: 'Ana', dateOfBirth: '1980-13-01', relation: 'parent', gender: 'female' }] }), 'members.0.dateOfBirth'],
        [family({ members: [{ name: 'Ana', dateOfBirth: '1980-01-01', relation: 'parent', gender: 'female', backgroundCheck: 'clear' }] }), 'members.0.backgroundCheck'],
        [family({ hostUserIds: ['not-a-uuid'] }), 'hostUserIds'],
        [family({ organisationId: orgB }), 'organisationId'],
      ];
      for (const [body, field] of cases) {
        const res = await as(t.coordinator).post('/families', body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
      const { address: _address, ...withoutAddress } = family();
      expect((await as(t.coordinator).post('/families', withoutAddress).expect(400)).body.fields.map((f: { field: string }) => f.field)).toEqual(['address']);
      const own = (await as(t.coordinator).get('/families?limit=1').expect(200)).body.items[0].id;
      expect((await as(t.coordinator).patch(`/families/${own}`, { bedrooms: -1 }).expect(400)).body.fields[0].field).toBe('bedrooms');
      expect([await count('host_family'), await count('household_member'), await events()]).toEqual([families, members, outbox]);
    });
  });

  describe('vetting: background-check results per role', () => {
    let id: string;
    let anaId: string;
    let carlosId: string;

    beforeAll(async () => {
      const created = (await as(t.coordinator).post('/families', family({
        members: [
          { name: 'Ana Soto', dateOfBirth: '1979-01-01', relation: 'parent', gender: 'female' },
          { name: 'Carlos Soto', dateOfBirth: '1977-01-01', relation: 'parent', gender: 'male' },
        ],
      })).expect(201)).body;
      id = created.id;
      [anaId, carlosId] = created.members.map((m: { id: string }) => m.id);
      await as(t.youth).post(`/families/${id}/background-checks`, { memberId: anaId, result: 'clear', checkedOn: addDays(today, -10), expiresOn: addDays(today, 355) }).expect(201);
      await as(t.admin).post(`/families/${id}/background-checks`, { memberId: carlosId, result: 'concern', checkedOn: addDays(today, -10), expiresOn: addDays(today, 355) }).expect(201);
      await as(t.coordinator).post(`/families/${id}/home-visits`, { visitedBy: 'Mei Lin', visitedOn: addDays(today, -5), present: ['Ana Soto', 'Carlos Soto'], notes: 'spare room ready' }).expect(201);
      await as(t.coordinator).post(`/families/${id}/references`, { name: 'Pat Doe', relation: 'neighbour', contact: 'pat@example.org', receivedOn: addDays(today, -3) }).expect(201);
    });

    it('youth managers and admins see the results and the member whose check is a concern', async () => {
      for (const token of [t.youth, t.admin]) {
        const v = (await as(token).get(`/families/${id}/vetting`).expect(200)).body;
        expect(v).toMatchObject({ familyId: id, on: today, eligibleForMinors: false, reasons: [expect.objectContaining({ code: 'CHECK_CONCERN', memberId: carlosId })] });
        expect(v.members.map((m: { backgroundChecks: { result: string }[] }) => m.backgroundChecks.map((c) => c.result))).toEqual([['clear'], ['concern']]);
        expect(v.homeVisits).toEqual([expect.objectContaining({ visitedBy: 'Mei Lin', present: ['Ana Soto', 'Carlos Soto'] })]);
        expect(v.references).toEqual([expect.objectContaining({ name: 'Pat Doe', relation: 'neighbour' })]);
      }
    });

    it('coordinators see only each check’s status (valid/expired/missing), never a result, and may not record checks', async () => {
      const v = (await as(t.coordinator).get(`/families/${id}/vetting`).expect(200)).body;
      expect(v.eligibleForMinors).toBe(false);
      expect(v.members.map((m: { checkStatus: string }) => m.checkStatus)).toEqual(['valid', 'missing']);
      expect(v.reasons).toEqual([{ code: 'CHECK_REVIEW_REQUIRED', message: expect.any(String) }]);
      const raw = JSON.stringify(v);
      for (const leak of ['concern', 'backgroundChecks', '"result"', 'clear']) expect(raw).not.toContain(leak);
      await as(t.coordinator).post(`/families/${id}/background-checks`, { memberId: anaId, result: 'clear', checkedOn: today, expiresOn: addDays(today, 365) }).expect(403);
      await as(t.host).post(`/families/${id}/background-checks`, { memberId: anaId, result: 'clear', checkedOn: today, expiresOn: addDays(today, 365) }).expect(403);
    });

    it('refuses a check for someone outside the household or expiring before it was made (400 naming the field)', async () => {
      const checks = await count('background_check');
      expect((await as(t.youth).post(`/families/${id}/background-checks`, { memberId: randomUUID(), result: 'clear', checkedOn: today, expiresOn: addDays(today, 365) }).expect(400)).body.fields[0].field).toBe('memberId');
      expect((await as(t.youth).post(`/families/${id}/background-checks`, { memberId: anaId, result: 'clear', checkedOn: today, expiresOn: today }).expect(400)).body.fields[0].field).toBe('expiresOn');
      expect((await as(t.youth).post(`/families/${id}/background-checks`, { memberId: anaId, result: 'fine', checkedOn: today, expiresOn: addDays(today, 9) }).expect(400)).body.fields[0].field).toBe('result');
      expect(await count('background_check')).toBe(checks);
    });
  });

  describe('household changes by a host wait for a youth manager\'s review', () => {
    /** A family eligible but for one unchecked adult (the uncle): Ana checked clear, home visit recorded. */
    async function familyWithUncheckedUncle() {
      const created = (await as(t.coordinator).post('/families', family({
        hostUserIds: [hostUserId],
        members: [
          { name: 'Ana Ruiz', dateOfBirth: '1980-03-02', relation: 'parent', gender: 'female' },
          { name: 'Tio Ruiz', dateOfBirth: '1990-05-05', relation: 'uncle', gender: 'male' },
        ],
      })).expect(201)).body;
      const [ana, uncle] = created.members as { id: string; name: string; dateOfBirth: string; relation: string; gender: string }[];
      await as(t.youth).post(`/families/${created.id}/background-checks`, { memberId: ana.id, result: 'clear', checkedOn: addDays(today, -10), expiresOn: addDays(today, 300) }).expect(201);
      const visited = (await as(t.coordinator).post(`/families/${created.id}/home-visits`, { visitedBy: 'Mei Lin', visitedOn: today, present: ['Ana Ruiz'] }).expect(201)).body;
      expect(visited.reasons.map((r: { code: string }) => r.code)).toEqual(['CHECK_MISSING']);
      return { id: created.id as string, ana, uncle };
    }

    it('re-dating an unchecked adult as a child keeps the family ineligible until a youth manager confirms; the change and the review are recorded and published', async () => {
      const { id, ana, uncle } = await familyWithUncheckedUncle();
      await as(t.host).patch(`/families/${id}`, { members: [ana, { ...uncle, dateOfBirth: '2015-05-05' }] }).expect(200);

      const pending = (await as(t.coordinator).get(`/families/${id}/vetting`).expect(200)).body;
      expect(pending.eligibleForMinors).toBe(false);
      expect(pending.reasons).toEqual([expect.objectContaining({ code: 'HOUSEHOLD_REVIEW_PENDING', since: today })]);
      expect(pending.householdReview).toMatchObject({ pending: true, changes: [{ changedBy: hostUserId, birthDateChanged: [uncle.id], added: [], removed: [], needsReview: true, reviewedBy: null,
        before: [expect.anything(), expect.objectContaining({ id: uncle.id, dateOfBirth: '1990-05-05' })], after: [expect.anything(), expect.objectContaining({ id: uncle.id, dateOfBirth: '2015-05-05' })] }] });
      const changeId = pending.householdReview.lastPendingChangeId as string;
      expect(changeId).toBe(pending.householdReview.changes[0].id);
      expect((await as(t.host).get(`/families/${id}`).expect(200)).body.vetting).toMatchObject({ eligibleForMinors: false, householdReviewPending: true });

      // only a youth manager or an admin confirms, naming the newest change they saw
      await as(t.coordinator).post(`/families/${id}/household-review`, { lastChangeId: changeId }).expect(403);
      await as(t.host).post(`/families/${id}/household-review`, { lastChangeId: changeId }).expect(403);
      expect((await as(t.youth).post(`/families/${id}/household-review`, { lastChangeId: randomUUID() }).expect(400)).body).toMatchObject({ code: 'FAMILY.HOUSEHOLD_CHANGE_UNKNOWN', fields: [{ field: 'lastChangeId' }] });
      expect((await as(t.youth).post(`/families/${id}/household-review`, {}).expect(400)).body.fields[0].field).toBe('lastChangeId');
      const confirmed = (await as(t.youth).post(`/families/${id}/household-review`, { lastChangeId: changeId, note: 'called Ana: Tio is her son, the old date was a typo' }).expect(201)).body;
      expect(confirmed).toMatchObject({ eligibleForMinors: true, reasons: [], householdReview: { pending: false, lastPendingChangeId: null,
        changes: [{ id: changeId, reviewedBy: expect.any(String), reviewedAt: expect.any(String), reviewNote: 'called Ana: Tio is her son, the old date was a typo' }] } });
      expect((await as(t.youth).post(`/families/${id}/household-review`, { lastChangeId: changeId }).expect(409)).body.code).toBe('FAMILY.NO_HOUSEHOLD_REVIEW_PENDING');

      const events = (await eventsOf(id)).map((e) => ({ type: e.type, payload: e.payload as Record<string, unknown> }));
      expect(events.map((e) => e.type)).toEqual(['family.registered', 'family.household-review-requested', 'family.updated', 'family.household-reviewed', 'family.vetting-eligible']);
      expect(events[1].payload).toEqual({ familyId: id, changeId, changedByUserId: hostUserId, changedAt: expect.any(String), added: [], removed: [], birthDateChanged: [uncle.id] });
      expect(events[3].payload).toMatchObject({ familyId: id, changeIds: [changeId] });
      for (const leak of ['Tio', '2015-05-05', '1990-05-05']) expect(JSON.stringify(events[1].payload)).not.toContain(leak);
    });

    it('removing the unchecked adult needs review too; a change made after the one confirmed stays pending; a coordinator\'s change needs review, an admin\'s none', async () => {
      const { id, ana, uncle } = await familyWithUncheckedUncle();
      await as(t.host).patch(`/families/${id}`, { members: [ana] }).expect(200);
      const first = (await as(t.youth).get(`/families/${id}/vetting`).expect(200)).body;
      expect(first).toMatchObject({ eligibleForMinors: false, reasons: [expect.objectContaining({ code: 'HOUSEHOLD_REVIEW_PENDING' })], householdReview: { changes: [{ removed: [uncle.id] }] } });
      const seen = first.householdReview.lastPendingChangeId as string;
      await as(t.host).patch(`/families/${id}`, { members: [ana, { name: 'Lodger', dateOfBirth: '2011-01-01', relation: 'lodger', gender: 'male' }] }).expect(200);
      const later = (await as(t.admin).post(`/families/${id}/household-review`, { lastChangeId: seen }).expect(201)).body;
      expect(later).toMatchObject({ eligibleForMinors: false, reasons: [expect.objectContaining({ code: 'HOUSEHOLD_REVIEW_PENDING' })], householdReview: { pending: true } });
      await as(t.admin).post(`/families/${id}/household-review`, { lastChangeId: later.householdReview.lastPendingChangeId }).expect(201);

      // a coordinator's change needs review as well; an admin's does not (they may confirm it themselves), but it is recorded
      const members = () => as(t.coordinator).get(`/families/${id}`).expect(200).then((r) => r.body.members as { id: string; dateOfBirth: string }[]);
      const [a1, lodger] = await members();
      await as(t.coordinator).patch(`/families/${id}`, { members: [{ ...a1, dateOfBirth: '1981-03-02' }, lodger].map(({ id: mid, ...m }) => ({ id: mid, ...m })) }).expect(200);
      const byCoordinator = (await as(t.youth).get(`/families/${id}/vetting`).expect(200)).body.householdReview;
      expect(byCoordinator).toMatchObject({ pending: true, changes: [{ changedBy: expect.any(String), birthDateChanged: [a1.id], needsReview: true }, expect.anything(), expect.anything()] });
      await as(t.youth).post(`/families/${id}/household-review`, { lastChangeId: byCoordinator.lastPendingChangeId }).expect(201);
      const [a2] = await members();
      await as(t.admin).patch(`/families/${id}`, { members: [a2] }).expect(200);
      const byAdmin = (await as(t.youth).get(`/families/${id}/vetting`).expect(200)).body;
      expect(byAdmin).toMatchObject({ eligibleForMinors: true, householdReview: { pending: false, changes: [{ removed: [lodger.id], needsReview: false, reviewedBy: null }, expect.anything(), expect.anything(), expect.anything()] } });
    });
  });

  describe('the vetting job', () => {
    it('publishes eligible, expiring (once per check) and lapsed (an expiry, then an 18th birthday) exactly once each', async () => {
      const turns18 = addDays(today, 100);
      const teenBorn = `${Number(turns18.slice(0, 4)) - 18}${turns18.slice(4)}`;
      const created = (await as(t.coordinator).post('/families', family({
        members: [
          { name: 'Ines Vega', dateOfBirth: '1975-05-05', relation: 'parent', gender: 'female' },
          { name: 'Tomas Vega', dateOfBirth: teenBorn, relation: 'child', gender: 'male' },
        ],
      })).expect(201)).body;
      const id = created.id as string;
      const [ines, tomas] = created.members.map((m: { id: string }) => m.id);
      const job = app.get(VettingService);
      const at = (days: number) => new Date(`${addDays(today, days)}T06:00:00Z`);
      const types = async () => (await eventsOf(id)).map((e) => e.type).filter((x) => x !== 'family.registered');

      const first = (await as(t.youth).post(`/families/${id}/background-checks`, { memberId: ines, result: 'clear', checkedOn: addDays(today, -300), expiresOn: addDays(today, 60) }).expect(201)).body;
      expect(first.reasons.map((r: { code: string }) => r.code)).toEqual(['HOME_VISIT_MISSING']);
      const visited = (await as(t.coordinator).post(`/families/${id}/home-visits`, { visitedBy: 'Mei Lin', visitedOn: today, present: ['Ines Vega', 'Tomas Vega'] }).expect(201)).body;
      expect(visited).toMatchObject({ eligibleForMinors: true, reasons: [] });
      expect(await types()).toEqual(['family.vetting-eligible']);

      await job.runVetting(at(0));
      await job.runVetting(at(29)); // 31 days before the expiry: no reminder yet
      expect(await types()).toEqual(['family.vetting-eligible']);
      await job.runVetting(at(31));
      await job.runVetting(at(32));
      expect(await types()).toEqual(['family.vetting-eligible', 'family.vetting-expiring']);
      await job.runVetting(at(60)); // the expiry date: the check no longer counts
      await job.runVetting(at(61));
      const afterExpiry = await eventsOf(id);
      expect(afterExpiry.map((e) => e.type).slice(1)).toEqual(['family.vetting-eligible', 'family.vetting-expiring', 'family.vetting-lapsed']);
      expect(afterExpiry[2].payload).toEqual({ familyId: id, checkId: expect.any(String), memberId: ines, expiresOn: addDays(today, 60), evaluatedOn: addDays(today, 31) });
      expect(afterExpiry[3].payload).toEqual({ familyId: id, evaluatedOn: addDays(today, 60), reasons: [{ code: 'CHECK_EXPIRED', memberId: ines }] });
      expect((await as(t.coordinator).get(`/families/${id}`).expect(200)).body.vetting).toEqual({ eligibleForMinors: false, evaluatedOn: addDays(today, 61), householdReviewPending: false });

      // renewed: eligible again at once (the write re-evaluates), and the job agrees without publishing again
      await as(t.admin).post(`/families/${id}/background-checks`, { memberId: ines, result: 'clear', checkedOn: today, expiresOn: addDays(today, 500) }).expect(201);
      await job.runVetting(at(62));
      await job.runVetting(at(99)); // Tomas turns 18 on day 100
      expect((await types()).slice(3)).toEqual(['family.vetting-eligible']);
      await job.runVetting(at(100));
      await job.runVetting(at(101));
      const all = await eventsOf(id);
      expect(all.map((e) => e.type).slice(1)).toEqual(['family.vetting-eligible', 'family.vetting-expiring', 'family.vetting-lapsed', 'family.vetting-eligible', 'family.vetting-lapsed']);
      expect(all[5].payload).toEqual({ familyId: id, evaluatedOn: turns18, reasons: [{ code: 'CHECK_MISSING', memberId: tomas }] });
      for (const e of all) for (const leak of ['clear', 'concern', 'result', 'Vega']) expect(JSON.stringify(e.payload)).not.toContain(leak);
    });
  });
});
