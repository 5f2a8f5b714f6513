import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DelegationCreatedV1, DelegationSharedV1, DelegationUnsharedV1, EventEnvelope, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';

/** Keeps notifications' directory of delegations (and who they are shared with) up to date from the delegations service's events. */
@Injectable()
export class RecordDelegationInDirectoryConsumer implements EventConsumer {
  readonly groupId = 'notifications.delegation-directory';
  readonly topics = [Topics.delegationEvents];
  readonly types = ['delegation.created', 'delegation.shared', 'delegation.unshared'];

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    if (event.type === 'delegation.shared') {
      const s = event.payload as DelegationSharedV1;
      await tx.query(`INSERT INTO known_delegation_share (delegation_id, partner_organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [s.delegationId, s.partnerOrganisationId]);
      return;
    }
    if (event.type === 'delegation.unshared') {
      const s = event.payload as DelegationUnsharedV1;
      await tx.query(`DELETE FROM known_delegation_share WHERE delegation_id = $1 AND partner_organisation_id = $2`, [s.delegationId, s.partnerOrganisationId]);
      return;
    }
    const p = event.payload as DelegationCreatedV1;
    await tx.query(
      `INSERT INTO known_delegation (delegation_id, organisation_id, title, host_city, start_date, end_date, status, last_event_id, correlation_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (delegation_id) DO UPDATE SET title = EXCLUDED.title, host_city = EXCLUDED.host_city, start_date = EXCLUDED.start_date,
         end_date = EXCLUDED.end_date, status = EXCLUDED.status, last_event_id = EXCLUDED.last_event_id,
         correlation_id = EXCLUDED.correlation_id, updated_at = EXCLUDED.updated_at
       WHERE known_delegation.updated_at <= EXCLUDED.updated_at`,
      [p.delegationId, event.organisationId, p.title, p.hostCity, p.startDate, p.endDate, p.status, event.eventId, event.correlationId, event.occurredAt],
    );
  }
}
