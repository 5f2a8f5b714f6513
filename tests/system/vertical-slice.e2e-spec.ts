import request from 'supertest';
import { eventually, kafkaBrokers, ServiceProcess, TestDatabase, uniqueTopicPrefix } from '@twinning/testing';

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
  const api = () => request(gateway.url);

  beforeAll(async () => {
    const [g, d, n] = await Promise.all([TestDatabase.create('gateway'), TestDatabase.create('delegations'), TestDatabase.create('notifications')]);
    dbs = { gateway: g, delegations: d, notifications: n };
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'info' };
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
    const res = await api()
      .post('/api/delegations')
      .set('x-correlation-id', 'slice-test-1')
      .send({ title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' })
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('slice-test-1');
    const id = res.body.id as string;
    expect(res.body).toMatchObject({ title: 'Tacoma youth orchestra to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', status: 'draft' });

    const [row] = await dbs.delegations.query<{ status: string }>('SELECT status FROM delegation WHERE id = $1', [id]);
    expect(row.status).toBe('draft');
    const outbox = await dbs.delegations.query<{ topic: string; message_key: string; value: Buffer }>('SELECT topic, message_key, value FROM outbox');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ topic: `${prefix}delegations.delegation.events`, message_key: id });
    expect(JSON.parse(outbox[0].value.toString())).toMatchObject({ type: 'delegation.created', version: 1, aggregateId: id, correlationId: 'slice-test-1', producer: 'delegations' });

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
      const [o] = await dbs.delegations.query<{ published_at: Date | null }>('SELECT published_at FROM outbox');
      expect(o.published_at).not.toBeNull();
    });

    // and the read model answers through the gateway too
    const seen = await api().get(`/api/notifications/delegations/${id}`).expect(200);
    expect(seen.body.title).toBe('Tacoma youth orchestra to Fuzhou');
    const back = await api().get(`/api/delegations/${id}`).expect(200);
    expect(back.body.id).toBe(id);
  });

  it('answers 400 naming the field when the end date is before the start, and writes nothing', async () => {
    const res = await api()
      .post('/api/delegations')
      .send({ title: 'San Diego civic delegation to Jalalabad', hostCity: 'Jalalabad', startDate: '2027-05-10', endDate: '2027-05-01' })
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'endDate', messages: ['endDate must not be before startDate'] }]);
    const rows = await dbs.delegations.query('SELECT 1 FROM delegation WHERE title = $1', ['San Diego civic delegation to Jalalabad']);
    expect(rows).toHaveLength(0);
  });

  it('answers 400 naming each missing, malformed or unknown field', async () => {
    const res = await api()
      .post('/api/delegations')
      .send({ hostCity: 'Fuzhou', startDate: '10/04/2027', endDate: '2027-04-18', colour: 'red' })
      .expect(400);
    const fields = (res.body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['colour', 'startDate', 'title']);
    expect(res.body.message).toEqual(expect.arrayContaining(['property colour should not exist', 'startDate must be a date (YYYY-MM-DD)']));
  });

  it('answers 400 for a body that is not JSON', async () => {
    await api().post('/api/delegations').set('content-type', 'application/json').send('{"title": ').expect(400);
  });

  it('reports health with database and Kafka on every service', async () => {
    for (const svc of [gateway, delegations, notifications]) {
      const res = await request(svc.url).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'up', database: { up: true }, kafka: { up: true } });
    }
  });

  it('logs the correlation id of the request in every service it crossed', async () => {
    await api().post('/api/delegations').set('x-correlation-id', 'slice-log-check')
      .send({ title: 'Log check', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-11' }).expect(201);
    await eventually(() => {
      for (const svc of [gateway, delegations]) expect(svc.output).toContain('"correlationId":"slice-log-check"');
    });
  });

  it('answers 502 when the service behind a path is down', async () => {
    const res = await api().get('/api/logistics/anything').expect(502);
    expect(res.body.code).toBe('GATEWAY.SERVICE_UNAVAILABLE');
  });
});
