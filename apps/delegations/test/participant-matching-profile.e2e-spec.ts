import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventEnvelope, parseEnvelope, ParticipantMatchingProfileChangedV2, Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { delegationsApp } from '../src/app.module';
import { DelegationsEnv } from '../src/config/delegations-env';

/** `participant.matching-profile-changed` on the restricted topic (in process, real Postgres and Kafka). */
describe('participant matching profile events (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const matchingTopic = withPrefix(prefix, Topics.participantMatchingEvents);
  const kafka = new TestKafka();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let token: string;
  const org = randomUUID();

  const guardian = (over: Record<string, unknown> = {}) => ({
    name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101', consentGivenAt: '2026-01-10T18:00:00Z', consentScope: 'travel, homestay', consentExpiresOn: '2099-12-31', ...over,
  });
  const student = (over: Record<string, unknown> = {}) => ({
    givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'], nationality: 'us',
    dietaryNeeds: { codes: ['vegetarian', 'no-pork'] }, allergies: { codes: ['cat', 'peanut', 'smoke'], note: 'peanuts: anaphylaxis', needsCoding: false }, medicalNotes: 'carries an EpiPen',
    emergencyContacts: [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101' }],
    guardians: [guardian()],
    passportNumber: 'X1234567', passportExpiry: '2030-01-01', visaStatus: 'granted',
    ...over,
  });
  const post = (body: object) => request(url).post('/api/delegations/participants').set('authorization', `Bearer ${token}`).send(body);
  const patch = (id: string, body: object) => request(url).patch(`/api/delegations/participants/${id}`).set('authorization', `Bearer ${token}`).send(body).expect(200);

  /** Waits until exactly `expected` profile events of participant `id` are on the topic; returns them in order. */
  async function profiles(id: string, expected: number): Promise<{ key: string | null; event: EventEnvelope<ParticipantMatchingProfileChangedV2> }[]> {
    return eventually(async () => {
      const found = (await kafka.readAll(matchingTopic))
        .map((m) => ({ key: m.key, event: parseEnvelope(m.value) as EventEnvelope<ParticipantMatchingProfileChangedV2> }))
        .filter((m) => m.event.aggregateId === id);
      expect(found).toHaveLength(expected);
      return found;
    }, { timeoutMs: 20000, intervalMs: 250 });
  }

  beforeAll(async () => {
    db = await TestDatabase.create('delegations_matching_profile');
    const env = loadEnv(DelegationsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix });
    app = await createServiceApp(delegationsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    token = await tokenFor({ organisationId: org, roles: ['youth-manager'] });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('creates the restricted topic at boot', async () => {
    // fetching the offsets of a topic that does not exist fails; an existing empty one reads as []
    expect(await kafka.readAll(matchingTopic)).toEqual([]);
  });

  it('publishes the profile (v2: codes) on registration and on changes only, with the guardian consent', async () => {
    const created = await post(student()).expect(201);
    const id = created.body.id as string;

    const [first] = await profiles(id, 1);
    expect(first.key).toBe(id);
    expect(first.event).toMatchObject({ type: 'participant.matching-profile-changed', version: 2, organisationId: org, producer: 'delegations' });
    expect(first.event.payload).toEqual({
      participantId: id, givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'], nationality: 'US',
      diet: ['vegetarian', 'no-pork'], dietNote: '', allergies: ['cat', 'peanut', 'smoke'], allergyNote: 'peanuts: anaphylaxis', allergiesNeedCoding: false, nonSmokingRequired: true,
      guardianConsentOnFile: true, guardianConsentExpiresOn: '2099-12-31',
    });
    const raw = JSON.stringify(first.event);
    for (const secret of ['EpiPen', 'X1234567', 'Wei Chen', '253 555', 'travel, homestay']) expect(raw).not.toContain(secret);

    // an allergy changes → a second event
    await patch(id, { allergies: { codes: ['cat', 'peanut'], note: 'peanuts: anaphylaxis' } });
    const second = (await profiles(id, 2))[1];
    expect(second.event.payload).toMatchObject({ allergies: ['cat', 'peanut'], nonSmokingRequired: false, allergiesNeedCoding: false, guardianConsentOnFile: true });

    // nothing the profile carries changes: medical notes, passport, visa, contacts, the same allergies written
    // differently, a guardian's phone and scope (consent unchanged) → no event
    await patch(id, {
      medicalNotes: 'inhaler too', passportNumber: 'Y7654321', visaStatus: 'applied', allergies: { codes: ['peanut', 'cat', 'cat'], note: ' peanuts: anaphylaxis ' },
      emergencyContacts: [{ name: 'Mei Chen', relation: 'mother', phone: '+1 253 555 0102' }],
      guardians: [guardian({ phone: '+1 253 555 0199', consentScope: 'travel' })],
    });
    // the consent expires → an event (after the no-op update on the same key and partition: had the
    // no-op published, it would be before this one and the count would be 4)
    await patch(id, { guardians: [guardian({ consentExpiresOn: '2020-06-30' })] });
    const third = (await profiles(id, 3))[2];
    expect(third.event.payload).toMatchObject({ allergies: ['cat', 'peanut'], guardianConsentOnFile: false });
    expect(third.event.payload).not.toHaveProperty('guardianConsentExpiresOn');

    // consent given again without an expiry, then the guardian removed
    await patch(id, { guardians: [guardian({ consentExpiresOn: undefined }), guardian({ name: 'Mei Chen', consentGivenAt: undefined, consentExpiresOn: undefined })] });
    const fourth = (await profiles(id, 4))[3];
    expect(fourth.event.payload).toMatchObject({ guardianConsentOnFile: true });
    expect(fourth.event.payload).not.toHaveProperty('guardianConsentExpiresOn');
    await patch(id, { guardians: [] });
    const fifth = (await profiles(id, 5))[4];
    expect(fifth.event.payload).toMatchObject({ guardianConsentOnFile: false });

    // a participant field it carries (the name) → an event with the new value
    await patch(id, { givenName: 'Lina' });
    expect((await profiles(id, 6))[5].event.payload).toMatchObject({ givenName: 'Lina', guardianConsentOnFile: false });
  });

  it('publishes consent false and empty lists for a participant registered without guardians, diet or allergies', async () => {
    const created = await post(student({ givenName: 'Ana', guardians: undefined, dietaryNeeds: undefined, allergies: { codes: [], note: ' ' } })).expect(201);
    const [only] = await profiles(created.body.id, 1);
    expect(only.event.payload).toMatchObject({ givenName: 'Ana', diet: [], allergies: [], allergiesNeedCoding: false, nonSmokingRequired: false, guardianConsentOnFile: false });
    expect(only.event.payload).not.toHaveProperty('guardianConsentExpiresOn');
  });

  it('an allergy note nobody has coded is flagged, listed for the youth manager, and off once coded', async () => {
    const created = await post(student({ givenName: 'Noa', allergies: { codes: ['peanut'], note: 'dog hair' } })).expect(201);
    const id = created.body.id as string;
    expect(created.body.allergies).toEqual({ codes: ['peanut'], note: 'dog hair', needsCoding: true });
    expect((await profiles(id, 1))[0].event.payload).toMatchObject({ allergies: ['peanut'], allergyNote: 'dog hair', allergiesNeedCoding: true });
    const flagged = await request(url).get('/api/delegations/participants?needsCoding=true').set('authorization', `Bearer ${token}`).expect(200);
    expect(flagged.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    // another write leaving the note as it was keeps the flag; coding it clears it
    expect((await patch(id, { allergies: { codes: ['peanut'], note: 'dog hair' } })).body.allergies.needsCoding).toBe(true);
    expect((await patch(id, { allergies: { codes: ['peanut', 'dog'], note: 'dog hair', needsCoding: false } })).body.allergies).toEqual({ codes: ['dog', 'peanut'], note: 'dog hair', needsCoding: false });
    expect((await profiles(id, 2))[1].event.payload).toMatchObject({ allergies: ['dog', 'peanut'], allergiesNeedCoding: false });
    const after = await request(url).get('/api/delegations/participants?needsCoding=true').set('authorization', `Bearer ${token}`).expect(200);
    expect(after.body.items).toEqual([]);
  });

  it('refuses free text and unknown codes, naming the field', async () => {
    const text = await post(student({ givenName: 'Tom', allergies: 'dog hair' })).expect(400);
    expect(JSON.stringify(text.body)).toContain('allergies');
    const unknown = await post(student({ givenName: 'Tom', allergies: { codes: ['dog hair'] } })).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('allergies.codes');
  });
});
