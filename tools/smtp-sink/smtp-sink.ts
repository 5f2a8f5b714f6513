import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink received over SMTP. */
export interface SinkMessage {
  id: string;
  receivedAt: string;
  /** SMTP envelope */
  mailFrom: string | null;
  rcptTo: string[];
  /** parsed headers and parts */
  messageId: string | null;
  subject: string;
  from: string;
  to: string;
  date: string | null;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  /** where the raw message was written, if a directory was given */
  emlPath: string | null;
}

export interface SmtpSinkOptions {
  /** SMTP port (0: any free port) */
  smtpPort?: number;
  /** HTTP port of the page and the JSON API (0: any free port; null: no HTTP) */
  httpPort?: number | null;
  host?: string;
  /** raw messages are also written there as <receivedAt>-<id>.eml */
  dir?: string | null;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A real SMTP server for the local run and the tests: stores every message it accepts (in memory
 * and as .eml files), shows them on a small HTTP page and answers GET/DELETE /messages with JSON. `refuse()` makes
 * it answer every new connection with 421 (the SMTP server is "down") until `accept()`.
 */
export class SmtpSink {
  private readonly stored: SinkMessage[] = [];
  private smtp?: SMTPServer;
  private http?: Server;
  private refusing = false;
  private waiters: (() => void)[] = [];
  private beforeReply: ((m: SinkMessage) => Promise<void>) | null = null;
  smtpPort = 0;
  httpPort = 0;
  /** connections refused while refusing */
  refusedConnections = 0;

  constructor(private readonly options: SmtpSinkOptions = {}) {}

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  get url(): string {
    return `http://${this.host}:${this.httpPort}/`;
  }

  async start(): Promise<this> {
    if (this.options.dir) mkdirSync(this.options.dir, { recursive: true });
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      banner: 'Twinning SMTP sink',
      logger: false,
      size: 25 * 1024 * 1024,
      onConnect: (_session, callback) => {
        if (!this.refusing) return callback();
        this.refusedConnections++;
        return callback(Object.assign(new Error('SMTP sink is refusing connections (simulated outage)'), { responseCode: 421 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', (e) => callback(e));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          this.store(raw, session.envelope.mailFrom ? session.envelope.mailFrom.address : null, session.envelope.rcptTo.map((r) => r.address))
            .then((m) => this.beforeReply?.(m))
            .then(() => callback())
            .catch((e: Error) => callback(e));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.smtp!.once('error', reject);
      this.smtp!.listen(this.options.smtpPort ?? 1025, this.host, () => resolve());
    });
    this.smtp.on('error', () => undefined);
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;
    if (this.options.httpPort !== null) {
      this.http = createServer((req, res) => this.handle(req, res));
      await new Promise<void>((resolve, reject) => {
        this.http!.once('error', reject);
        this.http!.listen(this.options.httpPort ?? 1080, this.host, () => resolve());
      });
      this.httpPort = (this.http.address() as AddressInfo).port;
    }
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
    if (this.http) {
      this.http.closeAllConnections();
      await new Promise<void>((resolve) => this.http!.close(() => resolve()));
    }
  }

  /** Every new connection is answered 421 until accept() (the SMTP server is "down"). */
  refuse(): void {
    this.refusing = true;
  }

  accept(): void {
    this.refusing = false;
  }

  /**
   * Runs `hook` on each message once it is stored and before the sender is told (250) that it was accepted, so a
   * test can fail something in that window: the message counts as received whatever the sender records after.
   * `null` removes it.
   */
  onAccepted(hook: ((m: SinkMessage) => Promise<void>) | null): void {
    this.beforeReply = hook;
  }

  get isRefusing(): boolean {
    return this.refusing;
  }

  messages(): SinkMessage[] {
    return [...this.stored];
  }

  clear(): void {
    this.stored.length = 0;
  }

  /** Resolves once at least `n` messages are stored (or rejects after timeoutMs). */
  async waitFor(n: number, timeoutMs = 20000): Promise<SinkMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.stored.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SmtpSink.waitFor(${n}): only ${this.stored.length} messages after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
    return this.messages();
  }

  private async store(raw: Buffer, mailFrom: string | null, rcptTo: string[]): Promise<SinkMessage> {
    const parsed = await simpleParser(raw);
    const id = randomUUID();
    const receivedAt = new Date().toISOString();
    let emlPath: string | null = null;
    if (this.options.dir) {
      emlPath = join(this.options.dir, `${receivedAt.replace(/[:.]/g, '-')}-${id}.eml`);
      writeFileSync(emlPath, raw);
    }
    const headers: Record<string, string> = {};
    for (const l of parsed.headerLines) headers[l.key] = l.line.slice(l.line.indexOf(':') + 1).trim();
    const addresses = (a: typeof parsed.to) => (a ? (Array.isArray(a) ? a.map((x) => x.text).join(', ') : a.text) : '');
    const message: SinkMessage = {
      id, receivedAt, mailFrom, rcptTo, messageId: parsed.messageId ?? null, subject: parsed.subject ?? '', from: addresses(parsed.from), to: addresses(parsed.to),
      date: parsed.date ? parsed.date.toISOString() : null, text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : null, headers, emlPath,
    };
    this.stored.push(message);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
    return message;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (path === '/messages' && req.method === 'GET') return json(200, { count: this.stored.length, items: this.messages() });
    if (path === '/messages' && req.method === 'DELETE') { this.clear(); return json(200, { count: 0 }); }
    if (path.startsWith('/messages/') && req.method === 'GET') {
      const m = this.stored.find((x) => x.id === path.slice('/messages/'.length));
      return m ? json(200, m) : json(404, { message: 'no such message' });
    }
    if (path === '/' && req.method === 'GET') {
      const rows = [...this.stored].reverse().map((m) => `<article>
  <h2>${escape(m.subject || '(no subject)')}</h2>
  <p class="meta"><b>From</b> ${escape(m.from)} · <b>To</b> ${escape(m.to)} · <b>Date</b> ${escape(m.date ?? m.receivedAt)}${m.emlPath ? ` · ${escape(m.emlPath)}` : ''}</p>
  <pre>${escape(m.text)}</pre>
</article>`).join('\n');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>SMTP sink (${this.stored.length})</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}article{border-top:1px solid #ccc;padding:.5rem 0}.meta{color:#555;font-size:.9rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}</style>
</head><body><h1>SMTP sink: ${this.stored.length} message(s)</h1><p>SMTP on ${escape(this.host)}:${this.smtpPort} · JSON: <a href="/messages">GET /messages</a> (DELETE /messages empties it)</p>
${rows || '<p>No messages yet.</p>'}</body></html>`);
      return;
    }
    json(404, { message: 'not found' });
  }
}
