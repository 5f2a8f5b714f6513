import { randomUUID } from 'node:crypto';
import { Topics } from '@twinning/contracts';
import { eventually, TestDatabase } from '@twinning/testing';

export type Message = { key: string; value: string };
export type Send = (topic: string, ...messages: Message[]) => Promise<void>;

/**
 * The world the alert tests share, produced as the other services publish it: two organisations (Tacoma, default
 * language zh; its Fuzhou partner, default fr — not shipped) and their people with roles, a Tacoma delegation shared
 * with Fuzhou with two students, and two host families. `hostEsLanguage` is the Spanish host's own language tag.
 */
export function alertsWorld(hostEsLanguage = 'es') {
  const orgA = randomUUID();
  const orgB = randomUUID();
  const u = {
    coordA: { id: randomUUID(), name: 'Ana Coordinator', email: 'ana@tacoma.example', language: 'en' },
    adminA: { id: randomUUID(), name: 'Dieter Admin', email: 'dieter@tacoma.example', language: 'de' },
    youthA: { id: randomUUID(), name: 'Yolanda Youth', email: 'yolanda@tacoma.example', language: 'es' },
    hostEs: { id: randomUUID(), name: 'Rosa Ruiz', email: 'rosa@ruiz.example', language: hostEsLanguage },
    hostFr: { id: randomUUID(), name: 'Chen Jie', email: 'chen@chen.example', language: 'fr' },
    coordB: { id: randomUUID(), name: 'Paulo Partner', email: 'paulo@fuzhou.example', language: 'pt' },
  };
  const delegationId = randomUUID();
  const mei = { memberId: randomUUID(), participantId: randomUUID() };
  const wei = { memberId: randomUUID(), participantId: randomUUID() };
  const fam = { ruiz: randomUUID(), chen: randomUUID() };
  const ruizParent = randomUUID();

  const envelope = (type: string, aggregateId: string, payload: object, organisationId: string | null = orgA, eventId = randomUUID(), version = 1): Message => ({
    key: aggregateId,
    value: JSON.stringify({ eventId, type, version, occurredAt: new Date().toISOString(), organisationId, aggregateId, correlationId: randomUUID(), causationId: null, producer: 'test', payload }),
  });

  /** Produces the world and waits until the recipients read model holds it. */
  async function seed(send: Send, db: TestDatabase): Promise<void> {
    await send(Topics.organisationEvents,
      envelope('organisation.registered', orgA, { organisationId: orgA, name: 'Tacoma Sister Cities', city: 'Tacoma', country: 'US', timeZone: 'America/Los_Angeles', defaultLanguage: 'zh' }),
      envelope('organisation.registered', orgB, { organisationId: orgB, name: 'Fuzhou Friendship', city: 'Fuzhou', country: 'CN', timeZone: 'Asia/Shanghai', defaultLanguage: 'fr' }, orgB),
      ...([['coordA', orgA, ['coordinator']], ['adminA', orgA, ['admin']], ['youthA', orgA, ['youth-manager']], ['hostEs', orgA, ['host']], ['hostFr', orgA, ['host']],
        ['coordB', orgB, ['coordinator']]] as const).map(([k, org, roles]) => envelope('membership.granted', org, { organisationId: org, userId: u[k].id, roles: [...roles] }, org)));
    await send(Topics.userEvents, ...Object.values(u).map((p) => envelope('user.registered', p.id, { userId: p.id, email: p.email, name: p.name, language: p.language }, null)));
    await send(Topics.delegationEvents,
      envelope('delegation.created', delegationId, { delegationId, title: 'Fuzhou students 2027', hostCity: 'Tacoma', startDate: '2027-07-01', endDate: '2027-07-10', status: 'planning', createdByUserId: u.coordA.id }),
      envelope('delegation.shared', delegationId, { delegationId, partnerOrganisationId: orgB, sharedByUserId: u.coordA.id }),
      ...[mei, wei].map((m) => envelope('member.added', delegationId, { delegationId, ...m, role: 'student', lodgingNeed: 'homestay', isLeader: false, addedByUserId: u.coordA.id })));
    await send(Topics.participantEvents, ...([[mei, 'Mei', 'Lin'], [wei, 'Wei', 'Zhang']] as const).map(([m, given, family]) => envelope('participant.registered', m.participantId, {
      participantId: m.participantId, givenName: given, familyName: family, birthYear: 2011, gender: 'female', languages: ['zh'], nationality: 'CN', visaStatus: 'granted', createdByUserId: u.coordA.id })));
    const family = (familyId: string, name: string, hostId: string, members: object[] = []) => envelope('family.registered', familyId, {
      familyId, name, latitude: 47.25, longitude: -122.44, bedrooms: 2, beds: 2, pets: [], smoking: false, languages: ['en'], diets: [], interests: [], guestAgeMin: null, guestAgeMax: null,
      guestGender: 'any', availability: [], timesHosted: 0, hostUserIds: [hostId], members, registeredByUserId: u.coordA.id });
    await send(Topics.familyEvents, family(fam.ruiz, 'Ruiz', u.hostEs.id, [{ memberId: ruizParent, dateOfBirth: '1978-05-01', relation: 'parent', gender: 'female' }]), family(fam.chen, 'Chen', u.hostFr.id));
    const readModel = (sql: string, params: unknown[], n: number) => eventually(async () => expect((await db.query(sql, params)).length).toBe(n), { timeoutMs: 30000, intervalMs: 200 });
    await readModel(`SELECT 1 FROM rcp_membership m JOIN rcp_user u USING (user_id)`, [], 6);
    await readModel(`SELECT 1 FROM rcp_organisation`, [], 2);
    await readModel(`SELECT 1 FROM rcp_delegation_share WHERE delegation_id = $1`, [delegationId], 1);
    await readModel(`SELECT 1 FROM rcp_participant`, [], 2);
    await readModel(`SELECT 1 FROM rcp_family_member`, [], 1);
    await readModel(`SELECT 1 FROM rcp_family`, [], 2);
  }

  /** A poor check-in's welfare alert on Mei and an unreported abuse allegation past its deadline (both for the youth managers). */
  const safeguardingEvents = () => {
    const welfare = envelope('welfare.alert-raised', mei.participantId, { checkInId: randomUUID(), delegationId, participantId: mei.participantId, welfareRating: 1,
      checkedAt: '2027-07-04T02:00:00Z', recordedByUserId: u.coordA.id });
    const incidentId = randomUUID();
    const overdue = envelope('incident.escalation-overdue', incidentId, { incidentId, delegationId, type: 'abuse-allegation', severity: 'high', openedAt: '2027-07-01T00:00:00Z',
      reportDueAt: '2027-07-04T00:00:00Z', raisedAt: '2027-07-04T00:01:00Z' });
    return { welfare, overdue };
  };

  return { orgA, orgB, u, delegationId, mei, wei, fam, ruizParent, envelope, seed, safeguardingEvents };
}
