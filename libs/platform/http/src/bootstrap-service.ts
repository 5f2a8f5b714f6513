import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@twinning/platform-observability';
import { CorrelationMiddleware } from './correlation.middleware';
import { jsonBodyMiddleware } from './json-body.middleware';
import { securityHeadersMiddleware } from './security-headers.middleware';
import { configureServiceApp } from './configure-app';
import { PinoNestLogger } from './pino-nest-logger';
import { ServiceAuditRecorder } from './service-audit-recorder';
import { serviceAuditMiddleware } from './service-audit.middleware';

export interface BootstrapOptions {
  service: string;
  module: DynamicModule;
  apiPrefix: string;
  port: number;
  host?: string;
  /** The gateway proxies raw bodies, so it turns the JSON body parser off (and mounts it for its own routes only). */
  bodyParser?: boolean;
  /** Extra Express middleware, mounted after the correlation middleware (e.g. the gateway's proxy). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  middleware?: any[];
}

/** Creates, configures and starts a service's HTTP app (also used by e2e tests with port 0). */
export async function createServiceApp(o: BootstrapOptions): Promise<INestApplication> {
  // Nest's own parsers (JSON and form-urlencoded, lenient about bytes and depth) are never used: jsonBodyMiddleware
  // is the one body parser
  const app = await NestFactory.create(o.module, { logger: new PinoNestLogger(o.service), bodyParser: false });
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(securityHeadersMiddleware());
  const mw = new CorrelationMiddleware(o.service);
  app.use(mw.use.bind(mw));
  if (o.bodyParser ?? true) app.use(jsonBodyMiddleware());
  const audit = auditRecorderOf(app);
  if (audit) app.use(serviceAuditMiddleware(audit));
  for (const m of o.middleware ?? []) app.use(m);
  configureServiceApp(app, o.apiPrefix);
  await app.listen(o.port, o.host ?? '127.0.0.1');
  return app;
}

export async function bootstrapService(o: BootstrapOptions): Promise<void> {
  const log = createLogger(o.service);
  boundShutdown(o.service, log);
  try {
    const app = await createServiceApp(o);
    log.info({ url: await app.getUrl() }, `${o.service} listening`);
  } catch (e) {
    log.fatal({ err: (e as Error).message, stack: (e as Error).stack }, `${o.service} failed to start`);
    process.exit(1);
  }
}

/**
 * Nest's shutdown hooks stop consumers, relay and HTTP on SIGTERM/SIGINT, but a consumer crash-looping or a
 * broker that does not answer can hold that close up without end, and a signal that comes while the app is
 * still booting (migrations, topics) finds no hook at all: this guard exits at once in the latter case and
 * after SHUTDOWN_TIMEOUT_MS (default 10 s) in the former, whatever is still pending.
 */
function boundShutdown(service: string, log: ReturnType<typeof createLogger>): void {
  const raw = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(raw) && raw > 0 ? raw : 10_000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // `once` has removed this listener: any left are Nest's hooks, which close the app and re-raise the signal
      if (process.listenerCount(signal) === 0) {
        log.warn({ signal }, `${service} stopped while starting`);
        process.exit(0);
      }
      setTimeout(() => {
        log.error({ signal, timeoutMs }, `${service} did not stop within the shutdown timeout; exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

/** The shell's audit recorder; an app built without ServiceShellModule (a test's) has none. */
function auditRecorderOf(app: INestApplication): ServiceAuditRecorder | undefined {
  try {
    return app.get(ServiceAuditRecorder, { strict: false });
  } catch {
    return undefined;
  }
}
