/**
 * Pipeline benchmark: the project's messaging layer end to end (OutboxWriter in TypeORM transactions
 * -> OutboxRelay woken by LISTEN/NOTIFY -> Kafka -> ConsumerRunner with inbox and one effect row per
 * event) against raw kafkajs on the same broker, in the same run. Prints ONE JSON document on stdout;
 * every log line goes to stderr. Never asserts on timings. See bench/README.md.
 *
 * Processes: this launcher forks the producer side (which forks the consumer side). The children's
 * stdout is wired to stderr because the project's pino loggers write to stdout; the result travels
 * back over the IPC channel, so stdout carries nothing but the JSON document.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { BenchResources, dropResources, runProducerSide } from './support/producer-side';
import { runConsumerSide } from './support/consumer-side';
import { readSettings } from './support/settings';

const role = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'launcher';

function launch(): void {
  const settings = readSettings(); // fail fast on a bad setting, before anything is created
  const child = fork(__filename, ['--role=producer'], { stdio: ['ignore', 2, 2, 'ipc'], env: process.env });
  let resources: BenchResources | undefined;
  let result: unknown;
  child.on('message', (m: { kind?: string; resources?: BenchResources; doc?: unknown }) => {
    if (m?.kind === 'resources') resources = m.resources;
    if (m?.kind === 'result') result = m.doc;
  });
  let killTimer: NodeJS.Timeout | undefined;
  const hardTimer = setTimeout(() => {
    process.stderr.write(`[bench] hard timeout (${settings.hardTimeoutMs / 1000}s): stopping the run\n`);
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  }, settings.hardTimeoutMs);
  // Ctrl-C reaches the whole process group: the producer side cleans up; a lone SIGTERM is forwarded
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    clearTimeout(hardTimer);
    if (killTimer) clearTimeout(killTimer);
    if (result !== undefined) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.exitCode = 0;
      return;
    }
    process.stderr.write(`[bench] the run ended without a result (code ${code}, signal ${signal})\n`);
    process.exitCode = 1;
    // after a kill the producer side may not have cleaned up: drop what it announced
    if (signal && resources) void dropResources(resources).catch(() => undefined);
  });
}

if (role === 'producer') {
  runProducerSide(readSettings()).then(
    () => setTimeout(() => process.exit(process.exitCode ?? 0), 100),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
} else if (role === 'consumer') {
  runConsumerSide();
} else {
  launch();
}
