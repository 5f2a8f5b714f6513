import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { Topics, withPrefix } from '@twinning/contracts';
import { SmtpSink } from '@twinning/smtp-sink';
import { eventually, kafkaBrokers, ServiceProcess, TestDatabase, TestKafka, testKeys, uniqueTopicPrefix } from '@twinning/testing';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * No bearer secret on a topic, in a log line or in a stored message, with the real processes: the gateway, the
 * notifications service (emailing to an SMTP sink) and logistics (behind the gateway's proxy for calendar feeds), on
 * the real broker and databases. An invitation is made, its link is read from the email as the invitee would, the
 * link works; "forgot password" is asked for, its link read from the email, used once; then the topics, every
 * service's log output and the stored rows are searched for the invitation and reset tokens, the refresh tokens and a
 * calendar feed token.
 */
describe('bearer secrets stay off topics, logs and stored messages (processes)', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = new TestKafka();
  const sink = new SmtpSink({ smtpPort: 0, httpPort: null });
  let dbs: Record<'gateway' | 'notifications' | 'logistics', TestDatabase>;
  let gateway: ServiceProcess;
  let notifications: ServiceProcess;
  let logistics: ServiceProcess;
  const PASSWORD = 'tacoma-harbour-lights-1994';
  const { INVITATION_LINK_PUBLIC_KEY, INVITATION_LINK_PRIVATE_KEY, ...jwtKeys } = testKeys();

  beforeAll(async () => {
    await sink.start();
    const [g, n, l] = await Promise.all([TestDatabase.create('secrets_gateway'), TestDatabase.create('secrets_notifications'), TestDatabase.create('secrets_logistics')]);
    dbs = { gateway: g, notifications: n, logistics: l };
    const common = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'info', ...jwtKeys };
    [notifications, logistics] = await Promise.all([
      // only notifications holds the private key
      ServiceProcess.start('notifications', { ...common, DATABASE_URL: n.url, INVITATION_LINK_PRIVATE_KEY, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.smtpPort), EMAIL_SEND_INTERVAL_MS: '200', PUBLIC_WEB_URL: 'https://twinning.example' }),
      ServiceProcess.start('logistics', { ...common, DATABASE_URL: l.url }),
    ]);
    const unused = 'http://127.0.0.1:9';
    gateway = await ServiceProcess.start('gateway', {
      ...common, DATABASE_URL: g.url, INVITATION_LINK_PUBLIC_KEY, PUBLIC_WEB_URL: 'https://twinning.example',
      DELEGATIONS_URL: unused, HOST_MATCHING_URL: unused, LOGISTICS_URL: logistics.url, NOTIFICATIONS_URL: notifications.url,
    });
  }, 120000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), notifications?.stop(), logistics?.stop()]);
    await kafka.close();
    await sink.stop();
    await Promise.all(Object.values(dbs ?? {}).map((db) => db.drop()));
  });

  it('refuses to start the gateway without the public key, and notifications without the private key', async () => {
    const gw = ServiceProcess.spawn('gateway', { ...jwtKeys });
    expect(await gw.waitForExit()).toBe(1);
    expect(gw.output).toContain('INVITATION_LINK_PUBLIC_KEY must be an X25519 public key');
    const nt = ServiceProcess.spawn('notifications', { ...jwtKeys, INVITATION_LINK_PRIVATE_KEY: INVITATION_LINK_PUBLIC_KEY });
    expect(await nt.waitForExit()).toBe(1);
    expect(nt.output).toContain('INVITATION_LINK_PRIVATE_KEY must be an X25519 private key');
  });

  it('invites by a sealed link: the email carries a working link, the topic, the logs and the stored rows carry no secret', async () => {
    const cli = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'identity', 'cli', 'bootstrap-organisation.js');
    const { stdout } = await run(process.execPath, [cli, '--name', 'Tacoma Sister Cities', '--city', 'Tacoma', '--country', 'US', '--time-zone', 'America/Los_Angeles',
      '--admin-email', 'admin@tacoma.example', '--admin-name', 'Tacoma Admin'], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: dbs.gateway.url, KAFKA_TOPIC_PREFIX: prefix, BOOTSTRAP_ADMIN_PASSWORD: PASSWORD } });
    const organisationId = JSON.parse(stdout).organisationId as string;
    const api = () => request(gateway.url);
    const admin = (await api().post('/api/identity/login').send({ email: 'admin@tacoma.example', password: PASSWORD }).expect(200)).body.accessToken as string;
    await api().post(`/api/identity/organisations/${organisationId}/invitations`).set('authorization', `Bearer ${admin}`)
      .send({ email: 'jordan@tacoma.example', name: 'Jordan Okafor', roles: ['coordinator'], language: 'es' }).expect(201);

    // the invitee's email, as delivered, has the working link
    const mail = await eventually(async () => {
      const m = sink.messages().find((x) => x.rcptTo.includes('jordan@tacoma.example'));
      expect(m).toBeDefined();
      return m!;
    }, { timeoutMs: 60000, intervalMs: 250 });
    const link = /https:\/\/twinning\.example\/accept-invitation\?token=[^\s"<>]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(token);

    // the invitee opens the link (the web app's page) and accepts with the token from it
    await api().get(`/accept-invitation?token=${encodeURIComponent(token)}`);
    const accepted = await api().post('/api/identity/invitations/accept').send({ token, password: 'a long coordinator passphrase' }).expect(201);
    expect(accepted.body).toMatchObject({ organisationId, roles: ['coordinator'], accountCreated: true });
    const session = (await api().post('/api/identity/login').send({ email: 'jordan@tacoma.example', password: 'a long coordinator passphrase' }).expect(200)).body;
    const rotated = (await api().post('/api/identity/refresh').send({ refreshToken: session.refreshToken }).expect(200)).body;
    // a calendar feed token in the path, through the gateway's proxy to logistics (unknown: 404, but it is logged)
    const calendarToken = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0X2dhcnBseQ';
    await api().get(`/api/logistics/calendar/${calendarToken}.ics`).expect(404);

    // "forgot password": an unknown and a known address get the same answer; only the known one gets an email, in their language
    const unknown = await api().post('/api/identity/password-reset').send({ email: 'nobody@tacoma.example' }).expect(202);
    const known = await api().post('/api/identity/password-reset').send({ email: 'Jordan@Tacoma.example' }).expect(202);
    expect(known.body).toEqual(unknown.body);
    const resetLinkOf = async (nth: number): Promise<string> => {
      const m = await eventually(async () => {
        const mails = sink.messages().filter((x) => x.rcptTo.includes('jordan@tacoma.example') && x.subject.includes('contraseña'));
        expect(mails.length).toBeGreaterThanOrEqual(nth);
        return mails[nth - 1];
      }, { timeoutMs: 60000, intervalMs: 250 });
      expect(m.subject).toBe('Elija una nueva contraseña de Twinning');
      expect(m.text).toContain('Elegir una nueva contraseña');
      const url = /https:\/\/twinning\.example\/reset-password\?token=[^\s"<>]+/.exec(m.text)?.[0];
      expect(url).toBeDefined();
      const t = new URL(url!).searchParams.get('token')!;
      expect(m.html).toContain(t);
      return t;
    };
    const resetToken = await resetLinkOf(1);
    expect(resetToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sink.messages().filter((x) => x.rcptTo.includes('nobody@tacoma.example'))).toEqual([]);
    // the new password goes through the password policy, naming the field; the link still works after that
    const weak = await api().post('/api/identity/password-reset/confirm').send({ token: resetToken, password: 'password1234' }).expect(400);
    expect(weak.body).toMatchObject({ code: 'IDENTITY.PASSWORD_TOO_WEAK', fields: [{ field: 'password' }] });
    await api().get(`/reset-password?token=${encodeURIComponent(resetToken)}`);
    await api().post('/api/identity/password-reset/confirm').send({ token: resetToken, password: 'a brand new coordinator passphrase' }).expect(204);
    // once: the used link is gone; every old session ended; the new password signs in, the old one no longer
    expect((await api().post('/api/identity/password-reset/confirm').send({ token: resetToken, password: 'yet another coordinator passphrase' }).expect(410)).body.code).toBe('IDENTITY.RESET_USED');
    await api().post('/api/identity/refresh').send({ refreshToken: rotated.refreshToken }).expect(401);
    await eventually(async () => { await api().get('/api/identity/me').set('authorization', `Bearer ${rotated.accessToken}`).expect(401); }, { timeoutMs: 20000, intervalMs: 250 });
    await api().post('/api/identity/login').send({ email: 'jordan@tacoma.example', password: 'a long coordinator passphrase' }).expect(401);
    const renewed = (await api().post('/api/identity/login').send({ email: 'jordan@tacoma.example', password: 'a brand new coordinator passphrase' }).expect(200)).body;
    await api().get('/api/identity/me').set('authorization', `Bearer ${renewed.accessToken}`).expect(200);
    // an expired link is gone too
    await api().post('/api/identity/password-reset').send({ email: 'jordan@tacoma.example' }).expect(202);
    const expiringToken = await resetLinkOf(2);
    await dbs.gateway.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND replaced_at IS NULL`);
    expect((await api().post('/api/identity/password-reset/confirm').send({ token: expiringToken, password: 'yet another coordinator passphrase' }).expect(410)).body.code).toBe('IDENTITY.RESET_EXPIRED');
    // the reset is in the audit trail of the account's organisation
    await eventually(async () => {
      const [audited] = await dbs.gateway.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE event_code = 'password-reset' AND organisation_id = $1 AND account_user_id = $2`, [organisationId, accepted.body.userId]);
      expect(audited.n).toBe(1);
    });

    const secrets = [token, encodeURIComponent(token), session.refreshToken as string, rotated.refreshToken as string, calendarToken,
      resetToken, encodeURIComponent(resetToken), expiringToken, encodeURIComponent(expiringToken)];

    // on the real topic: the invitation event, its link only sealed
    const messages = (await kafka.readAll(withPrefix(prefix, Topics.organisationEvents))).map((m) => m.value!.toString());
    const invited = messages.map((v) => JSON.parse(v)).find((e) => e.type === 'user.invited');
    expect(invited).toMatchObject({ version: 2, payload: { email: 'jordan@tacoma.example', sealedAcceptUrl: expect.any(String) } });
    expect(invited.payload.acceptUrl).toBeUndefined();
    for (const v of messages) for (const s of secrets) expect(v).not.toContain(s);
    const userMessages = (await kafka.readAll(withPrefix(prefix, Topics.userEvents))).map((m) => m.value!.toString());
    const resets = userMessages.map((v) => JSON.parse(v)).filter((e) => e.type === 'user.password-reset-requested');
    expect(resets).toHaveLength(2);
    expect(resets[0]).toMatchObject({ version: 1, payload: { email: 'jordan@tacoma.example', language: 'es', sealedResetUrl: expect.any(String) } });
    expect(userMessages.map((v) => JSON.parse(v)).find((e) => e.type === 'user.sessions-revoked' && e.payload.reason === 'password-reset')).toBeDefined();
    for (const v of userMessages) for (const s of secrets) expect(v).not.toContain(s);

    // the stored rows: the notifications' delivery row holds the link only sealed, no outbox or inbox row any secret
    const [row] = await dbs.notifications.query<{ text: string; html: string; link: string | null; sealed_link: string; status: string }>(
      `SELECT text, html, link, sealed_link, status FROM delivery WHERE type = 'invitation'`);
    expect(row).toMatchObject({ status: 'sent', sealed_link: invited.payload.sealedAcceptUrl });
    const resetRows = await dbs.notifications.query<{ sealed_link: string; status: string }>(`SELECT sealed_link, status FROM delivery WHERE type = 'password-reset' ORDER BY created_at`);
    expect(resetRows).toEqual(resets.map((e) => ({ status: 'sent', sealed_link: e.payload.sealedResetUrl })));
    const stored = [
      ...(await dbs.notifications.query(`SELECT to_jsonb(d) AS r FROM delivery d`)),
      ...(await dbs.notifications.query(`SELECT convert_from(value, 'UTF8') AS r FROM outbox`)),
      ...(await dbs.gateway.query(`SELECT convert_from(value, 'UTF8') AS r FROM outbox`)),
      ...(await dbs.gateway.query(`SELECT to_jsonb(a) AS r FROM audit_entry a`)),
      ...(await dbs.gateway.query(`SELECT to_jsonb(p) AS r FROM password_reset p`)),
    ].map((r) => JSON.stringify(r));
    for (const r of stored) for (const s of secrets) expect(r).not.toContain(s);

    // the log lines of every process (stopped first, so that everything is flushed)
    await Promise.all([gateway.stop(), notifications.stop(), logistics.stop()]);
    expect(gateway.output).toContain('/accept-invitation?token=[redacted]');
    expect(gateway.output).toContain('/reset-password?token=[redacted]');
    expect(gateway.output).toContain('/api/logistics/calendar/[redacted].ics');
    expect(logistics.output).toContain('/api/logistics/calendar/[redacted].ics');
    for (const out of [gateway.output, notifications.output, logistics.output]) for (const s of secrets) expect(out).not.toContain(s);
  }, 180000);
});
