import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecordedV1 } from '@twinning/contracts';
import { AccessTokenVerifier, AuthenticatedUser } from '@twinning/platform-auth';
import { AnyNewEvent, OutboxWriter } from '@twinning/platform-messaging';
import { createLogger, runWithCorrelation } from '@twinning/platform-observability';

export const SERVICE_AUDIT_OPTIONS = Symbol('SERVICE_AUDIT_OPTIONS');

export interface ServiceAuditOptions {
  service: string;
  /** Off for the gateway, which keeps the trail itself. */
  enabled: boolean;
}

/** One fact to record: who (organisation and user), and the request's part of AuditRecordedV1. */
export interface ServiceAuditFact { organisationId: string; correlationId?: string; payload: AuditRecordedV1 }

const log = createLogger('platform.audit');

/**
 * Writes a service's audit facts (`audit.recorded`) to its own outbox, so they reach the gateway's audit trail
 * through Kafka like any event, whether the request came through the gateway or straight to the service's port.
 * Written after the answer went out and in the background: an audit write neither delays nor fails a request
 * (a failure is logged); facts still being written finish before the database closes.
 */
@Injectable()
export class ServiceAuditRecorder implements BeforeApplicationShutdown {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @Inject(SERVICE_AUDIT_OPTIONS) readonly options: ServiceAuditOptions,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  /** The caller of a request, from its bearer token; null without a valid one (the guard then answers 401). */
  async caller(authorization: string | string[] | undefined): Promise<AuthenticatedUser | null> {
    const token = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    if (!token) return null;
    return this.verifier.verify(token).catch(() => null);
  }

  record(facts: ServiceAuditFact[]): void {
    if (!facts.length || !this.dataSource.isInitialized) return;
    const events: AnyNewEvent[] = facts.map((f) => ({
      type: 'audit.recorded', version: 1, aggregateId: f.organisationId, organisationId: f.organisationId, correlationId: f.correlationId, payload: f.payload,
    }));
    const correlationId = facts[0].correlationId;
    const write = () => this.outbox.appendMany(this.dataSource.manager, events);
    const p = (correlationId ? runWithCorrelation({ correlationId }, write) : write())
      .then(() => undefined)
      .catch((e: Error) => log.error({ err: e.message, correlationId, facts: facts.length }, 'audit facts not written'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
