import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { eventually, kafkaBrokers, ServiceProcess, TestDatabase, testKeys, tokenFor, uniqueTopicPrefix } from '@twinning/testing';

/**
 * The first vertical slice, each service a real process built from this tree, on the real broker and
 * real databases: gateway → delegations (row + outbox event in one transaction) → relay → Kafka →
 * notifications (inbox + read model).
 */
describe('POST /api/delegations through the gateway', () => {
  const prefix = uniqueTopicPrefix();
  let dbs: Record<'gateway' | 'delegations' | 'notifications', TestDatabase>;
  let delegations: ServiceProcess;
  let notifications: ServiceProcess;
  let gateway: ServiceProcess;
  const tacoma = randomUUID();
  const fuzhou = randomUUID();
  const elsewhere = randomUUID();
  let coordinator: string;
  const api = () => request(gateway.url);
  const post = (path: string, token = coordinator) => api().post(path).set('authorization', `Bearer ${token}`);
  const get = (path: string, token = coordinator) => api().get(path).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    const [g, d, n] = await Promise.all([TestDatabase.create('gateway'), TestDatabase.create('delegations'), TestDatabase.create('notifications')]);
    dbs = { gateway: g, delegations: d, notifications: n };
    coordinator = await tokenFor({ organisationId: tacoma, roles: ['coordinator'], name: 'Mei Lin' });
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'info', ...testKeys() };
    [delegations, notifications] = await Promise.all([
      ServiceProcess.start('delegations', { ...common, DATABASE_URL: d.url }),
      ServiceProcess.start('notifications', { ...common, DATABASE_URL: n.url }),
    ]);
    const unused = 'http://127.0.0.1:9';
    gateway = await ServiceProcess.start('gateway', {
      ...common, DATABASE_URL: g.url,
      DELEGATIONS_URL: delegations.url, NOTIFICATIONS_URL: notifications.url,
      HOST_MATCHING_URL: unused, LOGISTICS_URL: unused,
    });
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), notifications?.stop(), delegations?.stop()]);
    await Promise.all(Object.values(dbs ?? {}).map((db) => db.drop()));
  });

  it('creates the delegation and its event in one transaction, and notifications records it', async () => {
    const res = await post('/api/delegations')
      .set('x-correlation-id', 'slice-test-1')
      .send({ title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' })
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('slice-test-1');
    const id = res.body.id as string;
    expect(res.body).toMatchObject({ title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', status: 'draft' });

    const [row] = await dbs.delegations.query<{ status: string }>('SELECT status FROM delegation WHERE id = $1', [id]);
    expect(row.status).toBe('draft');
    // the delegation's event (the request's audit fact goes to its own topic, after the answer)
    const outbox = await dbs.delegations.query<{ topic: string; message_key: string; value: Buffer }>('SELECT topic, message_key, value FROM outbox WHERE topic <> $1', [`${prefix}services.audit.events`]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ topic: `${prefix}delegations.delegation.events`, message_key: id });
    expect(JSON.parse(outbox[0].value.toString())).toMatchObject({ type: 'delegation.created', version: 1, aggregateId: id, organisationId: tacoma, correlationId: 'slice-test-1', producer: 'delegations' });

    const known = await eventually(async () => {
      const rows = await dbs.notifications.query<{ title: string; correlation_id: string; start_date: string }>(
        `SELECT title, correlation_id, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM known_delegation WHERE delegation_id = $1`, [id]);
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(known).toEqual({ title: 'Tacoma youth orchestra to Fuzhou', correlation_id: 'slice-test-1', start_date: '2027-04-10' });
    const inbox = await dbs.notifications.query('SELECT * FROM inbox WHERE consumer_group = $1', [`${prefix}notifications.delegation-directory`]);
    expect(inbox).toHaveLength(1);
    await eventually(async () => {
      const [o] = await dbs.delegations.query<{ published_at: Date | null }>('SELECT published_at FROM outbox WHERE message_key = $1', [id]);
      expect(o.published_at).not.toBeNull();
    });

    // and the read model answers through the gateway too
    const seen = await get(`/api/notifications/delegations/${id}`).expect(200);
    expect(seen.body.title).toBe('Tacoma youth orchestra to Fuzhou');
    const back = await get(`/api/delegations/${id}`).expect(200);
    expect(back.body.id).toBe(id);
  });

  it('answers 400 naming the field when the end date is before the start, and writes nothing', async () => {
    const res = await post('/api/delegations')
      .send({ title: 'San Diego civic delegation to Jalalabad', hostCity: 'Jalalabad', startDate: '2027-05-10', endDate: '2027-05-01' })
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'endDate', messages: ['endDate must not be before startDate'] }]);
    const rows = await dbs.delegations.query('SELECT 1 FROM delegation WHERE title = $1', ['San Diego civic delegation to Jalalabad']);
    expect(rows).toHaveLength(0);
  });

  it('answers 400 naming each missing, malformed or unknown field', async () => {
    const res = await post('/api/delegations')
      .send({ hostCity: 'Fuzhou', startDate: '10/04/2027', endDate: '2027-04-18', colour: 'red' })
      .expect(400);
    const fields = (res.body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['colour', 'startDate', 'title']);
    expect(res.body.message).toEqual(expect.arrayContaining(['property colour should not exist', 'startDate must be a date (YYYY-MM-DD)']));
  });

  it('answers 400 for a body that is not JSON', async () => {
    await post('/api/delegations').set('content-type', 'application/json').send('{"title": ').expect(400);
  });

  it('reports health with database and Kafka on every service', async () => {
    for (const svc of [gateway, delegations, notifications]) {
      const res = await request(svc.url).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'up', database: { up: true }, kafka: { up: true } });
    }
  });

  it('logs the correlation id of the request in every service it crossed', async () => {
    await post('/api/delegations').set('x-correlation-id', 'slice-log-check')
      .send({ title: 'Log check', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-11' }).expect(201);
    await eventually(() => {
      for (const svc of [gateway, delegations]) expect(svc.output).toContain('"correlationId":"slice-log-check"');
    });
  });

  it('refuses callers without a valid token, and roles the endpoint does not allow', async () => {
    const body = { title: 'No token', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-11' };
    expect((await api().post('/api/delegations').send(body).expect(401)).body.code).toBe('AUTH.TOKEN_MISSING');
    expect((await api().post('/api/delegations').set('authorization', 'Bearer not.a.token').send(body).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    const expired = await tokenFor({ organisationId: tacoma, roles: ['coordinator'] }, -5);
    expect((await post('/api/delegations', expired).send(body).expect(401)).body.code).toBe('AUTH.TOKEN_EXPIRED');
    const host = await tokenFor({ organisationId: tacoma, roles: ['host'] });
    expect((await post('/api/delegations', host).send(body).expect(403)).body.code).toBe('AUTH.ROLE_REQUIRED');
    await get('/api/delegations', host).expect(403);
    // the service itself checks, not only the gateway
    await request(delegations.url).post('/api/delegations').send(body).expect(401);
    const rows = await dbs.delegations.query('SELECT 1 FROM delegation WHERE title = $1', ['No token']);
    expect(rows).toHaveLength(0);
  });

  it('scopes every read by organisation, and sharing with the partner organisation is explicit and reaches other services', async () => {
    const partnership = await post('/api/delegations/partnerships')
      .send({ partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-01-01', programmeAreas: ['municipal-technical'], partnerOrganisationId: fuzhou })
      .expect(201);
    const created = await post('/api/delegations')
      .send({ title: 'Fuzhou water engineers to Tacoma', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-07', direction: 'inbound', partnershipId: partnership.body.id })
      .expect(201);
    const id = created.body.id as string;
    const partner = await tokenFor({ organisationId: fuzhou, roles: ['coordinator'] });
    const stranger = await tokenFor({ organisationId: elsewhere, roles: ['coordinator', 'admin'] });

    await get(`/api/delegations/${id}`, partner).expect(404);
    expect((await get('/api/delegations', partner).expect(200)).body.items).toEqual([]);
    // only the owner shares, and not with itself
    await post(`/api/delegations/${id}/shares`, partner).send({ organisationId: fuzhou }).expect(404);
    expect((await post(`/api/delegations/${id}/shares`).send({ organisationId: tacoma }).expect(400)).body.code).toBe('DELEGATION.SHARE_WITH_SELF');
    await post(`/api/delegations/${id}/shares`).send({ organisationId: 'fuzhou' }).expect(400);
    // only with the partner organisation of the delegation's partnership
    expect((await post(`/api/delegations/${id}/shares`).send({ organisationId: elsewhere }).expect(409)).body.code).toBe('DELEGATION.SHARE_NOT_PARTNER');

    await post(`/api/delegations/${id}/shares`).send({ organisationId: fuzhou }).expect(201);
    expect((await get(`/api/delegations/${id}`, partner).expect(200)).body.title).toBe('Fuzhou water engineers to Tacoma');
    expect((await get('/api/delegations', partner).expect(200)).body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    await get(`/api/delegations/${id}`, stranger).expect(404);
    const [share] = await dbs.delegations.query<{ shared_by: string }>('SELECT shared_by FROM delegation_share WHERE delegation_id = $1', [id]);
    expect(share.shared_by).toBeTruthy();

    // notifications learnt the share from the event
    await eventually(async () => { await get(`/api/notifications/delegations/${id}`, partner).expect(200); });
    await get(`/api/notifications/delegations/${id}`, stranger).expect(404);

    await api().delete(`/api/delegations/${id}/shares/${fuzhou}`).set('authorization', `Bearer ${coordinator}`).expect(204);
    await get(`/api/delegations/${id}`, partner).expect(404);
    await eventually(async () => { await get(`/api/notifications/delegations/${id}`, partner).expect(404); });
  });

  it('answers 502 when the service behind a path is down', async () => {
    const res = await get('/api/logistics/anything').expect(502);
    expect(res.body.code).toBe('GATEWAY.SERVICE_UNAVAILABLE');
  });
});
