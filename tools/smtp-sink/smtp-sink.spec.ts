import nodemailer from 'nodemailer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmtpSink } from './smtp-sink';

describe('SMTP sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-sink-'));
  const sink = new SmtpSink({ smtpPort: 0, httpPort: 0, dir });
  const send = (subject: string) => nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort }).sendMail({
    from: 'Twinning <n@twinning.local>', to: 'Ana <ana@example.org>', subject, text: `text of ${subject}`, html: `<p>html of ${subject}</p>`,
  });

  beforeAll(() => sink.start());
  afterAll(async () => {
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores what it receives over SMTP, in memory and as .eml, and lists it on its page and JSON API', async () => {
    await send('Hello');
    const [m] = await sink.waitFor(1);
    expect(m).toMatchObject({ subject: 'Hello', to: '"Ana" <ana@example.org>', rcptTo: ['ana@example.org'], text: 'text of Hello', html: '<p>html of Hello</p>' });
    expect(readFileSync(m.emlPath!, 'utf8')).toContain('Subject: Hello');
    const api = await (await fetch(`${sink.url}messages`)).json();
    expect(api).toMatchObject({ count: 1, items: [expect.objectContaining({ subject: 'Hello' })] });
    expect(await (await fetch(sink.url)).text()).toContain('Hello');
    expect((await fetch(`${sink.url}messages`, { method: 'DELETE' })).status).toBe(200);
    expect(sink.messages()).toEqual([]);
  });

  it('refuses connections while "down" and accepts again after', async () => {
    sink.refuse();
    await expect(send('Lost')).rejects.toMatchObject({ responseCode: 421 });
    expect(sink.refusedConnections).toBe(1);
    sink.accept();
    await send('Back');
    expect((await sink.waitFor(1)).map((x) => x.subject)).toEqual(['Back']);
  });

  it('runs the onAccepted hook after storing a message and before the sender hears it was accepted', async () => {
    const order: string[] = [];
    sink.onAccepted(async (m) => {
      order.push(`stored ${m.subject}`);
    });
    try {
      await send('Hooked');
      order.push('sender told');
    } finally {
      sink.onAccepted(null);
    }
    expect(order).toEqual(['stored Hooked', 'sender told']);
  });
});
