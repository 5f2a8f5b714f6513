import { createLogger } from '@twinning/platform-observability';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '../infrastructure/audit-entry.entity';

const log = createLogger('gateway.audit');

/** What a writer gives: the columns with defaults (who recorded it, what kind of fact, a sensitive read's subject) may be left out. */
type OptionalAuditColumns = 'eventCode' | 'accountUserId' | 'source' | 'action' | 'subjectKind' | 'subjectId' | 'fields' | 'eventId';
export type NewAuditEntry = Omit<AuditEntryEntity, 'id' | OptionalAuditColumns> & Partial<Pick<AuditEntryEntity, OptionalAuditColumns>>;

/**
 * Writes audit entries in the background. The HTTP middleware exists before Nest has a DataSource,
 * so the audit module attaches it at start; a failed write is logged and never reaches the request.
 */
export class AuditTrail {
  private dataSource?: DataSource;
  private readonly pending = new Set<Promise<void>>();

  attach(dataSource: DataSource): void {
    this.dataSource = dataSource;
  }

  record(entry: NewAuditEntry): void {
    const ds = this.dataSource;
    if (!ds?.isInitialized) {
      log.warn({ method: entry.method, path: entry.path, correlationId: entry.correlationId }, 'audit entry dropped: database not ready');
      return;
    }
    const p = ds
      .getRepository(AuditEntryEntity)
      .insert(entry)
      .then(() => undefined)
      .catch((e: Error) => log.error({ err: e.message, method: entry.method, path: entry.path, correlationId: entry.correlationId }, 'audit entry not written'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Nest hook: entries still being written finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** Waits for entries still being written. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
