/**
 * Topic grammar: `<producer>.<entity>.events` — one topic per aggregate type, so every event of
 * one aggregate (keyed by its id) stays in order on one partition. The event's type and version
 * travel in the envelope; a breaking payload change is a new version of the event, never a
 * renamed topic. Dead letters: `<consumer group>.dlq`, and `<consumer group>.restricted.dlq` for what the
 * group read from a restricted topic (a dead letter carries the original bytes, so it is as restricted
 * as where it came from).
 * Names are fixed once published. A deployment (or a test run) may add a prefix (KAFKA_TOPIC_PREFIX).
 */
export const Topics = {
  delegationEvents: 'delegations.delegation.events',
  /** An organisation's partner cities (keyed by partnership id). Producer: delegations. */
  partnershipEvents: 'delegations.partnership.events',
  /** Participants, their check-ins and welfare alerts (keyed by participant id). Producer: delegations. */
  participantEvents: 'delegations.participant.events',
  /** Safeguarding incidents and their escalation clock (keyed by incident id). Producer: delegations. */
  incidentEvents: 'delegations.incident.events',
  /** RESTRICTED: what matching needs about a participant (date of birth, diet, allergies, consent on file); keyed by participant id. Producer: delegations; only host-matching reads it. */
  participantMatchingEvents: 'delegations.participant-matching.events',
  /** Host families and their vetting (keyed by family id). Producer: host-matching. */
  familyEvents: 'host-matching.family.events',
  /** Matching runs, offers and placements (keyed by delegation id). Producer: host-matching. */
  placementEvents: 'host-matching.placement.events',
  /** RESTRICTED: what hosts must know about their guest (diet, allergies) for the welcome packet; keyed by delegation id. Producer: host-matching; only notifications reads it. */
  hostBriefingEvents: 'host-matching.host-briefing.events',
  /** Travel segments, pickup runs, lodging and conflicts (keyed by delegation id). Producer: logistics. */
  travelEvents: 'logistics.travel.events',
  /** Organisations, their invitations and memberships (keyed by organisation id). Producer: gateway. */
  organisationEvents: 'gateway.organisation.events',
  /** User accounts (keyed by user id). Producer: gateway. */
  userEvents: 'gateway.user.events',
  /** Notification deliveries that failed for good (keyed by delivery id). Producer: notifications. */
  notificationDeliveryEvents: 'notifications.delivery.events',
  /**
   * Audit facts (`audit.recorded`: who, what, when, which record; never values), keyed by organisation id. The one
   * topic with several producers (every domain service records what it answered); only the gateway, which keeps the
   * audit trail, reads it.
   */
  auditEvents: 'services.audit.events',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/**
 * Topics whose payloads carry sensitive data about a person (allergies, diet, date of birth, consent):
 * only the one service named at each topic may read them, and their dead letters go to a restricted
 * dead-letter topic, never to the group's general one.
 */
export const RESTRICTED_TOPICS: readonly TopicName[] = [Topics.participantMatchingEvents, Topics.hostBriefingEvents];

const RESTRICTED_DLQ_SUFFIX = '.restricted.dlq';

/** Whether `topic` (without a deployment prefix) is restricted: one of RESTRICTED_TOPICS or a restricted dead-letter topic. */
export function isRestrictedTopic(topic: string): boolean {
  return (RESTRICTED_TOPICS as readonly string[]).includes(topic) || topic.endsWith(RESTRICTED_DLQ_SUFFIX);
}

/** The dead-letter topic of a consumer group for messages read from `sourceTopic` (without prefix): restricted sources get the restricted one. */
export function deadLetterTopicFor(consumerGroup: string, sourceTopic?: string): string {
  return sourceTopic !== undefined && isRestrictedTopic(sourceTopic) ? restrictedDeadLetterTopicFor(consumerGroup) : `${consumerGroup}.dlq`;
}

export function restrictedDeadLetterTopicFor(consumerGroup: string): string {
  return `${consumerGroup}${RESTRICTED_DLQ_SUFFIX}`;
}

export function withPrefix(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}${name}` : name;
}
