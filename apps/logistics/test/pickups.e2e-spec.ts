import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventEnvelope, parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { logisticsApp } from '../src/app.module';
import { LogisticsEnv } from '../src/config/logistics-env';
import { RosterHooks } from '../src/roster/roster-hooks';

/**
 * Airport pickups in-process on the real Postgres and Kafka: a delegation of 40 (its members, participants and
 * placements produced as the delegations and host-matching services publish them), staggered arrival flights at SEA
 * and PDX (inserted as rows, as the travel feature stores them), the plan checked against runs computed by hand, a
 * flight delay re-planned through the hooks, the minors rule, and the pickup events read back from Kafka.
 */
describe('airport pickups (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'coordinator' | 'admin' | 'youth' | 'host' | 'other', string>;
  const notified: string[] = [];

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/logistics${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/logistics${p}`).set('authorization', `Bearer ${token}`).send(body),
    put: (p: string, body?: object) => request(url).put(`/api/logistics${p}`).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body?: object) => request(url).patch(`/api/logistics${p}`).set('authorization', `Bearer ${token}`).send(body),
  });

  const envelope = (type: string, aggregateId: string, payload: object, producer = 'delegations') => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: orgA, aggregateId, correlationId: randomUUID(), causationId: null, producer, payload }),
  });

  /** The pickup events of one delegation, once the topic holds exactly what the outbox holds for it. */
  async function eventsOf(delegationId: string): Promise<EventEnvelope[]> {
    return eventually(async () => {
      const topic = withPrefix(prefix, Topics.travelEvents);
      const msgs = (await kafka.readAll(topic)).filter((m) => m.key === delegationId);
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND topic = $2`, [delegationId, topic]);
      expect(msgs.length).toBe(Number(n));
      return msgs.map((m) => parseEnvelope(m.value)).filter((e) => e.type.startsWith('pickup.'));
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  /** Member ids that sort in the order of their index (ties of landing time are broken by member id). */
  const base = randomUUID().slice(0, 24);
  const memberId = (i: number) => `${base}${String(i).padStart(12, '0')}`;
  const S = (i: number) => memberId(i); // SEA members s1..s20
  const P = (i: number) => memberId(20 + i); // PDX members p1..p20
  const range = (f: (i: number) => string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => f(from + k));
  const minors = new Set([S(2), S(3), S(4), S(5), S(19), S(20)]);
  const hotelGuests = new Set(range(S, 1, 5));
  const ruizGuests = range(S, 6, 12);
  const d = randomUUID();
  const segments: Record<string, string> = {};
  const PDT = (hhmm: string) => `2027-06-01T${hhmm}:00-07:00`;

  async function insertSegment(key: string, to: string, hhmm: string, members: string[], extra: { direction?: string; status?: string; mode?: string } = {}) {
    const id = randomUUID();
    segments[key] = id;
    await db.query(
      `INSERT INTO travel_segment (id, delegation_id, organisation_id, mode, carrier, number, from_code, to_code, departure_at, departure_local, departure_time_zone, arrival_at,
         arrival_local, arrival_time_zone, direction, status, bags_per_person)
       VALUES ($1, $2, $3, $4, 'Test Air', $5, 'PEK', $6, $7::timestamptz - interval '12 hours', '2027-06-01T13:00:00', 'Asia/Shanghai', $7, $8, 'America/Los_Angeles', $9, $10, 1)`,
      [id, d, orgA, extra.mode ?? 'flight', key, to, PDT(hhmm), `2027-06-01T${hhmm}:00`, extra.direction ?? 'arrival', extra.status ?? 'booked'],
    );
    for (const m of members) await db.query(`INSERT INTO travel_segment_member (segment_id, member_id) VALUES ($1, $2)`, [id, m]);
  }

  /** What the travel feature does after changing a segment: notify the hooks in its transaction. */
  async function notify(cause: string) {
    await app.get(DataSource).transaction((tx) => app.get(RosterHooks).notify(tx, { delegationId: d, cause, at: new Date() }));
  }

  interface RunView {
    id: string; airport: string; meetingLocal: string; timeZone: string; members: { memberId: string; waitMinutes: number; dropOff: { kind: string; label: string; address: string | null } }[];
    safeguarding: { ok: boolean; rule: string }; status: string; driverKind: string | null; extraAdults: number;
  }
  const runsOf = async (token = t.coordinator) => (await as(token).get(`/delegations/${d}/pickups/runs`).expect(200)).body as {
    runs: RunView[]; waiting: { memberId: string; waitMinutes: number; runId: string }[]; issues: { kind: string; runId: string }[]; totalWaitMinutes: number; hasPlan: boolean;
  };
  const shape = (runs: RunView[]) => runs.map((r) => [r.airport, r.meetingLocal.slice(11, 16), r.members.map((m) => m.memberId)]);
  const runAt = (runs: RunView[], airport: string, hhmm: string) => runs.find((r) => r.airport === airport && r.meetingLocal.slice(11, 16) === hhmm)!;

  beforeAll(async () => {
    db = await TestDatabase.create('logistics_pickups');
    for (const topic of [Topics.delegationEvents, Topics.participantEvents, Topics.placementEvents, Topics.travelEvents]) await kafka.createTopic(withPrefix(prefix, topic), 3);
    const env = loadEnv(LogisticsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
    app = await createServiceApp(logisticsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    app.get(RosterHooks).register('test', async (_tx, change) => {
      if (change.delegationId === d) notified.push(change.cause);
    });
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'] });
    t.admin = await tokenFor({ organisationId: orgA, roles: ['admin'] });
    t.youth = await tokenFor({ organisationId: orgA, roles: ['youth-manager'] });
    t.host = await tokenFor({ organisationId: orgA, roles: ['host'] });
    t.other = await tokenFor({ organisationId: orgB, roles: ['coordinator'] });

    // the delegation of 40, as the delegations service publishes it, and 7 placements with the Ruiz family
    const all = [...range(S, 1, 20), ...range(P, 1, 20)];
    const participants = new Map(all.map((m) => [m, randomUUID()]));
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, title: 'Fuzhou youth orchestra', hostCity: 'Tacoma', startDate: '2027-06-01', endDate: '2027-06-10', status: 'planning' }),
      ...all.map((m) => envelope('member.added', d, { delegationId: d, memberId: m, participantId: participants.get(m), role: minors.has(m) ? 'student' : 'delegate',
        lodgingNeed: hotelGuests.has(m) ? 'hotel' : 'homestay', isLeader: false, addedByUserId: randomUUID() })),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantEvents), all.map((m, i) => envelope('participant.registered', participants.get(m)!, {
      participantId: participants.get(m), givenName: `G${String(i + 1).padStart(2, '0')}`, familyName: i < 20 ? 'Sea' : 'Pdx', birthYear: minors.has(m) ? 2012 : 1980, gender: 'female',
      languages: ['zh'], nationality: 'CN', visaStatus: 'granted', createdByUserId: randomUUID(),
    })));
    const ruiz = randomUUID();
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), ruizGuests.map((m) => envelope('placement.confirmed', d, {
      offerId: randomUUID(), delegationId: d, memberId: m, participantId: participants.get(m), familyId: ruiz, hostUserIds: [], familyName: 'Ruiz', address: '1 Main St, Tacoma, WA',
      latitude: 47.2, longitude: -122.4, stayFrom: '2027-06-01', stayTo: '2027-06-10',
    }, 'host-matching')));
    await eventually(async () => {
      expect(await db.query(`SELECT count(*)::int AS n FROM lg_member m JOIN lg_participant p ON p.id = m.participant_id WHERE m.delegation_id = $1`, [d])).toEqual([{ n: 40 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM lg_placement WHERE delegation_id = $1 AND status = 'confirmed'`, [d])).toEqual([{ n: 7 }]);
    }, { timeoutMs: 30000, intervalMs: 250 });

    // staggered arrivals on 2027-06-01 (PDT, UTC-7), one bag each
    await insertSegment('SEA1000', 'SEA', '10:00', range(S, 1, 5));
    await insertSegment('SEA1030', 'SEA', '10:30', range(S, 6, 9));
    await insertSegment('SEA1120', 'SEA', '11:20', range(S, 10, 12));
    await insertSegment('SEA1400', 'SEA', '14:00', range(S, 13, 18));
    await insertSegment('SEA1500', 'SEA', '15:00', range(S, 19, 20));
    await insertSegment('PDX0900', 'PDX', '09:00', range(P, 1, 3));
    await insertSegment('PDX0930', 'PDX', '09:30', range(P, 4, 6));
    await insertSegment('PDX1020', 'PDX', '10:20', range(P, 7, 8));
    await insertSegment('PDX1200', 'PDX', '12:00', range(P, 9, 12));
    await insertSegment('PDX1245', 'PDX', '12:45', range(P, 13, 16));
    await insertSegment('PDX1310', 'PDX', '13:10', range(P, 17, 20));
    // not pickups: a connecting leg that lands earlier elsewhere, a train, a cancelled flight, the flight home
    await insertSegment('SFO0600', 'SFO', '06:00', range(S, 1, 5));
    await insertSegment('TRAIN', 'PDX', '16:00', [P(1)], { mode: 'train' });
    await insertSegment('CANCEL', 'PDX', '17:00', [P(2)], { status: 'cancelled' });
    await insertSegment('HOME', 'SEA', '18:00', [S(1)], { direction: 'departure' });
  }, 90000);

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('settings: defaults, a partial update by a coordinator; youth managers read, hosts 403, another organisation 404', async () => {
    expect((await as(t.youth).get(`/delegations/${d}/pickups/settings`).expect(200)).body)
      .toEqual({ windowMinutes: 90, bufferMinutes: 45, seatsPerVehicle: 7, luggagePerVehicle: 7, minorsRule: 'two-adults', hotelName: null, hotelAddress: null });
    const res = await as(t.coordinator).put(`/delegations/${d}/pickups/settings`, { hotelName: 'Hotel Murano', hotelAddress: '1320 Broadway, Tacoma, WA' }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ windowMinutes: 90, hotelName: 'Hotel Murano' }));
    await as(t.youth).put(`/delegations/${d}/pickups/settings`, { windowMinutes: 60 }).expect(403);
    await as(t.host).get(`/delegations/${d}/pickups/settings`).expect(403);
    await as(t.other).get(`/delegations/${d}/pickups/settings`).expect(404);
    const bad = await as(t.coordinator).put(`/delegations/${d}/pickups/settings`, { seatsPerVehicle: 0, minorsRule: 'nobody' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['minorsRule', 'seatsPerVehicle']);
    expect((await runsOf()).hasPlan).toBe(false);
  });

  it('plans the 40 into exactly the runs computed by hand, with drop-offs, the waiting report and pickup.planned per run', async () => {
    await as(t.youth).post(`/delegations/${d}/pickups/plan`).expect(403);
    await as(t.other).post(`/delegations/${d}/pickups/plan`).expect(404);
    const res = await as(t.coordinator).post(`/delegations/${d}/pickups/plan`).expect(200);
    expect(res.body.planned).toHaveLength(8);
    /*
     * By hand (window 90, buffer 45, 7 seats, 7 bags; runs first, then total wait beyond the buffer):
     * SEA 5@10:00, 4@10:30, 3@11:20 span 80 min, 12 people: 2 runs; splits 5|7 wait 4x50 = 200, 6|6 5x30+3x50 = 300, 7|5 5x30+2x50 = 250 -> 5|7.
     *     6@14:00, 2@15:00 (160 min after 11:20): 2 runs, 6|2 wait 0.
     * PDX 3@09:00, 3@09:30, 2@10:20 span 80, 8 people: 2 runs; 3|5 wait 3x50 = 150, 6|2 3x30 = 90, 5|3 3x30+... = 140 -> 6|2.
     *     4@12:00, 4@12:45, 4@13:10 span 70 (100 min after 10:20), 12 people: 2 runs; 5|7 180+75 = 255, 6|6 180+50 = 230, 7|5 180+25 = 205 -> 7|5.
     */
    const plan = await runsOf();
    expect(plan.hasPlan).toBe(true);
    expect(shape(plan.runs)).toEqual([
      ['PDX', '10:15', range(P, 1, 6)],
      ['SEA', '10:45', range(S, 1, 5)],
      ['PDX', '11:05', range(P, 7, 8)],
      ['SEA', '12:05', range(S, 6, 12)],
      ['PDX', '13:30', range(P, 9, 15)],
      ['PDX', '13:55', range(P, 16, 20)],
      ['SEA', '14:45', range(S, 13, 18)],
      ['SEA', '15:45', range(S, 19, 20)],
    ]);
    expect(plan.runs.every((r) => r.timeZone === 'America/Los_Angeles' && r.meetingLocal.startsWith('2027-06-01T'))).toBe(true);
    expect(plan.totalWaitMinutes).toBe(40 * 45 + 200 + 90 + 205);
    // the longest waits: s6..s9 landed 10:30 and meet at 12:05
    expect(plan.waiting.slice(0, 4).map((w) => [w.memberId, w.waitMinutes])).toEqual(range(S, 6, 9).map((m) => [m, 95]));
    expect(plan.waiting.find((w) => w.memberId === P(9))!.waitMinutes).toBe(90);
    // drop-offs: the hotel from the settings for hotel members, the host family from the placements, else unknown
    expect(runAt(plan.runs, 'SEA', '10:45').members.map((m) => m.dropOff)).toEqual(Array(5).fill({ kind: 'hotel', label: 'Hotel Murano', address: '1320 Broadway, Tacoma, WA' }));
    expect(new Set(runAt(plan.runs, 'SEA', '12:05').members.map((m) => m.dropOff.label))).toEqual(new Set(['Ruiz family']));
    expect(runAt(plan.runs, 'PDX', '10:15').members[0].dropOff).toEqual({ kind: 'unknown', label: 'unknown', address: null });
    // the two minors landing at 15:00 have no adult in their run: flagged
    expect(plan.issues).toEqual([expect.objectContaining({ kind: 'MINOR_WITHOUT_ADULT_IN_RUN', runId: runAt(plan.runs, 'SEA', '15:45').id })]);
    expect(runAt(plan.runs, 'SEA', '10:45').safeguarding.ok).toBe(true); // s1, an adult member, rides with the four minors

    const events = await eventsOf(d);
    expect(events.map((e) => e.type)).toEqual(Array(8).fill('pickup.planned'));
    expect(new Set(events.map((e) => (e.payload as { runId: string }).runId))).toEqual(new Set(plan.runs.map((r) => r.id)));
    const ruizRun = events.find((e) => (e.payload as { runId: string }).runId === runAt(plan.runs, 'SEA', '12:05').id)!.payload;
    expect(ruizRun).toEqual(expect.objectContaining({ airport: 'SEA', meetingLocal: '2027-06-01T12:05:00', timeZone: 'America/Los_Angeles', meetingAt: '2027-06-01T19:05:00.000Z', seats: 7,
      maxWaitMinutes: 95, dropOffs: [{ kind: 'homestay', label: 'Ruiz family', address: '1 Main St, Tacoma, WA', memberIds: range(S, 6, 12) }] }));
    expect(notified.filter((c) => c.startsWith('pickup.'))).toEqual(['pickup.planned']);

    // planning again changes nothing: no event, no notification
    const again = await as(t.admin).post(`/delegations/${d}/pickups/plan`).expect(200);
    expect([again.body.planned, again.body.changed, again.body.cancelled]).toEqual([[], [], []]);
    expect(await eventsOf(d)).toHaveLength(8);
    expect(notified.filter((c) => c.startsWith('pickup.'))).toEqual(['pickup.planned']);
  });

  it('a 20-minute delay of one flight re-plans in the same transaction: same run, later meeting, pickup.changed, longer waits reported', async () => {
    const before = await runsOf();
    const run = runAt(before.runs, 'SEA', '12:05');
    await db.query(`UPDATE travel_segment SET arrival_at = $2, arrival_local = '2027-06-01T11:40:00', version = version + 1, updated_at = now() WHERE id = $1`, [segments.SEA1120, PDT('11:40')]);
    await notify('segment.changed');
    /* By hand: 5@10:00, 4@10:30, 3@11:40 now spans 100 min, so 5|7 stays (4x70 = 280 beyond the buffer) and meets at 12:25. */
    const after = await runsOf();
    expect(shape(after.runs)).toEqual(shape(before.runs).map((r) => (r[1] === '12:05' ? ['SEA', '12:25', r[2]] : r)));
    const moved = runAt(after.runs, 'SEA', '12:25');
    expect(moved.id).toBe(run.id);
    expect(after.runs.map((r) => r.id)).toEqual(before.runs.map((r) => r.id));
    expect(after.waiting.slice(0, 4).map((w) => [w.memberId, w.waitMinutes])).toEqual(range(S, 6, 9).map((m) => [m, 115]));
    expect(after.totalWaitMinutes).toBe(before.totalWaitMinutes + 4 * 20); // s10..s12 land 20 min later and meet 20 min later

    const changed = (await eventsOf(d)).filter((e) => e.type === 'pickup.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0].payload).toEqual(expect.objectContaining({ runId: run.id, meetingLocal: '2027-06-01T12:25:00', maxWaitMinutes: 115, changed: ['meetingAt', 'arrivals'] }));
    expect(notified.filter((c) => c.startsWith('pickup.'))).toEqual(['pickup.planned', 'pickup.changed']);
  });

  it('minors rule: a single volunteer with two minors is refused (409 naming the rule); a second adult or a hired service is accepted', async () => {
    const plan = await runsOf();
    const minorsRun = runAt(plan.runs, 'SEA', '15:45');
    const mixedRun = runAt(plan.runs, 'SEA', '10:45');
    const path = (id: string) => `/delegations/${d}/pickups/runs/${id}`;
    await as(t.youth).patch(path(minorsRun.id), { driverKind: 'volunteer' }).expect(403);
    await as(t.other).patch(path(minorsRun.id), { driverKind: 'volunteer' }).expect(404);
    await as(t.coordinator).patch(`/delegations/${d}/pickups/runs/${randomUUID()}`, { driverKind: 'volunteer' }).expect(404);
    await as(t.coordinator).patch(path(minorsRun.id), { driverKind: 'taxi' }).expect(400);

    const refused = await as(t.coordinator).patch(path(minorsRun.id), { driverKind: 'volunteer', driverName: 'Pat Olsen' }).expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'PICKUP.MINORS_RULE', details: expect.objectContaining({ rule: 'two-adults', adults: 1 }) }));
    expect(refused.body.message[0]).toContain("'two-adults'");
    const ok = await as(t.coordinator).patch(path(minorsRun.id), { driverKind: 'volunteer', driverName: 'Pat Olsen', extraAdults: 1 }).expect(200);
    expect(ok.body).toEqual(expect.objectContaining({ id: minorsRun.id, driverKind: 'volunteer', driverName: 'Pat Olsen', extraAdults: 1, safeguarding: expect.objectContaining({ ok: true }) }));
    // an adult member of the delegation in the run counts as the second adult
    await as(t.coordinator).patch(path(mixedRun.id), { driverKind: 'host-family-member', driverName: 'Ana Ruiz' }).expect(200);
    expect((await runsOf()).issues).toEqual([]);
    await as(t.coordinator).patch(path(minorsRun.id), { extraAdults: 0 }).expect(409);
    await as(t.coordinator).patch(path(minorsRun.id), { seats: 1 }).expect(409);

    // the programme switches to 'hired-service': the runs with minors are flagged, two adults are no longer enough
    await as(t.coordinator).put(`/delegations/${d}/pickups/settings`, { minorsRule: 'hired-service' }).expect(200);
    expect(new Set((await runsOf()).issues.map((i) => i.runId))).toEqual(new Set([minorsRun.id, mixedRun.id]));
    const refusedAgain = await as(t.coordinator).patch(path(minorsRun.id), { driverKind: 'volunteer', extraAdults: 2 }).expect(409);
    expect(refusedAgain.body.details.rule).toBe('hired-service');
    await as(t.coordinator).patch(path(minorsRun.id), { driverKind: 'hired-service', driverName: 'Puget Sound Shuttles', extraAdults: 0 }).expect(200);
    await as(t.admin).patch(path(mixedRun.id), { driverKind: 'hired-service', driverName: 'Puget Sound Shuttles' }).expect(200);
    expect((await runsOf(t.youth)).issues).toEqual([]);

    const driverEvents = (await eventsOf(d)).filter((e) => e.type === 'pickup.changed' && (e.payload as { runId: string }).runId === minorsRun.id).map((e) => e.payload as { changed: string[]; driverKind?: string });
    expect(driverEvents.map((p) => p.changed)).toEqual([['driverKind', 'driverName', 'extraAdults'], ['driverKind', 'driverName', 'extraAdults']]);
    expect(driverEvents[1].driverKind).toBe('hired-service');
  });

  it('a cancelled flight cancels its run (pickup.changed, status), the sheet prints the rest', async () => {
    const before = await runsOf();
    const gone = runAt(before.runs, 'SEA', '15:45');
    await db.query(`UPDATE travel_segment SET status = 'cancelled' WHERE id = $1`, [segments.SEA1500]);
    await notify('segment.cancelled');
    const after = await runsOf();
    expect(after.runs.map((r) => r.id)).toEqual(before.runs.map((r) => r.id).filter((id) => id !== gone.id));
    const all = (await as(t.coordinator).get(`/delegations/${d}/pickups/runs?includeCancelled=true`).expect(200)).body.runs as RunView[];
    expect(all.find((r) => r.id === gone.id)!.status).toBe('cancelled');
    const last = (await eventsOf(d)).at(-1)!;
    expect(last.type).toBe('pickup.changed');
    expect(last.payload).toEqual(expect.objectContaining({ runId: gone.id, changed: ['status'], memberIds: range(S, 19, 20) }));

    const csv = await as(t.youth).get(`/delegations/${d}/pickups/sheet?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('run,airport,meeting,timeZone,driver,seats,member,minor,flight,from,lands,waitMinutes,dropOff,dropOffAddress,safeguarding');
    expect(lines).toHaveLength(1 + 38);
    expect(lines[1]).toBe('1,PDX,2027-06-01 10:15,America/Los_Angeles,to assign,7,G21 Pdx,no,Test Air PDX0900,PEK,2027-06-01 09:00,75,unknown,,ok');
    const html = await as(t.coordinator).get(`/delegations/${d}/pickups/sheet`).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('Run 2: SEA, meet at 2027-06-01 10:45 (America/Los_Angeles)');
    await as(t.host).get(`/delegations/${d}/pickups/sheet`).expect(403);
  });

  it('a placement confirmed on the broker re-plans in the consumer\'s transaction: the run\'s drop-off changes (pickup.changed, dropOffs)', async () => {
    const run = runAt((await runsOf()).runs, 'PDX', '10:15');
    const participantId = (await db.query<{ participant_id: string }>(`SELECT participant_id FROM lg_member WHERE id = $1`, [P(1)]))[0].participant_id;
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [envelope('placement.confirmed', d, {
      offerId: randomUUID(), delegationId: d, memberId: P(1), participantId, familyId: randomUUID(), hostUserIds: [], familyName: 'Nguyen', address: '9 Pine St, Tacoma, WA',
      latitude: 47.2, longitude: -122.4, stayFrom: '2027-06-01', stayTo: '2027-06-10',
    }, 'host-matching')]);
    const last = await eventually(async () => {
      const e = (await eventsOf(d)).at(-1)!;
      expect(e.payload).toEqual(expect.objectContaining({ runId: run.id, changed: ['dropOffs'] }));
      return e.payload as { dropOffs: { label: string; memberIds: string[] }[] };
    }, { timeoutMs: 30000, intervalMs: 250 });
    expect(last.dropOffs).toEqual([expect.objectContaining({ label: 'Nguyen family', memberIds: [P(1)] }), expect.objectContaining({ label: 'unknown', memberIds: range(P, 2, 6) })]);
    expect(runAt((await runsOf()).runs, 'PDX', '10:15').members[0].dropOff).toEqual({ kind: 'homestay', label: 'Nguyen family', address: '9 Pine St, Tacoma, WA' });
  });
});
