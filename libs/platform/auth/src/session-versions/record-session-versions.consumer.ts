import { EntityManager } from 'typeorm';
import { EventEnvelope, Topics, UserSessionsRevokedV1 } from '@twinning/contracts';
import type { EventConsumer } from '@twinning/platform-messaging';
import { SessionVersionRepository } from './session-version.repository';

/**
 * Every service's read model of session versions: the highest `user.sessions-revoked` version per
 * user. GREATEST makes it independent of order and of replays, so a fresh start that re-reads the
 * topic from the beginning ends up in the same state.
 */
export class RecordSessionVersionsConsumer implements EventConsumer {
  readonly topics = [Topics.userEvents];
  readonly types = ['user.sessions-revoked'];

  constructor(readonly groupId: string, private readonly versions?: SessionVersionRepository) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const p = event.payload as UserSessionsRevokedV1;
    await tx.query(
      `INSERT INTO auth_session_version (user_id, session_version, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET session_version = GREATEST(auth_session_version.session_version, EXCLUDED.session_version), updated_at = now()`,
      [p.userId, p.sessionVersion],
    );
    this.versions?.forget(p.userId);
  }
}
