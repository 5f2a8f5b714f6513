import { randomUUID } from 'node:crypto';
import { Topics, withPrefix } from '@twinning/contracts';
import { eventually, TestDatabase } from '@twinning/testing';
import { logisticsHarness } from './support/logistics-harness';

/**
 * Lodging in-process on the real Postgres and Kafka: hotel stays recorded through the API, homestays from the
 * placement events host matching publishes (each announced once as lodging.assigned, however often it is
 * confirmed), and the night-by-night view with its gaps.
 */
describe('logistics lodging (real Postgres, real Kafka)', () => {
  const { prefix, kafka, d, t, causes, envelope, as, events, start, stop } = logisticsHarness('admin');
  const people = {
    hotel: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Hana', familyName: 'Otel', lodgingNeed: 'hotel' },
    early: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Eli', familyName: 'Early', lodgingNeed: 'homestay' },
    late: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Lou', familyName: 'Late', lodgingNeed: 'homestay' },
    driver: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Dee', familyName: 'Self', lodgingNeed: 'none' },
  };
  const offers = { early: randomUUID(), late: randomUUID() };
  const families = { ruiz: randomUUID(), olsen: randomUUID() };
  let db: TestDatabase;

  const confirmed = (who: 'early' | 'late', family: 'ruiz' | 'olsen', stayFrom: string) => envelope('placement.confirmed', d, {
    offerId: offers[who], delegationId: d, memberId: people[who].memberId, participantId: people[who].participantId, familyId: families[family], hostUserIds: [],
    familyName: family === 'ruiz' ? 'Ruiz' : 'Olsen', address: `${family} house, Tacoma`, latitude: 47.2, longitude: -122.4, stayFrom, stayTo: '2027-06-06' }, 'host-matching');

  const summary = async () => {
    const v = (await as(t.youth).get('/lodging/nights').expect(200)).body as { nights: { date: string; members: { name: string; status: string; places: { place: string }[] }[] }[] };
    return v.nights.map((n) => `${n.date} ${n.members.map((m) => `${m.name}:${m.status === 'ok' ? m.places[0].place : m.status}`).join(', ')}`);
  };

  beforeAll(async () => {
    ({ db } = await start('logistics_lodging', { title: 'Fuzhou engineers', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-06' }, Object.values(people),
      { birthYear: 1980, gender: 'male', languages: ['zh'], nationality: 'CN' }));
  });

  afterAll(stop);

  it('shows every night of the visit, with gaps, from hotel stays and confirmed placements; each placement announced once', async () => {
    expect(await summary()).toEqual([
      '2027-06-02 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
      '2027-06-03 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
      '2027-06-04 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
      '2027-06-05 Dee Self:not-needed, Eli Early:gap, Hana Otel:gap, Lou Late:gap',
    ]);
    const stay = (await as(t.coordinator).post('/hotel-stays', { memberId: people.hotel.memberId, hotel: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-05' })
      .expect(201)).body;
    expect(stay).toMatchObject({ hotel: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-05', nights: 3, version: 1 });
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [confirmed('early', 'ruiz', '2027-06-02'), confirmed('late', 'olsen', '2027-06-03')]);
    // confirmed again (a redelivery, or a re-confirmation): announced once all the same
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [confirmed('early', 'ruiz', '2027-06-02')]);
    await eventually(() => expect(causes.filter((c) => c === 'placement.confirmed')).toHaveLength(3), { timeoutMs: 30000, intervalMs: 200 });

    const v = (await as(t.coordinator).get('/lodging/nights').expect(200)).body;
    expect(v.gaps).toEqual([
      { date: '2027-06-02', memberId: people.late.memberId, name: 'Lou Late' },
      { date: '2027-06-05', memberId: people.hotel.memberId, name: 'Hana Otel' },
    ]);
    expect(await summary()).toEqual([
      '2027-06-02 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:Hotel Murano, Lou Late:gap',
      '2027-06-03 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:Hotel Murano, Lou Late:Olsen',
      '2027-06-04 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:Hotel Murano, Lou Late:Olsen',
      '2027-06-05 Dee Self:not-needed, Eli Early:Ruiz, Hana Otel:gap, Lou Late:Olsen',
    ]);
    expect(v.nights[1].members.find((m: { memberId: string }) => m.memberId === people.hotel.memberId).places).toEqual([
      { kind: 'hotel', place: 'Hotel Murano', room: '301', address: null, stayId: stay.id },
    ]);

    // one more night at the hotel closes the last gap of the hotel guest
    await as(t.admin).patch(`/hotel-stays/${stay.id}`, { checkOut: '2027-06-06', version: 1 }).expect(200);
    expect((await as(t.coordinator).get('/lodging/nights').expect(200)).body.gaps).toEqual([{ date: '2027-06-02', memberId: people.late.memberId, name: 'Lou Late' }]);

    const lodging = (await events()).filter((e) => e.type === 'lodging.assigned');
    expect(lodging.map((e) => e.payload)).toEqual(expect.arrayContaining([
      { delegationId: d, memberId: people.hotel.memberId, kind: 'hotel', place: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-05' },
      { delegationId: d, memberId: people.hotel.memberId, kind: 'hotel', place: 'Hotel Murano', room: '301', checkIn: '2027-06-02', checkOut: '2027-06-06' },
      { delegationId: d, memberId: people.early.memberId, kind: 'homestay', place: 'Ruiz', checkIn: '2027-06-02', checkOut: '2027-06-06', familyId: families.ruiz },
      { delegationId: d, memberId: people.late.memberId, kind: 'homestay', place: 'Olsen', checkIn: '2027-06-03', checkOut: '2027-06-06', familyId: families.olsen },
    ]));
    expect(lodging).toHaveLength(4);
    expect(await db.query(`SELECT count(*)::int AS n FROM lodging_homestay_announced WHERE delegation_id = $1`, [d])).toEqual([{ n: 2 }]);
    expect(causes.filter((c) => c === 'lodging.assigned').length).toBeGreaterThanOrEqual(3);

    // removed: the nights show the gaps again, and the features are told
    await as(t.coordinator).delete(`/hotel-stays/${stay.id}`).expect(204);
    await as(t.coordinator).delete(`/hotel-stays/${stay.id}`).expect(204);
    expect((await as(t.coordinator).get('/lodging/nights').expect(200)).body.gaps).toHaveLength(5);
    expect(causes).toContain('lodging.removed');
  });

  it('rejects a stay that ends before it starts, a non-member and an overlapping stay', async () => {
    const base = { memberId: people.hotel.memberId, hotel: 'Hotel Murano', checkIn: '2027-06-02', checkOut: '2027-06-04' };
    const e1 = await as(t.coordinator).post('/hotel-stays', { ...base, checkOut: '2027-06-02' }).expect(400);
    expect(e1.body).toMatchObject({ code: 'LODGING.CHECK_OUT_NOT_AFTER_CHECK_IN', fields: [expect.objectContaining({ field: 'checkOut' })] });
    expect((await as(t.coordinator).post('/hotel-stays', { ...base, memberId: randomUUID() }).expect(400)).body.fields[0].field).toBe('memberId');
    expect((await as(t.coordinator).post('/hotel-stays', { ...base, checkIn: '2027-02-30' }).expect(400)).body.fields[0].field).toBe('checkIn');
    const first = (await as(t.coordinator).post('/hotel-stays', base).expect(201)).body;
    expect((await as(t.coordinator).post('/hotel-stays', { ...base, checkIn: '2027-06-03', checkOut: '2027-06-05' }).expect(409)).body).toMatchObject({ code: 'LODGING.STAY_OVERLAPS',
      details: { stayId: first.id } });
    // back to back is fine
    await as(t.coordinator).post('/hotel-stays', { ...base, hotel: 'Hotel Bay', checkIn: '2027-06-04', checkOut: '2027-06-06' }).expect(201);
    expect((await as(t.youth).get(`/hotel-stays?memberId=${people.hotel.memberId}`).expect(200)).body.items.map((s: { hotel: string }) => s.hotel)).toEqual(['Hotel Murano', 'Hotel Bay']);
    expect((await as(t.coordinator).patch(`/hotel-stays/${first.id}`, { room: '12', version: 7 }).expect(409)).body.code).toBe('HOTEL_STAY.VERSION_CONFLICT');
  });

  it('lets staff read, coordinators and admins write, and refuses hosts and other organisations', async () => {
    const body = { memberId: people.driver.memberId, hotel: 'Hotel Murano', checkIn: '2027-06-02', checkOut: '2027-06-03' };
    await as(t.youth).post('/hotel-stays', body).expect(403);
    await as(t.host).get('/lodging/nights').expect(403);
    await as(t.host).get('/hotel-stays').expect(403);
    await as(t.other).get('/lodging/nights').expect(404);
    await as(t.other).post('/hotel-stays', body).expect(404);
    await as(t.other).delete(`/hotel-stays/${randomUUID()}`).expect(404);
    await as(t.coordinator).patch(`/hotel-stays/${randomUUID()}`, { room: '1' }).expect(404);
  });
});
