/**
 * Topic grammar: `<producer>.<entity>.events` — one topic per aggregate type, so every event of
 * one aggregate (keyed by its id) stays in order on one partition. The event's type and version
 * travel in the envelope; a breaking payload change is a new version of the event, never a
 * renamed topic. Dead letters: `<consumer group>.dlq`.
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
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export function deadLetterTopicFor(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}

export function withPrefix(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}${name}` : name;
}
