import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { eventually, kafkaBrokers, ServiceProcess, TestDatabase, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';

interface Entry {
  userId: string | null; organisationId: string; method: string; path: string; status: number; correlationId: string | null;
  source: string; action: string; subjectKind: string | null; subjectId: string | null; fields: string[] | null;
}

/**
 * The audit trail, with the gateway and the delegations service as real processes on the real broker and databases:
 * a change sent straight to the service's port (bypassing the gateway) is in the admin's trail, recorded by the
 * service through its outbox; a change through the gateway is there once; a read of a participant's medical notes or
 * guardians' contacts is there with who, when and which participant, never the values.
 */
describe('audit trail of services (processes)', () => {
  const prefix = uniqueTopicPrefix();
  let dbs: Record<'gateway' | 'delegations', TestDatabase>;
  let delegations: ServiceProcess;
  let gateway: ServiceProcess;
  const tacoma = randomUUID();
  const ids = { admin: randomUUID(), coordinator: randomUUID(), youth: randomUUID() };
  const t = {} as Record<'admin' | 'coordinator' | 'youth' | 'otherAdmin', string>;

  const trail = async (query = '') => (await request(gateway.url).get(`/api/identity/audit?limit=500${query}`).set('authorization', `Bearer ${t.admin}`).expect(200)).body.items as Entry[];
  const withCorrelation = (entries: Entry[], id: string) => entries.filter((e) => e.correlationId === id);

  beforeAll(async () => {
    const [g, d] = await Promise.all([TestDatabase.create('gateway_audit'), TestDatabase.create('delegations_audit')]);
    dbs = { gateway: g, delegations: d };
    t.admin = await tokenFor({ organisationId: tacoma, roles: ['admin'], userId: ids.admin });
    t.coordinator = await tokenFor({ organisationId: tacoma, roles: ['coordinator'], userId: ids.coordinator });
    t.youth = await tokenFor({ organisationId: tacoma, roles: ['youth-manager'], userId: ids.youth });
    t.otherAdmin = await tokenFor({ organisationId: randomUUID(), roles: ['admin'] });
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, ...testKeys() };
    delegations = await ServiceProcess.start('delegations', { ...common, DATABASE_URL: d.url });
    const unused = 'http://127.0.0.1:9';
    gateway = await ServiceProcess.start('gateway', { ...common, DATABASE_URL: g.url, DELEGATIONS_URL: delegations.url, NOTIFICATIONS_URL: unused, HOST_MATCHING_URL: unused, LOGISTICS_URL: unused });
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), delegations?.stop()]);
    await Promise.all(Object.values(dbs ?? {}).map((db) => db.drop()));
  });

  it('records a change sent straight to the service port, and one through the gateway once (by the service that made it)', async () => {
    const created = await request(gateway.url).post('/api/delegations').set('authorization', `Bearer ${t.coordinator}`).set('x-correlation-id', 'audit-via-gateway')
      .send({ title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' }).expect(201);
    const id = created.body.id as string;
    await request(delegations.url).patch(`/api/delegations/${id}?note=secret-in-query`).set('authorization', `Bearer ${t.coordinator}`).set('x-correlation-id', 'audit-direct-port')
      .send({ purpose: 'changed behind the gateway' }).expect(200);

    const entries = await eventually(async () => {
      const all = await trail();
      expect(withCorrelation(all, 'audit-direct-port')).toHaveLength(1);
      expect(withCorrelation(all, 'audit-via-gateway')).toHaveLength(1);
      return all;
    }, { timeoutMs: 30000, intervalMs: 250 });
    expect(withCorrelation(entries, 'audit-direct-port')[0]).toMatchObject({
      userId: ids.coordinator, organisationId: tacoma, method: 'PATCH', path: `/api/delegations/${id}`, status: 200, source: 'delegations', action: 'write', subjectId: null,
    });
    expect(withCorrelation(entries, 'audit-via-gateway')[0]).toMatchObject({ userId: ids.coordinator, method: 'POST', path: '/api/delegations', status: 201, source: 'delegations' });
    // another organisation's admin does not see Tacoma's trail
    const other = (await request(gateway.url).get('/api/identity/audit?limit=500').set('authorization', `Bearer ${t.otherAdmin}`).expect(200)).body.items as Entry[];
    expect(other.filter((e) => e.organisationId === tacoma)).toEqual([]);
    expect(JSON.stringify(await dbs.gateway.query('SELECT * FROM audit_entry'))).not.toMatch(/secret-in-query|changed behind the gateway|Bearer/);
  });

  it('records who read a participant\'s medical notes and guardians\' contacts (fields named, values never), and not a read that could not see them', async () => {
    const participant = {
      givenName: 'Mei', familyName: 'Lin', dateOfBirth: '2011-03-04', gender: 'female', nationality: 'US',
      medicalNotes: 'asthma: inhaler in the left pocket', guardians: [{ name: 'Hua Lin', relation: 'mother', phone: '+1 253 555 0101' }],
      emergencyContacts: [{ name: 'Hua Lin', relation: 'mother', phone: '+1 253 555 0101' }],
    };
    const created = await request(gateway.url).post('/api/delegations/participants').set('authorization', `Bearer ${t.youth}`).set('x-correlation-id', 'audit-participant-created').send(participant).expect(201);
    const pid = created.body.id as string;
    expect(created.body.medicalNotes).toBe(participant.medicalNotes);
    const coordinatorView = await request(delegations.url).get(`/api/delegations/participants/${pid}`).set('authorization', `Bearer ${t.coordinator}`).set('x-correlation-id', 'audit-read-coordinator').expect(200);
    expect(coordinatorView.body.medicalNotes).toBeUndefined();
    await request(delegations.url).get(`/api/delegations/participants/${pid}`).set('authorization', `Bearer ${t.youth}`).set('x-correlation-id', 'audit-read-direct').expect(200);
    await request(gateway.url).get(`/api/delegations/participants?limit=10`).set('authorization', `Bearer ${t.youth}`).set('x-correlation-id', 'audit-read-list').expect(200);

    const reads = await eventually(async () => {
      const r = await trail(`&action=sensitive-read&subjectId=${pid}`);
      expect(r.map((e) => e.correlationId).sort()).toEqual(['audit-participant-created', 'audit-read-direct', 'audit-read-list']);
      return r;
    }, { timeoutMs: 30000, intervalMs: 250 });
    for (const e of reads) {
      expect(e).toMatchObject({ userId: ids.youth, organisationId: tacoma, source: 'delegations', action: 'sensitive-read', subjectKind: 'participant', subjectId: pid });
      expect([...(e.fields ?? [])].sort()).toEqual(['guardianContacts', 'medicalNotes']);
    }
    expect(reads.find((e) => e.correlationId === 'audit-read-direct')).toMatchObject({ method: 'GET', path: `/api/delegations/participants/${pid}`, status: 200 });
    // the coordinator could not see them: no read of theirs is recorded
    expect(withCorrelation(await trail(), 'audit-read-coordinator')).toEqual([]);
    expect(JSON.stringify(await dbs.gateway.query('SELECT * FROM audit_entry'))).not.toMatch(/asthma|inhaler|555 0101|Hua Lin/);
  });
});
