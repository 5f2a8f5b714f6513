import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRecordedV1, EventEnvelope, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';

/**
 * `audit.recorded` (from every domain service) → the organisation's audit trail, in the inbox's transaction; the
 * event id is kept unique as well, so a fact is one entry however often it is delivered.
 */
@Injectable()
export class RecordServiceAuditConsumer implements EventConsumer {
  readonly groupId = 'gateway.audit';
  readonly topics = [Topics.auditEvents];
  readonly types = ['audit.recorded'];

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const a = event.payload as AuditRecordedV1;
    await tx.query(
      `INSERT INTO audit_entry (occurred_at, user_id, organisation_id, method, path, status, correlation_id, client_address, duration_ms, source, action, subject_kind, subject_id, fields, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING`,
      [event.occurredAt, a.userId, event.organisationId, a.method, a.path, a.status, event.correlationId, a.clientAddress ?? null, a.durationMs, a.service, a.action,
        a.subjectKind ?? null, a.subjectId ?? null, a.fields ?? null, event.eventId],
    );
  }
}
