import { resolve } from 'node:path';
import { SmtpSink } from './smtp-sink';

// `node dist/tools/smtp-sink/main.js`: the local run's SMTP server (SMTP_SINK_PORT, default 1025) with its page and
// JSON API (SMTP_SINK_HTTP_PORT, default 1080); raw messages go to SMTP_SINK_DIR (default .run/mail).
const port = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 0 || v > 65535) {
    process.stderr.write(`[smtp-sink] ${name} must be a port number\n`);
    process.exit(1);
  }
  return v;
};

const sink = new SmtpSink({
  smtpPort: port('SMTP_SINK_PORT', 1025),
  httpPort: port('SMTP_SINK_HTTP_PORT', 1080),
  host: process.env.SMTP_SINK_HOST ?? '127.0.0.1',
  dir: resolve(process.env.SMTP_SINK_DIR ?? '.run/mail'),
});

sink.start().then(
  () => process.stdout.write(`[smtp-sink] SMTP on ${sink.host}:${sink.smtpPort}, messages on ${sink.url}\n`),
  (e: Error) => {
    process.stderr.write(`[smtp-sink] failed to start: ${e.message}\n`);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 2000).unref();
    void sink.stop().then(() => process.exit(0));
  });
}
