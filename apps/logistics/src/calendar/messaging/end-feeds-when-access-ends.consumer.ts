import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, MembershipRemovedV1, Topics, UserDisabledV1 } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';

/**
 * A feed URL is a bearer secret its creator saw once: when the creator is removed from the
 * organisation (its feeds there) or their account is disabled (all their feeds), those URLs stop
 * working, so access that was ended cannot go on through a calendar app. Others' feeds stay.
 */
@Injectable()
export class EndFeedsWhenAccessEndsConsumer implements EventConsumer {
  readonly groupId = 'logistics.access-ended';
  readonly topics = [Topics.organisationEvents, Topics.userEvents];
  readonly types = ['membership.removed', 'user.disabled'];

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    if (event.type === 'membership.removed') {
      const p = event.payload as MembershipRemovedV1;
      await tx.query(`UPDATE calendar_feed SET revoked_at = now() WHERE created_by = $1 AND organisation_id = $2 AND revoked_at IS NULL`, [p.userId, p.organisationId]);
      return;
    }
    const p = event.payload as UserDisabledV1;
    await tx.query(`UPDATE calendar_feed SET revoked_at = now() WHERE created_by = $1 AND revoked_at IS NULL`, [p.userId]);
  }
}
