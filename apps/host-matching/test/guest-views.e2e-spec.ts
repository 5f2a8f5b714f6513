import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { Role } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { hostMatchingApp } from '../src/app.module';
import { HostMatchingEnv } from '../src/config/host-matching-env';

/**
 * A guest's allergies and diet in every host-matching view (offers, runs, why-not, guests) go through the one
 * sensitive-fields rule, also when the delegation is shared: organisation A owns the guests, its partner B places them
 * with B's families. B's coordinators ("partner") and the guest's own hosts see allergies and diet; B's admins and
 * youth managers do not, exactly as the participants API answers them. Real Postgres, real Kafka.
 */
describe('guest views per the sensitive-fields rule, on a shared delegation (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const ownerCoordinator = randomUUID();
  const hostB = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'coordinator' | 'admin' | 'youth' | 'host', string>;
  const venue = { latitude: 47.2529, longitude: -122.4443 };
  const delegationId = randomUUID();
  const omar = { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Omar', allergies: ['peanuts'], diet: ['halal'] };
  const zara = { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Zara', allergies: ['cats', 'dogs'], diet: [] as string[] };
  const families = {} as Record<'alder' | 'birch', string>;

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
    put: (p: string, body?: object) => request(url).put(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
  });
  const envelope = (type: string, aggregateId: string, payload: object) => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: orgA, aggregateId, correlationId: randomUUID(), causationId: null, producer: 'delegations', payload }),
  });
  const family = (name: string, pets: string[]) => ({
    name, address: `${name} house, Tacoma, WA`, ...venue, bedrooms: 2, beds: 2, pets, smoking: false, languages: ['en'], diets: [], interests: [], guestGender: 'any',
    availability: [{ from: '2027-06-01', to: '2027-09-01' }], timesHosted: 0, hostUserIds: [hostB],
    members: [{ name: `${name} parent`, dateOfBirth: '1975-01-01', relation: 'parent', gender: 'female' }],
  });

  beforeAll(async () => {
    db = await TestDatabase.create('host_matching_guest_views');
    for (const topic of [Topics.delegationEvents, Topics.participantMatchingEvents]) await kafka.createTopic(withPrefix(prefix, topic), 1);
    const env = loadEnv(HostMatchingEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn',
      VETTING_JOB_INTERVAL_MS: '0', OFFER_EXPIRY_JOB_INTERVAL_MS: '0' });
    app = await createServiceApp(hostMatchingApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const b = (roles: Role[], userId = randomUUID()) => tokenFor({ organisationId: orgB, roles, userId });
    Object.assign(t, { coordinator: await b(['coordinator']), admin: await b(['admin']), youth: await b(['youth-manager']), host: await b(['host'], hostB) });

    // A's delegation with two adult guests, shared with B (as the delegations service publishes them)
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', delegationId, { delegationId, title: 'Fuzhou engineers', hostCity: 'Tacoma', startDate: '2027-07-01', endDate: '2027-07-10', status: 'planning', createdByUserId: ownerCoordinator }),
      ...[omar, zara].map((g) => envelope('member.added', delegationId, { delegationId, memberId: g.memberId, participantId: g.participantId, role: 'delegate', lodgingNeed: 'homestay', isLeader: false, addedByUserId: ownerCoordinator })),
      envelope('delegation.shared', delegationId, { delegationId, partnerOrganisationId: orgB, sharedByUserId: ownerCoordinator }),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantMatchingEvents), [omar, zara].map((g) => envelope('participant.matching-profile-changed', g.participantId, {
      participantId: g.participantId, givenName: g.givenName, familyName: 'Lin', dateOfBirth: '1985-03-03', gender: 'female', languages: ['en'], nationality: 'CN',
      diet: g.diet, allergies: g.allergies, nonSmokingRequired: false, guardianConsentOnFile: false,
    })));
    await eventually(async () => {
      const res = await as(t.coordinator).get(`/delegations/${delegationId}/guests`).expect(200);
      expect(res.body.items.filter((x: { hasMatchingProfile: boolean }) => x.hasMatchingProfile)).toHaveLength(2);
    }, { timeoutMs: 30000, intervalMs: 200 });

    // B's families: one with a cat, one with a dog; Omar fits either, Zara (allergic to both) neither
    families.alder = (await as(t.coordinator).post('/families', family('Alder', ['cat'])).expect(201)).body.id;
    families.birch = (await as(t.coordinator).post('/families', family('Birch', ['dog'])).expect(201)).body.id;
    await as(t.coordinator).put(`/delegations/${delegationId}/matching-settings`, { venue }).expect(200);
    const run = (await as(t.coordinator).post(`/delegations/${delegationId}/matching-runs`).expect(201)).body;
    expect(run).toMatchObject({ placed: 1, unplaced: 1 });
    await as(t.coordinator).post(`/delegations/${delegationId}/offers`, {}).expect(201);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  const ALLERGY_WORDS = /peanut|cats|dogs|allergic to/i;

  it("shows the guest's allergies and diet on an offer to B's coordinator and the guest's host only, not to B's admin or youth manager", async () => {
    const { items } = (await as(t.coordinator).get(`/offers?delegationId=${delegationId}`).expect(200)).body;
    expect(items).toHaveLength(1);
    const offerId = items[0].id as string;
    for (const who of ['coordinator', 'host'] as const) {
      const one = (await as(t[who]).get(`/offers/${offerId}`).expect(200)).body;
      expect({ who, guest: one.guest }).toEqual({ who, guest: expect.objectContaining({ givenName: 'Omar', allergies: ['peanut'], diet: ['halal'] }) });
    }
    for (const who of ['admin', 'youth'] as const) {
      const one = (await as(t[who]).get(`/offers/${offerId}`).expect(200)).body;
      const listed = (await as(t[who]).get(`/offers?delegationId=${delegationId}`).expect(200)).body.items[0];
      for (const view of [one, listed]) {
        expect({ who, guest: view.guest }).toEqual({ who, guest: expect.objectContaining({ givenName: 'Omar' }) });
        expect(view.guest).not.toHaveProperty('allergies');
        expect(view.guest).not.toHaveProperty('diet');
        expect(JSON.stringify(view)).not.toMatch(ALLERGY_WORDS);
      }
    }
  });

  it('names the allergy in run explanations, why-not and the guests list only to whom may see allergies; the others get the public rule, HEALTH_NEEDS, with its count', async () => {
    const runs = (await as(t.coordinator).get(`/delegations/${delegationId}/matching-runs`).expect(200)).body.items;
    const runPath = `/delegations/${delegationId}/matching-runs/${runs[0].id}`;
    const whyNot = `/delegations/${delegationId}/why-not?memberId=${zara.memberId}&familyId=${families.alder}`;
    const guests = `/delegations/${delegationId}/guests`;

    const seen = (await as(t.coordinator).get(runPath).expect(200)).body;
    expect(seen.unplacedGuests[0].explanation.message).toMatch(/cats/);
    expect((await as(t.coordinator).get(whyNot).expect(200)).body.message).toMatch(/allergic to/);

    for (const who of ['admin', 'youth'] as const) {
      const run = (await as(t[who]).get(runPath).expect(200)).body;
      expect(run.unplacedGuests[0]).toMatchObject({ memberId: zara.memberId, explanation: { decidingRule: 'HEALTH_NEEDS' }, excludedByRule: { HEALTH_NEEDS: 2 } });
      expect(run.unplacedGuests[0].excludedByRule).not.toHaveProperty('PETS_VS_ALLERGY');
      const why = (await as(t[who]).get(whyNot).expect(200)).body;
      expect(why).toMatchObject({ feasible: false, rule: 'HEALTH_NEEDS' });
      const list = (await as(t[who]).get(guests).expect(200)).body;
      // the rooming list carries none of the guest's sensitive fields, in any format
      const rooming = await Promise.all(['json', 'csv', 'html'].map(async (format) => (await as(t[who]).get(`/delegations/${delegationId}/rooming-list?format=${format}`).expect(200)).text));
      expect(rooming[0]).toContain('Omar');
      for (const [what, body] of [['run', run], ['why-not', why], ['guests', list], ['rooming list', rooming]] as const) expect({ who, what, leaks: ALLERGY_WORDS.test(JSON.stringify(body)) }).toEqual({ who, what, leaks: false });
    }
  });
});
