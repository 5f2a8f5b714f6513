import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { eventually, TestDatabase, tokenFor } from '@twinning/testing';
import { logisticsHarness } from './support/logistics-harness';

/**
 * A host family's view of its guests' logistics (issue #8) in-process on the real Postgres and Kafka: the delegation,
 * its members and the host-matching placements arrive as those services publish them; the travel is recorded through
 * the API and the pickups are planned by a coordinator; each host then sees their own guests only, with local times.
 */
describe('logistics: a host sees their confirmed placements with arrival and pickup (real Postgres, real Kafka)', () => {
  const { prefix, kafka, orgA, orgB, d, t, envelope, as, start, stop, baseUrl } = logisticsHarness('coordinator');
  const people = {
    mei: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Mei', familyName: 'Lin' },
    jun: { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Jun', familyName: 'Wang' },
  };
  const family = { ruiz: randomUUID(), olsen: randomUUID() };
  const hosts = { ruiz: randomUUID(), olsen: randomUUID() };
  const offers = { mei: randomUUID(), jun: randomUUID() };
  const tokens = {} as Record<'ruiz' | 'olsen' | 'ruizElsewhere' | 'coordinatorHost', string>;
  let db: TestDatabase;

  const mine = (token: string) => request(baseUrl()).get('/api/logistics/my-placements').set('authorization', `Bearer ${token}`);
  const placement = (type: 'placement.confirmed' | 'placement.released', who: 'mei' | 'jun', fam: 'ruiz' | 'olsen') => envelope(type, d, {
    offerId: offers[who], delegationId: d, memberId: people[who].memberId, participantId: people[who].participantId, familyId: family[fam], hostUserIds: [hosts[fam]],
    ...(type === 'placement.confirmed'
      ? { familyName: fam === 'ruiz' ? 'Ruiz' : 'Olsen', address: `${fam} house, 1 Main St, Tacoma`, latitude: 47.25, longitude: -122.44, stayFrom: '2027-06-01', stayTo: '2027-06-08' }
      : { reason: 'host-withdrew' }),
  }, 'host-matching');

  beforeAll(async () => {
    ({ db } = await start('logistics_host_placements', { title: 'Fuzhou youth orchestra', hostCity: 'Tacoma', startDate: '2027-06-01', endDate: '2027-06-08' }, Object.values(people),
      { birthYear: 1990, gender: 'female', languages: ['zh'], nationality: 'CN' }));
    tokens.ruiz = await tokenFor({ organisationId: orgA, roles: ['host'], userId: hosts.ruiz });
    tokens.olsen = await tokenFor({ organisationId: orgA, roles: ['host'], userId: hosts.olsen });
    // the same person acting for an organisation that neither owns nor shares the delegation
    tokens.ruizElsewhere = await tokenFor({ organisationId: orgB, roles: ['host'], userId: hosts.ruiz });
    // a coordinator who is also the Ruiz host, but calls with a coordinator's token
    tokens.coordinatorHost = await tokenFor({ organisationId: orgA, roles: ['coordinator'], userId: hosts.ruiz });
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [envelope('delegation.updated', d, {
      delegationId: d, changed: ['hostTimeZone'], title: 'Fuzhou youth orchestra', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-06-01', endDate: '2027-06-08',
      direction: 'inbound', minorsPerAdult: 5, status: 'planning', version: 2, updatedByUserId: randomUUID(),
    })]);
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [placement('placement.confirmed', 'mei', 'ruiz'), placement('placement.confirmed', 'jun', 'olsen')]);
    await eventually(async () => {
      expect(await db.query(`SELECT count(*)::int AS n FROM lg_placement WHERE delegation_id = $1 AND status = 'confirmed'`, [d])).toEqual([{ n: 2 }]);
      expect(await db.query(`SELECT host_time_zone AS zone FROM lg_delegation WHERE id = $1`, [d])).toEqual([{ zone: 'America/Los_Angeles' }]);
    }, { timeoutMs: 30000, intervalMs: 200 });

    // Mei: Beijing → Seattle across the date line (lands before she left, local time), a cancelled earlier booking, and the flight home
    const flight = (over: object) => ({ mode: 'flight', carrier: 'CA', memberIds: [people.mei.memberId], ...over });
    await as(t.coordinator).post('/segments', flight({ number: '983', from: 'PEK', to: 'SEA', direction: 'arrival', departureLocal: '2027-06-01T16:00', arrivalLocal: '2027-06-01T11:30',
      status: 'booked', bookingReference: 'SECRET1' })).expect(201);
    const dropped = (await as(t.coordinator).post('/segments', flight({ number: '981', from: 'PEK', to: 'SEA', direction: 'arrival', departureLocal: '2027-06-02T16:00',
      arrivalLocal: '2027-06-02T11:30' })).expect(201)).body;
    await as(t.coordinator).post(`/segments/${dropped.id}/cancel`).expect(200);
    await as(t.coordinator).post('/segments', flight({ number: '984', from: 'SEA', to: 'PEK', direction: 'departure', departureLocal: '2027-06-08T13:25', arrivalLocal: '2027-06-09T17:05' }))
      .expect(201);
    // Jun arrives by train from Vancouver (no airport pickup)
    await as(t.coordinator).post('/segments', { mode: 'train', carrier: 'Amtrak', number: '517', from: 'Vancouver Pacific Central', fromTimeZone: 'America/Vancouver',
      to: 'Tacoma Dome Station', toTimeZone: 'America/Los_Angeles', direction: 'arrival', departureLocal: '2027-06-01T06:30', arrivalLocal: '2027-06-01T11:10', memberIds: [people.jun.memberId],
      status: 'booked' }).expect(201);
    await as(t.coordinator).post('/pickups/plan').expect(200);
    const [run] = (await as(t.coordinator).get('/pickups/runs').expect(200)).body.runs;
    await as(t.coordinator).patch(`/pickups/runs/${run.id}`, { driverKind: 'volunteer', driverName: 'Pat Volunteer' }).expect(200);
  });

  afterAll(stop);

  it("shows the host of family A their guest's arrival flight in local time and the pickup meeting time, and nothing of health, passports or bookings", async () => {
    const res = (await mine(tokens.ruiz).expect(200)).body;
    expect(res.total).toBe(1);
    const [p] = res.items;
    expect(p).toMatchObject({
      offerId: offers.mei, status: 'confirmed',
      delegation: { id: d, title: 'Fuzhou youth orchestra', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-06-01', endDate: '2027-06-08' },
      family: { id: family.ruiz, name: 'Ruiz' },
      guest: { memberId: people.mei.memberId, participantId: people.mei.participantId, givenName: 'Mei', familyName: 'Lin' },
      stay: { from: '2027-06-01', to: '2027-06-08' },
      arrival: {
        mode: 'flight', carrier: 'CA', number: '983', label: 'CA 983', status: 'booked',
        from: { kind: 'airport', code: 'PEK', timeZone: 'Asia/Shanghai' }, to: { kind: 'airport', code: 'SEA', timeZone: 'America/Los_Angeles' },
        // 16:00 in Beijing (08:00Z) → 11:30 the same local day in Seattle (18:30Z)
        departureLocal: '2027-06-01T16:00', departureTimeZone: 'Asia/Shanghai', departureAt: '2027-06-01T08:00:00.000Z',
        arrivalLocal: '2027-06-01T11:30', arrivalTimeZone: 'America/Los_Angeles', arrivalAt: '2027-06-01T18:30:00.000Z',
      },
      departure: {
        label: 'CA 984', from: { code: 'SEA' }, to: { code: 'PEK' }, departureLocal: '2027-06-08T13:25', departureTimeZone: 'America/Los_Angeles', arrivalLocal: '2027-06-09T17:05',
        arrivalTimeZone: 'Asia/Shanghai',
      },
      pickup: {
        meetingPlace: { kind: 'airport', code: 'SEA', timeZone: 'America/Los_Angeles' },
        // landing 11:30 + the default 45 minutes' buffer, at the airport's wall clock
        meetingLocal: '2027-06-01T12:15:00', timeZone: 'America/Los_Angeles', meetingAt: '2027-06-01T19:15:00.000Z', landsLocal: '2027-06-01T11:30:00',
        driverKind: 'volunteer', driverName: 'Pat Volunteer', seats: 7,
        dropOff: { kind: 'homestay', label: 'Ruiz family', address: 'ruiz house, 1 Main St, Tacoma' },
      },
    });
    expect(p.pickup.segmentId).toBe(p.arrival.segmentId);
    const text = JSON.stringify(res);
    for (const secret of ['SECRET1', 'passport', 'birthYear', 'allerg', 'medical', 'diet', 'Jun', 'Olsen']) expect(text).not.toContain(secret);
  });

  it("never shows family B's host the guest of family A; a guest without a flight has a journey but no pickup", async () => {
    const res = (await mine(tokens.olsen).expect(200)).body;
    expect(res.items.map((p: { guest: { givenName: string } }) => p.guest.givenName)).toEqual(['Jun']);
    expect(JSON.stringify(res)).not.toContain(people.mei.memberId);
    expect(res.items[0]).toMatchObject({
      family: { id: family.olsen, name: 'Olsen' },
      arrival: { mode: 'train', label: 'Amtrak 517', from: { kind: 'station', code: 'Vancouver Pacific Central', timeZone: 'America/Vancouver' },
        to: { kind: 'station', code: 'Tacoma Dome Station' }, arrivalLocal: '2027-06-01T11:10', arrivalTimeZone: 'America/Los_Angeles' },
      departure: null, pickup: null,
    });
  });

  it('refuses a caller without the host role (403), and shows nothing of a delegation the organisation of the token does not see', async () => {
    expect((await mine(t.coordinator).expect(403)).body.code).toBe('AUTH.ROLE_REQUIRED');
    await mine(tokens.coordinatorHost).expect(403);
    await mine(t.admin).expect(403);
    await mine(t.youth).expect(403);
    await request(baseUrl()).get('/api/logistics/my-placements').expect(401);
    expect((await mine(tokens.ruizElsewhere).expect(200)).body).toEqual({ items: [], total: 0 });
    // the harness's host of orgA hosts nobody
    expect((await mine(t.host).expect(200)).body).toEqual({ items: [], total: 0 });
  });

  it('drops a placement once host matching releases it', async () => {
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [placement('placement.released', 'jun', 'olsen')]);
    await eventually(async () => expect((await mine(tokens.olsen).expect(200)).body).toEqual({ items: [], total: 0 }), { timeoutMs: 30000, intervalMs: 200 });
    expect((await mine(tokens.ruiz).expect(200)).body.total).toBe(1);
  });
});
