import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventEnvelope, ItineraryChangedV1, parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { delegationsApp } from '../src/app.module';
import { DelegationsEnv } from '../src/config/delegations-env';

/** The itinerary of a delegation, in process against real Postgres and Kafka. */
describe('itinerary (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const topic = withPrefix(prefix, Topics.delegationEvents);
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const orgC = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'admin' | 'coordinator' | 'youth' | 'host' | 'partner' | 'outsider', string>;

  beforeAll(async () => {
    db = await TestDatabase.create('delegations_itinerary');
    const env = loadEnv(DelegationsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix });
    app = await createServiceApp(delegationsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    t.admin = await tokenFor({ organisationId: orgA, roles: ['admin'] });
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'] });
    t.youth = await tokenFor({ organisationId: orgA, roles: ['youth-manager'] });
    t.host = await tokenFor({ organisationId: orgA, roles: ['host'] });
    t.partner = await tokenFor({ organisationId: orgB, roles: ['coordinator', 'admin', 'youth-manager'] });
    t.outsider = await tokenFor({ organisationId: orgC, roles: ['coordinator', 'admin', 'youth-manager'] });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  const api = () => request(url);
  const itinerary = (id: string) => `/api/delegations/${id}/itinerary`;

  /** A delegation of organisation A with its host city's zone (set in SQL: the zone is the other feature's field). */
  async function delegation(startDate: string, endDate: string, hostTimeZone?: string): Promise<string> {
    const res = await api().post('/api/delegations').set('authorization', `Bearer ${t.coordinator}`).send({ title: `Visit ${randomUUID().slice(0, 6)}`, hostCity: 'Somewhere', startDate, endDate }).expect(201);
    if (hostTimeZone) await db.query(`UPDATE delegation SET host_time_zone = $2 WHERE id = $1`, [res.body.id, hostTimeZone]);
    return res.body.id as string;
  }

  /** A participant and their membership of the delegation, as the members feature would write them. */
  async function member(delegationId: string, givenName: string): Promise<string> {
    const participantId = randomUUID();
    const memberId = randomUUID();
    await db.query(
      `INSERT INTO participant (id, organisation_id, given_name, family_name, date_of_birth, gender, nationality, created_by) VALUES ($1, $2, $3, 'Test', '2010-05-01', 'undisclosed', 'US', $4)`,
      [participantId, orgA, givenName, randomUUID()],
    );
    await db.query(`INSERT INTO delegation_member (id, delegation_id, participant_id, role, lodging_need, added_by) VALUES ($1, $2, $3, 'student', 'homestay', $4)`, [memberId, delegationId, participantId, randomUUID()]);
    return memberId;
  }

  const add = (id: string, body: object, token = t.coordinator) => api().post(itinerary(id)).set('authorization', `Bearer ${token}`).send(body);
  const activity = (startsLocal: string, endsLocal: string, extra: object = {}) => ({ title: 'Activity', venue: 'Hall', address: '1 Main St', startsLocal, endsLocal, ...extra });
  const rows = async (delegationId: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM activity WHERE delegation_id = $1`, [delegationId]))[0].n);

  async function itineraryEvents(delegationId: string): Promise<EventEnvelope<ItineraryChangedV1>[]> {
    const messages = await kafka.readAll(topic);
    return messages
      .filter((m) => m.key === delegationId && m.headers['x-event-type'] === 'itinerary.changed')
      .map((m) => parseEnvelope(m.value) as EventEnvelope<ItineraryChangedV1>);
  }

  function expectField(res: request.Response, status: number, field: string): void {
    expect({ status: res.status, fields: (res.body.fields ?? []).map((f: { field: string }) => f.field) }).toEqual({ status, fields: expect.arrayContaining([field]) });
  }

  describe('times across daylight-saving changes in the host city', () => {
    it('America/Los_Angeles, 2027-03-14: each side of the change gets its offset; a skipped time is refused', async () => {
      const id = await delegation('2027-03-12', '2027-03-16', 'America/Los_Angeles');
      const before = await add(id, activity('2027-03-13T10:00', '2027-03-13T11:30')).expect(201);
      expect(before.body).toMatchObject({ timeZone: 'America/Los_Angeles', startsLocal: '2027-03-13T10:00:00', startsOffset: '-08:00', startsAt: '2027-03-13T18:00:00.000Z', endsAt: '2027-03-13T19:30:00.000Z', ambiguous: false });
      const after = await add(id, activity('2027-03-14T10:00', '2027-03-14T11:30')).expect(201);
      expect(after.body).toMatchObject({ startsLocal: '2027-03-14T10:00:00', startsOffset: '-07:00', startsAt: '2027-03-14T17:00:00.000Z' });
      // spanning the change: 01:00 PST to 04:00 PDT is two hours
      const across = await add(id, activity('2027-03-14T01:00', '2027-03-14T04:00', { title: 'Night bus' })).expect(201);
      expect(across.body).toMatchObject({ startsOffset: '-08:00', endsOffset: '-07:00', startsAt: '2027-03-14T09:00:00.000Z', endsAt: '2027-03-14T11:00:00.000Z' });

      const gap = await add(id, activity('2027-03-14T02:30', '2027-03-14T05:00'));
      expectField(gap, 400, 'startsLocal');
      expect(gap.body.code).toBe('ITINERARY.LOCAL_TIME_GAP');
      expect(await rows(id)).toBe(3);

      const list = await api().get(itinerary(id)).set('authorization', `Bearer ${t.admin}`).expect(200);
      expect(list.body.items.map((a: { startsLocal: string; startsAt: string; startsOffset: string }) => [a.startsLocal, a.startsOffset, a.startsAt])).toEqual([
        ['2027-03-13T10:00:00', '-08:00', '2027-03-13T18:00:00.000Z'],
        ['2027-03-14T01:00:00', '-08:00', '2027-03-14T09:00:00.000Z'],
        ['2027-03-14T10:00:00', '-07:00', '2027-03-14T17:00:00.000Z'],
      ]);
      // stored with the zone and the instants
      const stored = await db.query(`SELECT to_char(starts_local, 'YYYY-MM-DD"T"HH24:MI') AS local, time_zone, starts_at FROM activity WHERE id = $1`, [after.body.id]);
      expect(stored[0]).toMatchObject({ local: '2027-03-14T10:00', time_zone: 'America/Los_Angeles' });
      expect((stored[0].starts_at as Date).toISOString()).toBe('2027-03-14T17:00:00.000Z');
    });

    it('Europe/Paris, 2027-03-28 and 2027-10-31: offsets on each side, the gap refused, the repeated hour flagged and read as the earlier instant', async () => {
      const spring = await delegation('2027-03-26', '2027-03-30', 'Europe/Paris');
      expect((await add(spring, activity('2027-03-27T10:00', '2027-03-27T11:00')).expect(201)).body).toMatchObject({ startsOffset: '+01:00', startsAt: '2027-03-27T09:00:00.000Z' });
      expect((await add(spring, activity('2027-03-29T10:00', '2027-03-29T11:00')).expect(201)).body).toMatchObject({ startsOffset: '+02:00', startsAt: '2027-03-29T08:00:00.000Z' });
      const gap = await add(spring, activity('2027-03-28T01:30', '2027-03-28T02:15'));
      expectField(gap, 400, 'endsLocal');
      expect(gap.body.code).toBe('ITINERARY.LOCAL_TIME_GAP');

      const autumn = await delegation('2027-10-29', '2027-11-02', 'Europe/Paris');
      expect((await add(autumn, activity('2027-10-30T10:00', '2027-10-30T11:00')).expect(201)).body).toMatchObject({ startsOffset: '+02:00', startsAt: '2027-10-30T08:00:00.000Z', ambiguous: false });
      expect((await add(autumn, activity('2027-11-01T10:00', '2027-11-01T11:00')).expect(201)).body).toMatchObject({ startsOffset: '+01:00', startsAt: '2027-11-01T09:00:00.000Z', ambiguous: false });
      const twice = await add(autumn, activity('2027-10-31T02:30', '2027-10-31T03:30', { title: 'Late concert' })).expect(201);
      expect(twice.body).toMatchObject({ ambiguous: true, ambiguousFields: ['startsLocal'], startsOffset: '+02:00', startsAt: '2027-10-31T00:30:00.000Z', endsOffset: '+01:00', endsAt: '2027-10-31T02:30:00.000Z' });
      const listed = (await api().get(itinerary(autumn)).set('authorization', `Bearer ${t.coordinator}`).expect(200)).body.items.find((a: { id: string }) => a.id === twice.body.id);
      expect(listed).toMatchObject({ startsLocal: '2027-10-31T02:30:00', ambiguous: true, startsAt: '2027-10-31T00:30:00.000Z' });
    });

    it("takes an explicit IANA zone from the body (the delegation's default is UTC), and refuses one that is not", async () => {
      const id = await delegation('2027-04-10', '2027-04-18');
      const res = await add(id, activity('2027-04-12T19:00', '2027-04-12T21:00', { timeZone: 'Asia/Shanghai' })).expect(201);
      expect(res.body).toMatchObject({ timeZone: 'Asia/Shanghai', startsOffset: '+08:00', startsAt: '2027-04-12T11:00:00.000Z' });
      expectField(await add(id, activity('2027-04-12T19:00', '2027-04-12T21:00', { timeZone: 'Asia/Atlantis' })), 400, 'timeZone');
      expectField(await add(id, activity('2027-04-12T19:00', '2027-04-12T21:00', { timeZone: '+08:00' })), 400, 'timeZone');
      const utc = await add(id, activity('2027-04-12T19:00', '2027-04-12T21:00')).expect(201);
      expect(utc.body).toMatchObject({ timeZone: 'UTC', startsAt: '2027-04-12T19:00:00.000Z' });
      expect(await rows(id)).toBe(2);
    });
  });

  it('warns of overlapping activities that share an attendee, in the list and in the create/patch response', async () => {
    const id = await delegation('2027-05-01', '2027-05-05', 'Asia/Shanghai');
    const m1 = await member(id, 'Ada');
    const m2 = await member(id, 'Bo');
    const all = await add(id, activity('2027-05-02T09:00', '2027-05-02T11:00', { title: 'Welcome' })).expect(201);
    expect(all.body.warnings).toEqual([]);
    const b = await add(id, activity('2027-05-02T10:00', '2027-05-02T12:00', { title: 'Sectional', attendeeMemberIds: [m1] })).expect(201);
    expect(b.body).toMatchObject({ allMembers: false, attendeeMemberIds: [m1] });
    expect(b.body.warnings).toEqual([expect.objectContaining({ code: 'ITINERARY.OVERLAP', activityIds: [all.body.id, b.body.id], memberIds: [m1], allMembers: false })]);
    const c = await add(id, activity('2027-05-02T11:30', '2027-05-02T12:30', { title: 'Interview', attendeeMemberIds: [m2] })).expect(201);
    expect(c.body.warnings).toEqual([]);

    const strangers = await add(id, activity('2027-05-03T09:00', '2027-05-03T10:00', { attendeeMemberIds: [randomUUID()] }));
    expectField(strangers, 400, 'attendeeMemberIds');
    expect(strangers.body.code).toBe('ITINERARY.NOT_A_MEMBER');

    const patched = await api().patch(`${itinerary(id)}/${c.body.id}`).set('authorization', `Bearer ${t.coordinator}`).send({ attendeeMemberIds: [m1, m2] }).expect(200);
    expect(patched.body.warnings).toEqual([expect.objectContaining({ activityIds: [b.body.id, c.body.id], memberIds: [m1] })]);

    const list = await api().get(itinerary(id)).set('authorization', `Bearer ${t.youth}`).expect(200);
    expect(list.body.warnings.map((w: { activityIds: string[] }) => w.activityIds)).toEqual([[all.body.id, b.body.id], [b.body.id, c.body.id]]);
    // back to all members: c now also overlaps nothing of the welcome (it ends at 11:00), still the sectional
    const back = await api().patch(`${itinerary(id)}/${c.body.id}`).set('authorization', `Bearer ${t.coordinator}`).send({ attendeeMemberIds: null }).expect(200);
    expect(back.body).toMatchObject({ allMembers: true, attendeeMemberIds: [] });
    expect(back.body.warnings.map((w: { memberIds: string[] }) => w.memberIds)).toEqual([[m1]]);
  });

  it('keeps activities within the visit (409 ITINERARY.OUTSIDE_VISIT) and their end after their start (400 endsLocal)', async () => {
    const id = await delegation('2027-04-10', '2027-04-18', 'Asia/Shanghai');
    await add(id, activity('2027-04-10T00:00', '2027-04-10T01:00')).expect(201);
    await add(id, activity('2027-04-18T23:00', '2027-04-19T00:00')).expect(201);
    const early = await add(id, activity('2027-04-09T23:00', '2027-04-10T01:00'));
    expect([early.status, early.body.code]).toEqual([409, 'ITINERARY.OUTSIDE_VISIT']);
    const late = await add(id, activity('2027-04-18T23:00', '2027-04-19T00:30'));
    expect([late.status, late.body.code]).toEqual([409, 'ITINERARY.OUTSIDE_VISIT']);
    const backwards = await add(id, activity('2027-04-12T11:00', '2027-04-12T10:00'));
    expectField(backwards, 400, 'endsLocal');
    expect(backwards.body.code).toBe('ITINERARY.END_NOT_AFTER_START');
    expect(await rows(id)).toBe(2);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const id = await delegation('2027-04-10', '2027-04-18', 'Asia/Shanghai');
    const ok = activity('2027-04-12T09:30', '2027-04-12T10:30');
    expectField(await add(id, { ...ok, title: 5 }), 400, 'title');
    expectField(await add(id, { ...ok, title: '' }), 400, 'title');
    expectField(await add(id, { ...ok, colour: 'red' }), 400, 'colour');
    expectField(await add(id, { ...ok, startsLocal: '2027-04-12T09:30:00+08:00' }), 400, 'startsLocal');
    expectField(await add(id, { ...ok, startsLocal: '2027-04-12 09:30' }), 400, 'startsLocal');
    expectField(await add(id, { ...ok, endsLocal: '2027-02-30T10:30' }), 400, 'endsLocal');
    expectField(await add(id, { ...ok, endsLocal: undefined }), 400, 'endsLocal');
    expectField(await add(id, { ...ok, attendeeMemberIds: ['not-a-uuid'] }), 400, 'attendeeMemberIds');
    expectField(await add(id, { ...ok, attendeeMemberIds: [] }), 400, 'attendeeMemberIds');
    const created = await add(id, ok).expect(201);
    const patch = (body: object) => api().patch(`${itinerary(id)}/${created.body.id}`).set('authorization', `Bearer ${t.coordinator}`).send(body);
    expectField(await patch({ endsLocal: '2027-04-12T09:00' }), 400, 'endsLocal');
    expectField(await patch({ timeZone: 'Not/AZone' }), 400, 'timeZone');
    expectField(await patch({ title: null }), 400, 'title');
    expect((await patch({ id: randomUUID() })).status).toBe(400);
    expect((await api().patch(`${itinerary(id)}/${randomUUID()}`).set('authorization', `Bearer ${t.coordinator}`).send({ title: 'x' })).status).toBe(404);
    expect(await rows(id)).toBe(1);
    const unchanged = (await api().get(itinerary(id)).set('authorization', `Bearer ${t.coordinator}`).expect(200)).body.items[0];
    expect(unchanged).toMatchObject({ title: 'Activity', startsLocal: '2027-04-12T09:30:00', endsLocal: '2027-04-12T10:30:00', timeZone: 'Asia/Shanghai' });
    await eventually(async () => expect((await itineraryEvents(id)).map((e) => e.payload.change)).toEqual(['added']), { timeoutMs: 20000, intervalMs: 250 });
  });

  it('publishes exactly one itinerary.changed per change, valid against its contract, keyed by the delegation', async () => {
    const id = await delegation('2027-04-10', '2027-04-18', 'Asia/Shanghai');
    const created = await add(id, activity('2027-04-12T19:00', '2027-04-12T21:00', { title: 'Welcome dinner' })).expect(201);
    const path = `${itinerary(id)}/${created.body.id}`;
    await api().patch(path).set('authorization', `Bearer ${t.admin}`).send({ title: 'Welcome banquet', startsLocal: '2027-04-12T18:30' }).expect(200);
    await add(id, activity('2027-04-20T19:00', '2027-04-20T21:00')).expect(409); // refused: no event
    await api().delete(path).set('authorization', `Bearer ${t.coordinator}`).expect(204);
    await api().delete(path).set('authorization', `Bearer ${t.coordinator}`).expect(204); // already gone: no second event

    const events = await eventually(async () => {
      const found = await itineraryEvents(id);
      expect(found).toHaveLength(3);
      return found;
    }, { timeoutMs: 30000, intervalMs: 250 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await itineraryEvents(id)).toHaveLength(3);
    expect(events.map((e) => [e.type, e.version, e.aggregateId, e.organisationId, e.producer])).toEqual(Array(3).fill(['itinerary.changed', 1, id, orgA, 'delegations']));
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ delegationId: id, activityId: created.body.id, change: 'added', title: 'Welcome dinner', startsAt: '2027-04-12T11:00:00.000Z', endsAt: '2027-04-12T13:00:00.000Z', startsLocal: '2027-04-12T19:00:00', endsLocal: '2027-04-12T21:00:00', timeZone: 'Asia/Shanghai' }),
      expect.objectContaining({ change: 'updated', title: 'Welcome banquet', startsAt: '2027-04-12T10:30:00.000Z', startsLocal: '2027-04-12T18:30:00' }),
      expect.objectContaining({ change: 'removed', title: 'Welcome banquet', activityId: created.body.id }),
    ]);
    expect(events.every((e) => e.payload instanceof ItineraryChangedV1)).toBe(true);
  });

  it('lets the owner plan, partners and youth managers read, and nobody else see it; freezes it once completed or cancelled', async () => {
    const id = await delegation('2027-04-10', '2027-04-18', 'Asia/Shanghai');
    const created = await add(id, activity('2027-04-12T09:30', '2027-04-12T10:30')).expect(201);
    const path = `${itinerary(id)}/${created.body.id}`;
    await api().get(itinerary(id)).set('authorization', `Bearer ${t.partner}`).expect(404);
    // shared with the partner organisation of its partnership (the only organisation it may be shared with)
    const partnership = await api().post('/api/delegations/partnerships').set('authorization', `Bearer ${t.admin}`)
      .send({ partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-01-01', programmeAreas: ['arts-culture'], partnerOrganisationId: orgB }).expect(201);
    await api().patch(`/api/delegations/${id}`).set('authorization', `Bearer ${t.admin}`).send({ partnershipId: partnership.body.id }).expect(200);
    await api().post(`/api/delegations/${id}/shares`).set('authorization', `Bearer ${t.admin}`).send({ organisationId: orgB }).expect(201);
    await api().get(itinerary(id)).set('authorization', `Bearer ${t.partner}`).expect(200);
    await api().get(itinerary(id)).set('authorization', `Bearer ${t.youth}`).expect(200);
    await api().get(itinerary(id)).set('authorization', `Bearer ${t.outsider}`).expect(404);
    await api().get(itinerary(id)).set('authorization', `Bearer ${t.host}`).expect(403);
    await add(id, activity('2027-04-13T09:30', '2027-04-13T10:30'), t.partner).expect(404);
    await api().patch(path).set('authorization', `Bearer ${t.partner}`).send({ title: 'x' }).expect(404);
    await api().delete(path).set('authorization', `Bearer ${t.outsider}`).expect(404);
    await add(id, activity('2027-04-13T09:30', '2027-04-13T10:30'), t.youth).expect(403);
    await api().get(itinerary(randomUUID())).set('authorization', `Bearer ${t.admin}`).expect(404);

    for (const status of ['completed', 'cancelled']) {
      await db.query(`UPDATE delegation SET status = $2 WHERE id = $1`, [id, status]);
      for (const res of [
        await add(id, activity('2027-04-13T09:30', '2027-04-13T10:30')),
        await api().patch(path).set('authorization', `Bearer ${t.coordinator}`).send({ title: 'Changed' }),
        await api().delete(path).set('authorization', `Bearer ${t.coordinator}`),
      ]) expect([res.status, res.body.code]).toEqual([409, 'ITINERARY.DELEGATION_CLOSED']);
      await api().get(itinerary(id)).set('authorization', `Bearer ${t.coordinator}`).expect(200);
    }
    expect(await rows(id)).toBe(1);
  });
});
