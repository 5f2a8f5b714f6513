export interface DeliveryRow {
  id: string;
  event_id: string;
  recipient_user_id: string;
  channel: 'email' | 'in-app';
  type: string;
  category: string;
  organisation_id: string | null;
  delegation_id: string | null;
  subject_id: string | null;
  locale: string;
  subject: string;
  text: string;
  html: string;
  email_to: string | null;
  link: string | null;
  /** a bearer-secret link sealed to this service's key, put in place of SEALED_LINK_PLACEHOLDER when sending */
  sealed_link: string | null;
  due_at: Date | null;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  digest_day: string | null;
  digest_id: string | null;
  /** a problem's: when its (recipient, delegation) fold window closes */
  fold_until: Date | null;
  /** a problem's: what it is about (a conflict's key), to withdraw it when resolved and list it once */
  fold_item: string | null;
  /** a problem's: its one line in a folded message or a digest */
  summary: string | null;
  created_at: Date;
  sent_at: Date | null;
  read_at: Date | null;
}

/** The columns a log or feed entry shows (no address, no html). */
export function logEntry(r: DeliveryRow) {
  return {
    id: r.id,
    eventId: r.event_id,
    recipientUserId: r.recipient_user_id,
    channel: r.channel,
    type: r.type,
    category: r.category,
    delegationId: r.delegation_id,
    subjectId: r.subject_id,
    locale: r.locale,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
    digestId: r.digest_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    readAt: r.read_at,
  };
}
