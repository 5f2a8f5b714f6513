import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventEnvelope, parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { hostMatchingApp } from '../src/app.module';
import { HostMatchingEnv } from '../src/config/host-matching-env';

/**
 * Allergies against pets compare codes (real Postgres, real Kafka). A profile written before the codes (v1, the
 * words "dog hair") is coded on arrival and keeps the guest away from the family with a dog; an allergy nobody has
 * coded (v2, `allergiesNeedCoding`) keeps the guest from every family with pets, and says so to whom may see
 * allergies; `guest.unplaced` on the general placement topic names no allergy.
 */
describe('coded allergies and pets in matching (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const coordinatorId = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const t = {} as Record<'coordinator' | 'partnerAdmin', string>;
  const fam = {} as Record<'dog' | 'fish', string>;
  const TACOMA = { latitude: 47.2529, longitude: -122.4443 };
  const ana = { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Ana' };
  const ben = { memberId: randomUUID(), participantId: randomUUID(), givenName: 'Ben' };
  let d: string;

  const as = (token: string) => ({
    get: (p: string) => request(url).get(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => request(url).post(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
    put: (p: string, body?: object) => request(url).put(`/api/host-matching${p}`).set('authorization', `Bearer ${token}`).send(body),
  });
  const envelope = (type: string, aggregateId: string, payload: object, version = 1) => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version, occurredAt: new Date().toISOString(), organisationId: orgA, aggregateId, correlationId: randomUUID(), causationId: null, producer: 'delegations', payload }),
  });
  const person = (g: { participantId: string; givenName: string }) => ({
    participantId: g.participantId, givenName: g.givenName, familyName: 'Reyes', dateOfBirth: '1990-04-04', gender: 'female', languages: ['es'], nationality: 'MX', guardianConsentOnFile: false,
  });

  async function unplacedEvents(): Promise<EventEnvelope[]> {
    return eventually(async () => {
      const msgs = (await kafka.readAll(withPrefix(prefix, Topics.placementEvents))).filter((m) => m.key === d).map((m) => parseEnvelope(m.value));
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND topic = $2`, [d, withPrefix(prefix, Topics.placementEvents)]);
      expect(msgs.length).toBe(Number(n));
      return msgs.filter((e) => e.type === 'guest.unplaced');
    }, { timeoutMs: 30000, intervalMs: 250 });
  }

  beforeAll(async () => {
    db = await TestDatabase.create('host_matching_coded_allergies');
    for (const topic of [Topics.delegationEvents, Topics.participantMatchingEvents]) await kafka.createTopic(withPrefix(prefix, topic), 1);
    const env = loadEnv(HostMatchingEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn',
      VETTING_JOB_INTERVAL_MS: '0', OFFER_EXPIRY_JOB_INTERVAL_MS: '0' });
    app = await createServiceApp(hostMatchingApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    t.coordinator = await tokenFor({ organisationId: orgA, roles: ['coordinator'], userId: coordinatorId });
    t.partnerAdmin = await tokenFor({ organisationId: orgB, roles: ['admin'] });
    // The family with a dog speaks the guests' language: the better score, so only the allergy rule keeps Ana away.
    const family = async (name: string, extra: object) => (await as(t.coordinator).post('/families', {
      name, address: `${name} house, Tacoma, WA`, ...TACOMA, bedrooms: 2, beds: 2, smoking: false, languages: ['en'], diets: [], interests: [], guestGender: 'any',
      availability: [{ from: '2027-06-01', to: '2027-09-01' }], timesHosted: 0, hostUserIds: [randomUUID()],
      members: [{ name: `${name} mother`, dateOfBirth: '1978-05-01', relation: 'parent', gender: 'female' }], ...extra,
    }).expect(201)).body.id as string;
    fam.dog = await family('Dog', { pets: ['dog'], languages: ['en', 'es'] });
    fam.fish = await family('Fish', { pets: ['fish'] });
    d = randomUUID();
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, title: 'Guadalajara delegation', hostCity: 'Tacoma', startDate: '2027-07-01', endDate: '2027-07-10', status: 'planning', createdByUserId: coordinatorId }),
      envelope('delegation.shared', d, { delegationId: d, partnerOrganisationId: orgB, sharedByUserId: coordinatorId }),
      ...[ana, ben].map((g) => envelope('member.added', d, { delegationId: d, memberId: g.memberId, participantId: g.participantId, role: 'delegate', lodgingNeed: 'homestay', isLeader: false, addedByUserId: coordinatorId })),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantMatchingEvents), [
      // written before the codes: the words as the delegations service split them
      envelope('participant.matching-profile-changed', ana.participantId, { ...person(ana), diet: [], allergies: ['dog hair'], nonSmokingRequired: false }, 1),
      // an allergy in the note that nobody has coded yet
      envelope('participant.matching-profile-changed', ben.participantId, {
        ...person(ben), diet: ['vegetarian'], dietNote: '', allergies: [], allergyNote: 'the fluffy ones', allergiesNeedCoding: true, nonSmokingRequired: false,
      }, 2),
    ]);
    await eventually(async () => {
      const res = await as(t.coordinator).get(`/delegations/${d}/guests`).expect(200);
      expect(res.body.items.filter((x: { hasMatchingProfile: boolean }) => x.hasMatchingProfile)).toHaveLength(2);
    }, { timeoutMs: 30000, intervalMs: 200 });
    await as(t.coordinator).put(`/delegations/${d}/matching-settings`, { venue: TACOMA }).expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('"dog hair" is the dog allergen: never the family with a dog, and why-not says so', async () => {
    const run = (await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
    const anaProposal = run.proposals.find((p: { memberId: string }) => p.memberId === ana.memberId);
    expect(anaProposal.familyId).toBe(fam.fish);
    expect(anaProposal.excludedByRule).toMatchObject({ PETS_VS_ALLERGY: 1 });
    const why = (await as(t.coordinator).get(`/delegations/${d}/why-not?memberId=${ana.memberId}&familyId=${fam.dog}`).expect(200)).body;
    expect(why).toMatchObject({ feasible: false, rule: 'PETS_VS_ALLERGY', message: `family ${fam.dog} has a pet (dog) the guest is allergic to (dog)` });
  });

  it('an allergy not coded yet: no family with pets, the unplaced reason says so to whom may see allergies, and not on the topic', async () => {
    const runs = (await as(t.coordinator).get(`/delegations/${d}/matching-runs`).expect(200)).body.items;
    const run = (await as(t.coordinator).get(`/delegations/${d}/matching-runs/${runs[0].id}`).expect(200)).body;
    const [b] = run.unplacedGuests;
    expect(b.memberId).toBe(ben.memberId);
    expect(b.excludedByRule).toMatchObject({ ALLERGY_NOT_CODED: 2 });
    expect(b.explanation).toMatchObject({ decidingRule: 'ALLERGY_NOT_CODED' });
    expect(b.explanation.message).toContain("the guest's allergies are not coded yet");

    // the partner organisation's admin may not see allergies: the same run, the public reason
    const partner = (await as(t.partnerAdmin).get(`/delegations/${d}/matching-runs/${runs[0].id}`).expect(200)).body.unplacedGuests[0];
    expect(partner.explanation).toMatchObject({ decidingRule: 'HEALTH_NEEDS', message: "no family meeting the guest's health needs (2 families: 2 not meeting the guest's health needs)" });
    expect(partner.excludedByRule).toEqual({ ...Object.fromEntries(Object.keys(b.excludedByRule).filter((k) => !['SMOKING', 'ALLERGY_NOT_CODED', 'PETS_VS_ALLERGY'].includes(k)).map((k) => [k, 0])), HEALTH_NEEDS: 2 });

    const [event] = await unplacedEvents();
    expect(event.payload).toMatchObject({ memberId: ben.memberId, rule: 'HEALTH_NEEDS' });
    expect(JSON.stringify(event.payload)).not.toMatch(/allerg|pet|dog|fluffy|ALLERGY_NOT_CODED|PETS_VS_ALLERGY/i);
  });

  it('once coded, the guest is matched by the codes', async () => {
    await kafka.produce(withPrefix(prefix, Topics.participantMatchingEvents), [envelope('participant.matching-profile-changed', ben.participantId, {
      ...person(ben), diet: ['vegetarian'], dietNote: '', allergies: ['cat'], allergyNote: 'the fluffy ones', allergiesNeedCoding: false, nonSmokingRequired: false,
    }, 2)]);
    await eventually(async () => {
      const why = (await as(t.coordinator).get(`/delegations/${d}/why-not?memberId=${ben.memberId}&familyId=${fam.dog}`).expect(200)).body;
      expect(why.feasible).toBe(true);
    }, { timeoutMs: 30000, intervalMs: 200 });
    const run = (await as(t.coordinator).post(`/delegations/${d}/matching-runs`).expect(201)).body;
    expect(run).toMatchObject({ placed: 2, unplaced: 0 });
  });
});
