import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Topics, withPrefix } from '@twinning/contracts';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';
import { logisticsApp } from '../src/app.module';
import { LogisticsEnv } from '../src/config/logistics-env';
import { RosterHooks } from '../src/roster/roster-hooks';

/** Logistics' read model of the other services, from their real events on the real broker, and the hooks it fires. */
describe('logistics roster (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const org = randomUUID();
  let db: TestDatabase;
  let app: INestApplication;
  const seen: string[] = [];

  const envelope = (type: string, aggregateId: string, payload: object, producer = 'delegations') => ({
    key: aggregateId,
    value: JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), organisationId: org, aggregateId, correlationId: randomUUID(), causationId: null, producer, payload }),
  });

  beforeAll(async () => {
    db = await TestDatabase.create('logistics_roster');
    for (const t of [Topics.delegationEvents, Topics.participantEvents, Topics.placementEvents]) await kafka.createTopic(withPrefix(prefix, t), 3);
    const env = loadEnv(LogisticsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
    app = await createServiceApp(logisticsApp(env));
    app.get(RosterHooks).register('test', async (_tx, change) => {
      seen.push(`${change.cause}:${change.delegationId}`);
    });
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('builds delegations, members, participants, activities and placements from the events, and tells the features', async () => {
    const d = randomUUID();
    const member = randomUUID();
    const participant = randomUUID();
    const offer = randomUUID();
    const activity = randomUUID();
    await kafka.produce(withPrefix(prefix, Topics.delegationEvents), [
      envelope('delegation.created', d, { delegationId: d, title: 'Fuzhou engineers', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-07', status: 'draft' }),
      envelope('member.added', d, { delegationId: d, memberId: member, participantId: participant, role: 'delegate', lodgingNeed: 'homestay', isLeader: false, addedByUserId: randomUUID() }),
      envelope('itinerary.changed', d, { delegationId: d, activityId: activity, change: 'added', title: 'Plant tour', startsAt: '2027-06-03T16:00:00.000Z', endsAt: '2027-06-03T18:00:00.000Z',
        startsLocal: '2027-06-03T09:00:00', endsLocal: '2027-06-03T11:00:00', timeZone: 'America/Los_Angeles' }),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.participantEvents), [
      envelope('participant.registered', participant, { participantId: participant, givenName: 'Chen', familyName: 'Jie', birthYear: 1980, gender: 'male', languages: ['zh'], nationality: 'CN',
        visaStatus: 'granted', createdByUserId: randomUUID() }),
      envelope('participant.travel-document-changed', participant, { participantId: participant, passportExpiry: '2027-09-01' }),
    ]);
    await kafka.produce(withPrefix(prefix, Topics.placementEvents), [
      envelope('placement.confirmed', d, { offerId: offer, delegationId: d, memberId: member, participantId: participant, familyId: randomUUID(), hostUserIds: [], familyName: 'Ruiz',
        address: '1 Main St, Tacoma', latitude: 47.2, longitude: -122.4, stayFrom: '2027-06-02', stayTo: '2027-06-07' }, 'host-matching'),
    ]);
    await eventually(async () => {
      expect(await db.query(`SELECT title, start_date::text AS start FROM lg_delegation WHERE id = $1`, [d])).toEqual([{ title: 'Fuzhou engineers', start: '2027-06-02' }]);
      expect(await db.query(`SELECT lodging_need FROM lg_member WHERE id = $1`, [member])).toEqual([{ lodging_need: 'homestay' }]);
      expect(await db.query(`SELECT given_name, passport_expiry::text AS passport FROM lg_participant WHERE id = $1`, [participant])).toEqual([{ given_name: 'Chen', passport: '2027-09-01' }]);
      expect(await db.query(`SELECT time_zone FROM lg_activity WHERE id = $1`, [activity])).toEqual([{ time_zone: 'America/Los_Angeles' }]);
      expect(await db.query(`SELECT family_name, status FROM lg_placement WHERE offer_id = $1`, [offer])).toEqual([{ family_name: 'Ruiz', status: 'confirmed' }]);
      expect(seen).toEqual(expect.arrayContaining([`delegation.created:${d}`, `member.added:${d}`, `itinerary.changed:${d}`, `placement.confirmed:${d}`, `participant.travel-document-changed:${d}`]));
    }, { timeoutMs: 30000, intervalMs: 250 });
  });
});
