import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { Role } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { logisticsApp } from '../src/app.module';
import { LogisticsEnv } from '../src/config/logistics-env';
import { RosterHooks } from '../src/roster/roster-hooks';

/**
 * Conflicts (issue #6, item 5): each kind raised and resolved exactly once in response to the other services' events
 * produced on the real topics (and, for what logistics itself writes — segments, hotel stays, pickup runs — rows
 * inserted by SQL followed by the hooks' notify, as the travel, lodging and pickup features do), read back from Kafka.
 */
describe('logistics conflicts (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const org = randomUUID();
  const otherOrg = randomUUID();
  const partnerOrg = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const tokens = {} as Record<'coordinator' | 'youth' | 'host' | 'other' | 'partner', string>;
  const topic = (t: string) => withPrefix(prefix, t);

  const envelope = (type: string, aggregateId: string, payload: object, producer = 'delegations') => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: org, aggregateId, correlationId: randomUUID(), causationId: null, producer, payload }),
  });
  const delegationEvent = (type: string, d: string, payload: object) => kafka.produce(topic(Topics.delegationEvents), [envelope(type, d, payload)]);
  const participantEvent = (type: string, p: string, payload: object) => kafka.produce(topic(Topics.participantEvents), [envelope(type, p, payload)]);
  const placementEvent = (type: string, d: string, payload: object) => kafka.produce(topic(Topics.placementEvents), [envelope(type, d, payload, 'host-matching')]);
  const updated = (d: string, over: { startDate?: string; endDate?: string } = {}) => ({
    delegationId: d, changed: ['hostTimeZone'], title: 'Tacoma robotics', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-06-02', endDate: '2027-06-07',
    direction: 'inbound', minorsPerAdult: 8, status: 'confirmed', version: 2, updatedByUserId: randomUUID(), ...over,
  });

  /** A delegation (2 to 7 June 2027 in Tacoma) with its members, built from the delegations service's events; waits until the read model has it. */
  async function delegation(members: { lodgingNeed: string; birthYear: number; name: string }[]) {
    const d = randomUUID();
    const people = members.map((m) => ({ ...m, memberId: randomUUID(), participantId: randomUUID() }));
    for (const p of people) {
      await participantEvent('participant.registered', p.participantId, { participantId: p.participantId, givenName: p.name, familyName: 'Test', birthYear: p.birthYear, gender: 'female',
        languages: ['zh'], nationality: 'CN', visaStatus: 'granted', createdByUserId: randomUUID() });
    }
    await eventually(async () => expect((await db.query(`SELECT count(*)::int AS n FROM lg_participant WHERE id = ANY($1)`, [people.map((p) => p.participantId)]))[0].n).toBe(people.length),
      { timeoutMs: 30000, intervalMs: 200 });
    await kafka.produce(topic(Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, title: 'Tacoma robotics', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-07', status: 'confirmed' }),
      envelope('delegation.updated', d, updated(d)),
      envelope('delegation.shared', d, { delegationId: d, partnerOrganisationId: partnerOrg, sharedByUserId: randomUUID() }),
      ...people.map((p) => envelope('member.added', d, { delegationId: d, memberId: p.memberId, participantId: p.participantId, role: p.birthYear > 2005 ? 'student' : 'chaperone',
        lodgingNeed: p.lodgingNeed, isLeader: false, addedByUserId: randomUUID() })),
    ]);
    await eventually(async () => {
      expect((await db.query(`SELECT count(*)::int AS n FROM lg_member WHERE delegation_id = $1`, [d]))[0].n).toBe(people.length);
      expect(await db.query(`SELECT host_time_zone FROM lg_delegation WHERE id = $1`, [d])).toEqual([{ host_time_zone: 'America/Los_Angeles' }]);
    }, { timeoutMs: 30000, intervalMs: 200 });
    return { d, people };
  }

  /** What a logistics feature does after writing its rows: notify the hooks in the same transaction. */
  async function changed(d: string, cause: string, write: (q: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<void>) {
    await app.get(DataSource).transaction(async (tx) => {
      await write((sql, params) => tx.query(sql, params));
      await app.get(RosterHooks).notify(tx, { delegationId: d, cause, at: new Date() });
    });
  }

  async function segment(d: string, memberIds: string[], s: { direction: string; from: string; to: string; departureAt: string; departureLocal: string; departureZone: string;
    arrivalAt: string; arrivalLocal: string; arrivalZone: string }) {
    const id = randomUUID();
    await changed(d, 'segment.booked', async (q) => {
      await q(`INSERT INTO travel_segment (id, delegation_id, organisation_id, mode, carrier, number, from_code, to_code, departure_at, departure_local, departure_time_zone, arrival_at, arrival_local,
          arrival_time_zone, direction, status) VALUES ($1, $2, $3, 'flight', 'CA', '851', $4, $5, $6, $7, $8, $9, $10, $11, $12, 'booked')`,
      [id, d, org, s.from, s.to, s.departureAt, s.departureLocal, s.departureZone, s.arrivalAt, s.arrivalLocal, s.arrivalZone, s.direction]);
      for (const m of memberIds) await q(`INSERT INTO travel_segment_member (segment_id, member_id) VALUES ($1, $2)`, [id, m]);
    });
    return id;
  }

  async function run(d: string, members: string[], over: { seats?: number; driverKind?: string } = {}) {
    const id = randomUUID();
    await changed(d, 'pickup.planned', async (q) => {
      await q(`INSERT INTO pickup_run (id, delegation_id, airport, meeting_at, meeting_local, time_zone, seats, luggage_capacity, driver_kind, max_wait_minutes, status, plan_key)
        VALUES ($1, $2, 'SEA', '2027-06-02T20:00:00Z', '2027-06-02T13:00:00', 'America/Los_Angeles', $3, 7, $4, 30, 'planned', $5)`, [id, d, over.seats ?? 7, over.driverKind ?? 'volunteer', id]);
      for (const m of members) {
        await q(`INSERT INTO pickup_run_member (run_id, member_id, segment_id, lands_at, wait_minutes, drop_off_kind, drop_off_label) VALUES ($1, $2, $3, '2027-06-02T19:15:00Z', 45, 'hotel', 'Hotel Murano')`,
          [id, m, randomUUID()]);
      }
    });
    return id;
  }

  type Published = { type: string; payload: { conflictId: string; delegationId: string; kind: string; key: string; memberId?: string; runId?: string; message: string } };
  /** The conflict events of a delegation on logistics.travel.events, once there are `count` of them. */
  async function conflictEvents(d: string, count: number): Promise<Published[]> {
    return eventually(async () => {
      const all = (await kafka.readAll(topic(Topics.travelEvents))).map((m) => parseEnvelope(m.value) as unknown as Published)
        .filter((e) => e.type.startsWith('conflict.') && e.payload.delegationId === d);
      expect(all).toHaveLength(count);
      return all;
    }, { timeoutMs: 30000, intervalMs: 250 });
  }
  const summary = (events: Published[]) => events.map((e) => `${e.type} ${e.payload.key}`);
  const openKeys = async (d: string) => ((await db.query(`SELECT key FROM conflict WHERE delegation_id = $1 AND resolved_at IS NULL ORDER BY key`, [d])) as { key: string }[]).map((r) => r.key);

  beforeAll(async () => {
    db = await TestDatabase.create('logistics_conflicts');
    for (const t of [Topics.delegationEvents, Topics.participantEvents, Topics.placementEvents, Topics.travelEvents]) await kafka.createTopic(topic(t), 3);
    const env = loadEnv(LogisticsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
    app = await createServiceApp(logisticsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const t = (organisationId: string, roles: Role[]) => tokenFor({ organisationId, roles });
    tokens.coordinator = await t(org, ['coordinator']);
    tokens.youth = await t(org, ['youth-manager']);
    tokens.host = await t(org, ['host']);
    tokens.other = await t(otherOrg, ['admin']);
    tokens.partner = await t(partnerOrg, ['coordinator']);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('NO_LODGING_FOR_NIGHT: raised when a lodged member joins, resolved by a confirmed placement or a hotel stay, raised anew when the placement is released', async () => {
    const { d, people: [ana, bo] } = await delegation([{ name: 'Ana', lodgingNeed: 'homestay', birthYear: 1985 }, { name: 'Bo', lodgingNeed: 'hotel', birthYear: 1990 }]);
    const raised = await conflictEvents(d, 2);
    expect(summary(raised).sort()).toEqual([`conflict.raised NO_LODGING_FOR_NIGHT:${ana.memberId}`, `conflict.raised NO_LODGING_FOR_NIGHT:${bo.memberId}`].sort());
    expect(raised.find((e) => e.payload.memberId === ana.memberId)!.payload.message).toContain('2027-06-02, 2027-06-03, 2027-06-04, 2027-06-05, 2027-06-06');

    // host-matching confirms a placement for Ana for the whole stay
    const offer = randomUUID();
    const family = randomUUID();
    await placementEvent('placement.confirmed', d, { offerId: offer, delegationId: d, memberId: ana.memberId, participantId: ana.participantId, familyId: family, hostUserIds: [randomUUID()],
      familyName: 'Ruiz', address: '1 Main St, Tacoma', stayFrom: '2027-06-02', stayTo: '2027-06-07' });
    // the lodging feature books Bo a hotel for all but the last night: the conflict holds, re-worded; then the last night too
    await changed(d, 'lodging.assigned', (q) => q(`INSERT INTO hotel_stay (id, delegation_id, member_id, hotel, check_in, check_out) VALUES ($1, $2, $3, 'Hotel Murano', '2027-06-02', '2027-06-06')`,
      [randomUUID(), d, bo.memberId]).then(() => undefined));
    await eventually(async () => expect(await db.query(`SELECT message FROM conflict WHERE delegation_id = $1 AND member_id = $2 AND resolved_at IS NULL`, [d, bo.memberId]))
      .toEqual([{ message: expect.stringMatching(/for the night of 2027-06-06$/) }]));
    await changed(d, 'lodging.assigned', (q) => q(`INSERT INTO hotel_stay (id, delegation_id, member_id, hotel, check_in, check_out) VALUES ($1, $2, $3, 'Hotel Murano', '2027-06-06', '2027-06-07')`,
      [randomUUID(), d, bo.memberId]).then(() => undefined));
    const resolved = await conflictEvents(d, 4);
    expect(summary(resolved.slice(2)).sort()).toEqual([`conflict.resolved NO_LODGING_FOR_NIGHT:${ana.memberId}`, `conflict.resolved NO_LODGING_FOR_NIGHT:${bo.memberId}`].sort());
    const anaRaise = raised.find((e) => e.payload.memberId === ana.memberId)!;
    expect(resolved.find((e) => e.type === 'conflict.resolved' && e.payload.memberId === ana.memberId)!.payload.conflictId).toBe(anaRaise.payload.conflictId);
    expect(await openKeys(d)).toEqual([]);

    // the host withdraws: the placement is released, the conflict appears again as a new one
    await placementEvent('placement.released', d, { offerId: offer, delegationId: d, memberId: ana.memberId, participantId: ana.participantId, familyId: family, hostUserIds: [], reason: 'host-withdrew' });
    const again = await conflictEvents(d, 5);
    expect(again[4]).toMatchObject({ type: 'conflict.raised', payload: { key: `NO_LODGING_FOR_NIGHT:${ana.memberId}` } });
    expect(again[4].payload.conflictId).not.toBe(anaRaise.payload.conflictId);

    // listed for the staff of the owner and of the partner; hosts may not, another organisation gets 404
    const all = await request(url).get(`/api/logistics/delegations/${d}/conflicts?status=all`).set('authorization', `Bearer ${tokens.youth}`).expect(200);
    expect(all.body.items).toHaveLength(3);
    const open = await request(url).get(`/api/logistics/delegations/${d}/conflicts`).set('authorization', `Bearer ${tokens.partner}`).expect(200);
    expect(open.body.items).toEqual([expect.objectContaining({ kind: 'NO_LODGING_FOR_NIGHT', memberId: ana.memberId, status: 'open', resolvedAt: null })]);
    const closed = await request(url).get(`/api/logistics/delegations/${d}/conflicts?status=resolved`).set('authorization', `Bearer ${tokens.coordinator}`).expect(200);
    expect(closed.body.items.map((c: { key: string }) => c.key).sort()).toEqual([`NO_LODGING_FOR_NIGHT:${ana.memberId}`, `NO_LODGING_FOR_NIGHT:${bo.memberId}`].sort());
    await request(url).get(`/api/logistics/delegations/${d}/conflicts?status=maybe`).set('authorization', `Bearer ${tokens.coordinator}`).expect(400);
    await request(url).get(`/api/logistics/delegations/${d}/conflicts`).set('authorization', `Bearer ${tokens.host}`).expect(403);
    await request(url).get(`/api/logistics/delegations/${d}/conflicts`).set('authorization', `Bearer ${tokens.other}`).expect(404);
    await request(url).get(`/api/logistics/delegations/${d}/conflicts`).expect(401);
  });

  it('ARRIVES_AFTER_FIRST_ACTIVITY: raised when an itinerary change moves the first activity before a booked arrival, resolved when it moves back', async () => {
    const { d, people: [cy] } = await delegation([{ name: 'Cy', lodgingNeed: 'none', birthYear: 1979 }]);
    // lands in Seattle at 18:00 on 2 June (01:00Z on the 3rd)
    await segment(d, [cy.memberId], { direction: 'arrival', from: 'PEK', to: 'SEA', departureAt: '2027-06-02T05:00:00Z', departureLocal: '2027-06-02T13:00:00', departureZone: 'Asia/Shanghai',
      arrivalAt: '2027-06-03T01:00:00Z', arrivalLocal: '2027-06-02T18:00:00', arrivalZone: 'America/Los_Angeles' });
    const activity = randomUUID();
    const itinerary = (change: string, startsAt: string, startsLocal: string, endsAt: string, endsLocal: string) => delegationEvent('itinerary.changed', d, {
      delegationId: d, activityId: activity, change, title: 'Welcome at city hall', startsAt, endsAt, startsLocal, endsLocal, timeZone: 'America/Los_Angeles' });
    await itinerary('added', '2027-06-03T16:00:00Z', '2027-06-03T09:00:00', '2027-06-03T17:00:00Z', '2027-06-03T10:00:00');
    await eventually(async () => expect(await db.query(`SELECT starts_local FROM lg_activity WHERE id = $1`, [activity])).toEqual([{ starts_local: '2027-06-03T09:00:00' }]));
    expect(await openKeys(d)).toEqual([]);
    // moved to 15:00 on the 2nd, before Cy lands
    await itinerary('updated', '2027-06-02T22:00:00Z', '2027-06-02T15:00:00', '2027-06-02T23:00:00Z', '2027-06-02T16:00:00');
    const raised = await conflictEvents(d, 1);
    expect(raised[0]).toMatchObject({ type: 'conflict.raised', payload: { kind: 'ARRIVES_AFTER_FIRST_ACTIVITY', key: `ARRIVES_AFTER_FIRST_ACTIVITY:${cy.memberId}`, memberId: cy.memberId } });
    expect(raised[0].payload.message).toContain('2027-06-02T18:00');
    await itinerary('updated', '2027-06-03T16:00:00Z', '2027-06-03T09:00:00', '2027-06-03T17:00:00Z', '2027-06-03T10:00:00');
    const both = await conflictEvents(d, 2);
    expect(summary(both)).toEqual([`conflict.raised ARRIVES_AFTER_FIRST_ACTIVITY:${cy.memberId}`, `conflict.resolved ARRIVES_AFTER_FIRST_ACTIVITY:${cy.memberId}`]);
    expect(both[1].payload.conflictId).toBe(both[0].payload.conflictId);
  });

  it('DEPARTS_BEFORE_VISIT_ENDS: raised by a departure booked the day before the end, resolved when the delegations service moves the end date', async () => {
    const { d, people: [di] } = await delegation([{ name: 'Di', lodgingNeed: 'none', birthYear: 1975 }]);
    // 21:30 on 6 June in Seattle is already 7 June in UTC: the date is read in the host zone
    const seg = await segment(d, [di.memberId], { direction: 'departure', from: 'SEA', to: 'PEK', departureAt: '2027-06-07T04:30:00Z', departureLocal: '2027-06-06T21:30:00',
      departureZone: 'America/Los_Angeles', arrivalAt: '2027-06-07T16:30:00Z', arrivalLocal: '2027-06-08T00:30:00', arrivalZone: 'Asia/Shanghai' });
    const raised = await conflictEvents(d, 1);
    expect(raised[0]).toMatchObject({ type: 'conflict.raised', payload: { kind: 'DEPARTS_BEFORE_VISIT_ENDS', key: `DEPARTS_BEFORE_VISIT_ENDS:${seg}`, memberId: di.memberId } });
    await delegationEvent('delegation.updated', d, updated(d, { endDate: '2027-06-06' }));
    const both = await conflictEvents(d, 2);
    expect(summary(both)).toEqual([`conflict.raised DEPARTS_BEFORE_VISIT_ENDS:${seg}`, `conflict.resolved DEPARTS_BEFORE_VISIT_ENDS:${seg}`]);
  });

  it('PASSPORT_EXPIRES_TOO_SOON: raised and resolved by participant.travel-document-changed', async () => {
    const { d, people: [ed] } = await delegation([{ name: 'Ed', lodgingNeed: 'none', birthYear: 1970 }]);
    await participantEvent('participant.travel-document-changed', ed.participantId, { participantId: ed.participantId, passportExpiry: '2027-12-06' });
    const raised = await conflictEvents(d, 1);
    expect(raised[0]).toMatchObject({ type: 'conflict.raised', payload: { kind: 'PASSPORT_EXPIRES_TOO_SOON', memberId: ed.memberId, message: expect.stringContaining('until 2027-12-07') } });
    // another change that still leaves it too short re-words nothing publicly
    await participantEvent('participant.travel-document-changed', ed.participantId, { participantId: ed.participantId, passportExpiry: '2027-11-30' });
    await eventually(async () => expect((await db.query(`SELECT passport_expiry::text AS e FROM lg_participant WHERE id = $1`, [ed.participantId]))[0].e).toBe('2027-11-30'));
    await participantEvent('participant.travel-document-changed', ed.participantId, { participantId: ed.participantId, passportExpiry: '2032-01-01' });
    const both = await conflictEvents(d, 2);
    expect(summary(both)).toEqual([`conflict.raised PASSPORT_EXPIRES_TOO_SOON:${ed.memberId}`, `conflict.resolved PASSPORT_EXPIRES_TOO_SOON:${ed.memberId}`]);
    expect(both[1].payload.message).toContain('2027-11-30');
  });

  it('PICKUP_OVER_CAPACITY and MINOR_WITHOUT_ADULT_IN_RUN: raised and resolved as runs are planned and changed', async () => {
    const { d, people: [kid, fay, gus] } = await delegation([
      { name: 'Kit', lodgingNeed: 'none', birthYear: 2013 }, { name: 'Fay', lodgingNeed: 'none', birthYear: 1980 }, { name: 'Gus', lodgingNeed: 'none', birthYear: 1982 },
    ]);
    const full = await run(d, [kid.memberId, fay.memberId, gus.memberId], { seats: 2 });
    const over = await conflictEvents(d, 1);
    expect(over[0]).toMatchObject({ type: 'conflict.raised', payload: { kind: 'PICKUP_OVER_CAPACITY', key: `PICKUP_OVER_CAPACITY:${full}`, runId: full } });
    await changed(d, 'pickup.changed', (q) => q(`DELETE FROM pickup_run_member WHERE run_id = $1 AND member_id = $2`, [full, gus.memberId]).then(() => undefined));
    await conflictEvents(d, 2);

    // Kit alone with a volunteer driver: no second adult
    const alone = await run(d, [kid.memberId]);
    await changed(d, 'pickup.changed', (q) => q(`DELETE FROM pickup_run_member WHERE run_id = $1 AND member_id = $2`, [full, kid.memberId]).then(() => undefined));
    const minor = await conflictEvents(d, 3);
    expect(minor[2]).toMatchObject({ type: 'conflict.raised', payload: { kind: 'MINOR_WITHOUT_ADULT_IN_RUN', key: `MINOR_WITHOUT_ADULT_IN_RUN:${alone}`, runId: alone, memberId: kid.memberId } });
    await changed(d, 'pickup.changed', (q) => q(`UPDATE pickup_run SET driver_kind = 'hired-service', version = version + 1 WHERE id = $1`, [alone]).then(() => undefined));
    const all = await conflictEvents(d, 4);
    expect(summary(all)).toEqual([
      `conflict.raised PICKUP_OVER_CAPACITY:${full}`, `conflict.resolved PICKUP_OVER_CAPACITY:${full}`,
      `conflict.raised MINOR_WITHOUT_ADULT_IN_RUN:${alone}`, `conflict.resolved MINOR_WITHOUT_ADULT_IN_RUN:${alone}`,
    ]);
    // a notify that changes nothing publishes nothing
    await changed(d, 'pickup.changed', async () => undefined);
    await delegationEvent('member.updated', d, { delegationId: d, memberId: fay.memberId, participantId: fay.participantId, role: 'chaperone', lodgingNeed: 'none', isLeader: true,
      updatedByUserId: randomUUID(), changed: ['isLeader'] });
    await eventually(async () => expect(await db.query(`SELECT is_leader FROM lg_member WHERE id = $1`, [fay.memberId])).toEqual([{ is_leader: true }]));
    expect(await db.query(`SELECT count(*)::int AS n FROM conflict WHERE delegation_id = $1`, [d])).toEqual([{ n: 2 }]);
    await conflictEvents(d, 4);
  });
});
