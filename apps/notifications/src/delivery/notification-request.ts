import { EntityManager } from 'typeorm';
import { NotificationType } from '../notification-types';

/**
 * One notification for one person, as a consumer asks for it (inside the consumer's transaction). The delivery layer
 * turns it into one delivery row per channel (email, in-app) keyed by (eventId, recipientUserId, channel) with a unique
 * constraint — so a redelivered event never sends twice — applying the recipient's preferences (an opted-out category
 * is recorded as `skipped`, safety types always go) and the digest (digestible types due the same day are folded).
 * Sending happens after commit, with retries.
 */
export interface NotificationRequest {
  /** the consumed event's id (the idempotency key, with recipient and channel) */
  eventId: string;
  type: NotificationType;
  recipientUserId: string;
  organisationId: string | null;
  delegationId?: string | null;
  /** the person the message is about (for the delivery log per person), e.g. a participant or member id */
  subjectId?: string | null;
  /** values for the template's placeholders (dates as ISO strings; the template formats them) */
  data: Record<string, unknown>;
  /** IANA zone in which the event's times are shown (the delegation's host zone, the airport's...) */
  timeZone?: string | null;
  /** channels to use; default both */
  channels?: ('email' | 'in-app')[];
  /**
   * A link that is a bearer secret (an invitation's accept URL), sealed to this service's key: the data carries
   * SEALED_LINK_PLACEHOLDER in its place, only the sealed form is stored, and it is opened when the email is sent.
   * Email only (an in-app notice would keep the link readable in the feed).
   */
  sealedLink?: string;
  /**
   * For a foldable type (a problem): what it is about (e.g. the conflict id; withdrawn before sending when it is
   * resolved) and its one line in the folded message that lists the problems of one window.
   */
  fold?: { item: string; summary: string };
}

/** Implemented by the delivery module (`DeliveryService`); consumers depend on this token only. */
export abstract class NotificationSink {
  abstract enqueue(tx: EntityManager, request: NotificationRequest): Promise<void>;
  /** Withdraws the emails about `item` still waiting in a fold window (the problem no longer holds); answers how many. */
  abstract withdrawFolded(tx: EntityManager, type: NotificationType, item: string, reason: string): Promise<number>;
}
