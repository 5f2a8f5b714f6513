import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import ical, { VEvent } from 'node-ical';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Topics, withPrefix } from '@twinning/contracts';
import { Role } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { logisticsApp } from '../src/app.module';
import { LogisticsEnv } from '../src/config/logistics-env';
import { RosterHooks } from '../src/roster/roster-hooks';

/**
 * Calendar feeds (issue #6, item 6): fetched over HTTP without login and parsed by an independent parser (node-ical):
 * the expected events with their times and zones, a moved activity updated in place (same UID, new time, SEQUENCE up),
 * revoked and unknown URLs refused, a host limited to the families they manage.
 */
describe('logistics calendar feeds (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const org = randomUUID();
  const otherOrg = randomUUID();
  const partnerOrg = randomUUID();
  const hostUser = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const tokens = {} as Record<'coordinator' | 'youth' | 'host' | 'otherHost' | 'other' | 'partner', string>;
  const topic = (t: string) => withPrefix(prefix, t);
  const as = (token: string) => ({
    get: (p: string) => request(url).get(p).set('authorization', `Bearer ${token}`),
    post: (p: string, body: object) => request(url).post(p).set('authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => request(url).delete(p).set('authorization', `Bearer ${token}`),
  });

  const envelope = (type: string, aggregateId: string, payload: object, producer = 'delegations') => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: org, aggregateId, correlationId: randomUUID(), causationId: null, producer, payload }),
  });

  const d = randomUUID();
  const ana = { memberId: randomUUID(), participantId: randomUUID() };
  const kit = { memberId: randomUUID(), participantId: randomUUID() };
  const activity = randomUUID();
  const family = randomUUID();
  const otherFamily = randomUUID();
  const offer = randomUUID();
  const arrival = randomUUID();
  const departure = randomUUID();
  const runId = randomUUID();
  const feeds = `/api/logistics/delegations/${d}/calendar-feeds`;

  const itinerary = (change: string, startsAt: string, startsLocal: string, endsAt: string, endsLocal: string) => envelope('itinerary.changed', d, {
    delegationId: d, activityId: activity, change, title: 'Welcome at city hall', startsAt, endsAt, startsLocal, endsLocal, timeZone: 'America/Los_Angeles' });

  async function fetchFeed(path: string) {
    const res = await request(url).get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const parsed = ical.sync.parseICS(res.text);
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    return { text: res.text, events, byUid: new Map(events.map((e) => [e.uid!, e])) };
  }
  const pathOf = (u: string) => new URL(u, 'http://x').pathname;

  beforeAll(async () => {
    db = await TestDatabase.create('logistics_calendar');
    for (const t of [Topics.delegationEvents, Topics.participantEvents, Topics.placementEvents, Topics.travelEvents, Topics.organisationEvents, Topics.userEvents]) await kafka.createTopic(topic(t), 3);
    const env = loadEnv(LogisticsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
    app = await createServiceApp(logisticsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const t = (organisationId: string, roles: Role[], userId?: string) => tokenFor({ organisationId, roles, ...(userId ? { userId } : {}) });
    tokens.coordinator = await t(org, ['coordinator']);
    tokens.youth = await t(org, ['youth-manager']);
    tokens.host = await t(org, ['host'], hostUser);
    tokens.otherHost = await t(org, ['host']);
    tokens.other = await t(otherOrg, ['admin']);
    tokens.partner = await t(partnerOrg, ['coordinator']);

    // the delegation, its members and itinerary (delegations), placements and offers (host-matching), as those services publish them
    await kafka.produce(topic(Topics.participantEvents), [ana, kit].map((p, i) => envelope('participant.registered', p.participantId, {
      participantId: p.participantId, givenName: i ? 'Kit' : 'Ana', familyName: 'Lin', birthYear: i ? 2012 : 1984, gender: 'female', languages: ['zh'], nationality: 'CN', visaStatus: 'granted',
      createdByUserId: randomUUID() })));
    await kafka.produce(topic(Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, title: 'Fuzhou robotics', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-07', status: 'confirmed' }),
      envelope('delegation.updated', d, { delegationId: d, changed: ['hostTimeZone'], title: 'Fuzhou robotics', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-06-02',
        endDate: '2027-06-07', direction: 'inbound', minorsPerAdult: 8, status: 'confirmed', version: 2, updatedByUserId: randomUUID() }),
      ...[ana, kit].map((p) => envelope('member.added', d, { delegationId: d, memberId: p.memberId, participantId: p.participantId, role: 'delegate', lodgingNeed: 'homestay', isLeader: false,
        addedByUserId: randomUUID() })),
      itinerary('added', '2027-06-03T16:00:00Z', '2027-06-03T09:00:00', '2027-06-03T17:00:00Z', '2027-06-03T10:00:00'),
    ]);
    await kafka.produce(topic(Topics.placementEvents), [
      envelope('placement.confirmed', d, { offerId: randomUUID(), delegationId: d, memberId: ana.memberId, participantId: ana.participantId, familyId: family, hostUserIds: [hostUser],
        familyName: 'Ruiz', address: '1 Main St, Tacoma', stayFrom: '2027-06-02', stayTo: '2027-06-07' }, 'host-matching'),
      envelope('placement.confirmed', d, { offerId: randomUUID(), delegationId: d, memberId: kit.memberId, participantId: kit.participantId, familyId: otherFamily, hostUserIds: [randomUUID()],
        familyName: 'Okafor', address: '9 Elm St, Tacoma', stayFrom: '2027-06-02', stayTo: '2027-06-07' }, 'host-matching'),
      envelope('offer.made', d, { offerId: offer, delegationId: d, memberId: kit.memberId, participantId: kit.participantId, familyId: randomUUID(), hostUserIds: [randomUUID()],
        guestGivenName: 'Kit', deadlineAt: '2027-05-20T23:00:00.000Z', origin: 'matching' }, 'host-matching'),
    ]);
    await eventually(async () => {
      expect((await db.query(`SELECT count(*)::int AS n FROM lg_member WHERE delegation_id = $1`, [d]))[0].n).toBe(2);
      expect((await db.query(`SELECT count(*)::int AS n FROM lg_participant WHERE id = ANY($1)`, [[ana.participantId, kit.participantId]]))[0].n).toBe(2);
      expect((await db.query(`SELECT count(*)::int AS n FROM lg_placement WHERE delegation_id = $1`, [d]))[0].n).toBe(2);
      expect((await db.query(`SELECT count(*)::int AS n FROM lg_activity WHERE delegation_id = $1`, [d]))[0].n).toBe(1);
      expect(await db.query(`SELECT host_time_zone FROM lg_delegation WHERE id = $1`, [d])).toEqual([{ host_time_zone: 'America/Los_Angeles' }]);
      expect(await db.query(`SELECT status FROM lg_offer WHERE offer_id = $1`, [offer])).toEqual([{ status: 'offered' }]);
    }, { timeoutMs: 30000, intervalMs: 200 });

    // travel and a pickup run, written as the travel and pickup features write them (rows, then the hooks)
    await app.get(DataSource).transaction(async (tx) => {
      const seg = `INSERT INTO travel_segment (id, delegation_id, organisation_id, mode, carrier, number, from_code, to_code, departure_at, departure_local, departure_time_zone, arrival_at,
        arrival_local, arrival_time_zone, direction, status, booking_reference) VALUES ($1, $2, $3, 'flight', 'CA', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'booked', 'QX7P2L')`;
      // overnight across the date line: leaves Beijing 13:00 on 2 June, lands in Seattle 09:20 the same day
      await tx.query(seg, [arrival, d, org, '983', 'PEK', 'SEA', '2027-06-02T05:00:00Z', '2027-06-02T13:00:00', 'Asia/Shanghai', '2027-06-02T16:20:00Z', '2027-06-02T09:20:00', 'America/Los_Angeles', 'arrival']);
      await tx.query(seg, [departure, d, org, '984', 'SEA', 'PEK', '2027-06-07T18:30:00Z', '2027-06-07T11:30:00', 'America/Los_Angeles', '2027-06-08T06:20:00Z', '2027-06-08T14:20:00', 'Asia/Shanghai', 'departure']);
      for (const s of [arrival, departure]) for (const m of [ana, kit]) await tx.query(`INSERT INTO travel_segment_member (segment_id, member_id) VALUES ($1, $2)`, [s, m.memberId]);
      await app.get(RosterHooks).notify(tx, { delegationId: d, cause: 'segment.booked', at: new Date() });
    });
    await app.get(DataSource).transaction(async (tx) => {
      await tx.query(`INSERT INTO pickup_run (id, delegation_id, airport, meeting_at, meeting_local, time_zone, seats, luggage_capacity, driver_kind, driver_name, extra_adults, max_wait_minutes, status, plan_key)
        VALUES ($1, $2, 'SEA', '2027-06-02T17:05:00Z', '2027-06-02T10:05:00', 'America/Los_Angeles', 7, 7, 'volunteer', 'Sam Ortiz', 0, 45, 'planned', $3)`, [runId, d, `test-${runId}`]);
      for (const [m, label] of [[ana, 'Ruiz family'], [kit, 'Okafor family']] as const) {
        await tx.query(`INSERT INTO pickup_run_member (run_id, member_id, segment_id, lands_at, wait_minutes, drop_off_kind, drop_off_label) VALUES ($1, $2, $3, '2027-06-02T16:20:00Z', 45, 'homestay', $4)`,
          [runId, m.memberId, arrival, label]);
      }
      await app.get(RosterHooks).notify(tx, { delegationId: d, cause: 'pickup.planned', at: new Date() });
    });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('serves the delegation feed without login: itinerary, arrivals, departures, pickups and open offer deadlines, each in its zone; a moved activity keeps its UID', async () => {
    const created = await as(tokens.coordinator).post(feeds, { kind: 'delegation' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), kind: 'delegation', subjectId: null, url: expect.stringMatching(/^\/api\/logistics\/calendar\/[A-Za-z0-9_-]{43}\.ics$/), path: created.body.url });
    const token = created.body.url.split('/').pop().replace('.ics', '');
    expect(JSON.stringify(await db.query(`SELECT * FROM calendar_feed WHERE id = $1`, [created.body.id]))).not.toContain(token);

    const feed = await fetchFeed(created.body.url);
    const act = feed.byUid.get(`activity-${activity}@twinning`)!;
    expect(act).toMatchObject({ summary: 'Welcome at city hall', sequence: 0 });
    expect(act.start!.toISOString()).toBe('2027-06-03T16:00:00.000Z');
    expect(act.start!.tz).toBe('America/Los_Angeles');
    expect(feed.text).toContain('DTSTART;TZID=America/Los_Angeles:20270603T090000');
    const arr = feed.byUid.get(`arrival-${arrival}@twinning`)!;
    expect(arr.summary).toBe('Arrival CA 983 PEK→SEA');
    expect(arr.start!.toISOString()).toBe('2027-06-02T16:20:00.000Z');
    expect(arr.start!.tz).toBe('America/Los_Angeles');
    const dep = feed.byUid.get(`departure-${departure}@twinning`)!;
    expect(dep.start!.toISOString()).toBe('2027-06-07T18:30:00.000Z');
    expect(dep.end!.toISOString()).toBe('2027-06-08T06:20:00.000Z');
    expect(String(dep.description)).toContain('Ana Lin, Kit Lin');
    const pickup = feed.byUid.get(`pickup-${runId}@twinning`)!;
    expect(pickup.start!.toISOString()).toBe('2027-06-02T17:05:00.000Z');
    expect(String(pickup.description)).toContain('Sam Ortiz');
    const deadline = feed.byUid.get(`offer-${offer}@twinning`)!;
    expect(deadline.start!.toISOString()).toBe('2027-05-20T23:00:00.000Z');
    expect(feed.text).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:America\/Los_Angeles/);
    // a second fetch without change: same revision
    expect((await fetchFeed(created.body.url)).byUid.get(`activity-${activity}@twinning`)!.sequence).toBe(0);

    // the itinerary moves the activity to 10:30: the same UID with the new time and a higher SEQUENCE, no duplicate
    await kafka.produce(topic(Topics.delegationEvents), [itinerary('updated', '2027-06-03T17:30:00Z', '2027-06-03T10:30:00', '2027-06-03T18:30:00Z', '2027-06-03T11:30:00')]);
    await eventually(async () => expect(await db.query(`SELECT starts_local FROM lg_activity WHERE id = $1`, [activity])).toEqual([{ starts_local: '2027-06-03T10:30:00' }]));
    const after = await fetchFeed(created.body.url);
    expect(after.events.filter((e) => e.uid === `activity-${activity}@twinning`)).toHaveLength(1);
    const moved = after.byUid.get(`activity-${activity}@twinning`)!;
    expect(moved.start!.toISOString()).toBe('2027-06-03T17:30:00.000Z');
    expect(moved.start!.tz).toBe('America/Los_Angeles');
    expect(moved.sequence).toBe(1);
    expect(moved.lastmodified!.getTime()).toBeGreaterThanOrEqual(act.lastmodified!.getTime());
    expect(after.byUid.get(`arrival-${arrival}@twinning`)!.sequence).toBe(0);

    // the offer is answered: its deadline leaves the feed
    await kafka.produce(topic(Topics.placementEvents), [envelope('offer.declined', d, { offerId: offer, delegationId: d, memberId: kit.memberId, participantId: kit.participantId,
      familyId: randomUUID(), hostUserIds: [], byUserId: randomUUID(), reason: 'away that week' }, 'host-matching')]);
    await eventually(async () => expect(await db.query(`SELECT status FROM lg_offer WHERE offer_id = $1`, [offer])).toEqual([{ status: 'declined' }]));
    expect((await fetchFeed(created.body.url)).byUid.has(`offer-${offer}@twinning`)).toBe(false);

    // revoked: the URL is refused; an unknown token and a malformed name too
    const listed = await as(tokens.youth).get(feeds).expect(200);
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.body.id, kind: 'delegation', active: true, lastFetchedAt: expect.any(String) })]));
    expect(JSON.stringify(listed.body)).not.toContain(token);
    await as(tokens.youth).delete(`${feeds}/${created.body.id}`).expect(403);
    const revoked = await as(tokens.coordinator).delete(`${feeds}/${created.body.id}`).expect(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, active: false, revokedAt: expect.any(String) });
    await request(url).get(created.body.url).expect(404);
    await request(url).get(`/api/logistics/calendar/${'A'.repeat(43)}.ics`).expect(404);
    await request(url).get('/api/logistics/calendar/nope.ics').expect(404);
    await as(tokens.other).post(feeds, { kind: 'delegation' }).expect(404);
    await as(tokens.other).delete(`${feeds}/${created.body.id}`).expect(404);
  });

  it('serves a participant feed: their travel, pickup and the itinerary', async () => {
    const created = await as(tokens.coordinator).post(feeds, { kind: 'participant', subjectId: ana.participantId }).expect(201);
    expect(created.body.subjectId).toBe(ana.memberId);
    const feed = await fetchFeed(created.body.url);
    expect([...feed.byUid.keys()].sort()).toEqual(expect.arrayContaining([`activity-${activity}@twinning`, `arrival-${arrival}@twinning`, `departure-${departure}@twinning`, `pickup-${runId}@twinning`]));
    expect(feed.byUid.has(`offer-${offer}@twinning`)).toBe(false);
    const bad = await as(tokens.coordinator).post(feeds, { kind: 'participant', subjectId: randomUUID() }).expect(400);
    expect(bad.body.fields[0].field).toBe('subjectId');
    await as(tokens.coordinator).post(feeds, { kind: 'participant' }).expect(400);
    await as(tokens.coordinator).post(feeds, { kind: 'weekly' }).expect(400);
  });

  it("keeps a partner's feed alive only while the delegation is shared with it", async () => {
    await as(tokens.partner).post(feeds, { kind: 'delegation' }).expect(404);
    await kafka.produce(topic(Topics.delegationEvents), [envelope('delegation.shared', d, { delegationId: d, partnerOrganisationId: partnerOrg, sharedByUserId: randomUUID() })]);
    await eventually(async () => expect(await db.query(`SELECT 1 FROM lg_delegation_share WHERE delegation_id = $1 AND organisation_id = $2`, [d, partnerOrg])).toHaveLength(1));
    const created = await as(tokens.partner).post(feeds, { kind: 'delegation' }).expect(201);
    expect((await fetchFeed(created.body.url)).byUid.has(`activity-${activity}@twinning`)).toBe(true);
    // each organisation lists its own feeds
    expect((await as(tokens.partner).get(feeds).expect(200)).body.items.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
    expect((await as(tokens.coordinator).get(feeds).expect(200)).body.items.map((f: { id: string }) => f.id)).not.toContain(created.body.id);
    await kafka.produce(topic(Topics.delegationEvents), [envelope('delegation.unshared', d, { delegationId: d, partnerOrganisationId: partnerOrg, unsharedByUserId: randomUUID() })]);
    await eventually(async () => expect(await db.query(`SELECT 1 FROM lg_delegation_share WHERE delegation_id = $1 AND organisation_id = $2`, [d, partnerOrg])).toHaveLength(0));
    await request(url).get(created.body.url).expect(404);
  });

  it('lets a host create and see a feed for the family they manage only: their guest arrival, pickup and departure', async () => {
    const created = await as(tokens.host).post(feeds, { kind: 'family', subjectId: family }).expect(201);
    const feed = await fetchFeed(created.body.url);
    // (runs the pickup feature may plan by itself for these segments are not this test's concern)
    const ours = [...feed.byUid.keys()].filter((uid) => !uid.startsWith('pickup-') || uid === `pickup-${runId}@twinning`);
    expect(ours.sort()).toEqual([`arrival-${arrival}@twinning`, `departure-${departure}@twinning`, `pickup-${runId}@twinning`].sort());
    const pickup = feed.byUid.get(`pickup-${runId}@twinning`)!;
    expect(pickup.start!.tz).toBe('America/Los_Angeles');
    expect(String(pickup.description)).toContain('Ana Lin → Ruiz family');
    // only their guest: nothing about the other guest or the booking reference
    expect(feed.text).not.toMatch(/Kit|Okafor|QX7P2L/);

    await as(tokens.host).post(feeds, { kind: 'family', subjectId: otherFamily }).expect(404);
    await as(tokens.otherHost).post(feeds, { kind: 'family', subjectId: family }).expect(404);
    await as(tokens.host).post(feeds, { kind: 'delegation' }).expect(403);
    await as(tokens.host).post(feeds, { kind: 'participant', subjectId: ana.memberId }).expect(403);
    const coordinatorFeed = await as(tokens.coordinator).post(feeds, { kind: 'family', subjectId: otherFamily }).expect(201);
    await as(tokens.coordinator).post(feeds, { kind: 'family', subjectId: randomUUID() }).expect(400);

    // the host lists only their family's feeds, and revokes only those
    const mine = await as(tokens.host).get(feeds).expect(200);
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
    expect((await as(tokens.otherHost).get(feeds).expect(200)).body.items).toEqual([]);
    await as(tokens.host).delete(`${feeds}/${coordinatorFeed.body.id}`).expect(404);
    await as(tokens.host).delete(`${feeds}/${created.body.id}`).expect(200);
    await request(url).get(pathOf(created.body.url)).expect(404);
    await fetchFeed(coordinatorFeed.body.url);
  });

  it('ends the feeds of a person whose access ended: removed from the organisation, or the account disabled; others\' feeds stay', async () => {
    const disabled = randomUUID();
    const leaverFeed = await as(tokens.host).post(feeds, { kind: 'family', subjectId: family }).expect(201);
    const disabledFeed = await as(await tokenFor({ organisationId: org, roles: ['coordinator'], userId: disabled })).post(feeds, { kind: 'delegation' }).expect(201);
    const staying = await as(tokens.coordinator).post(feeds, { kind: 'delegation' }).expect(201);
    for (const f of [leaverFeed, disabledFeed, staying]) await fetchFeed(f.body.url);

    const identity = (type: string, aggregateId: string, payload: object) => envelope(type, aggregateId, payload, 'gateway');
    await kafka.produce(topic(Topics.organisationEvents), [
      // someone else of another organisation leaving changes nothing here
      identity('membership.removed', otherOrg, { organisationId: otherOrg, userId: disabled, previousRoles: ['coordinator'] }),
      identity('membership.removed', org, { organisationId: org, userId: hostUser, previousRoles: ['host'] }),
    ]);
    await eventually(() => request(url).get(pathOf(leaverFeed.body.url)).expect(404), { timeoutMs: 30000, intervalMs: 200 });
    await fetchFeed(disabledFeed.body.url);
    await kafka.produce(topic(Topics.userEvents), [identity('user.disabled', disabled, { userId: disabled, organisationId: org })]);
    await eventually(() => request(url).get(pathOf(disabledFeed.body.url)).expect(404), { timeoutMs: 30000, intervalMs: 200 });
    await fetchFeed(staying.body.url);
  });
});
