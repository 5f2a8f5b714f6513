import { DelegationCreatedV1 } from './delegations/delegation-created.v1';
import { DelegationSharedV1 } from './delegations/delegation-shared.v1';
import { DelegationUnsharedV1 } from './delegations/delegation-unshared.v1';
import { DelegationStatusChangedV1 } from './delegations/delegation-status-changed.v1';
import { DelegationUpdatedV1 } from './delegations/delegation-updated.v1';
import { MemberAddedV1 } from './delegations/member-added.v1';
import { MemberRemovedV1 } from './delegations/member-removed.v1';
import { MemberUpdatedV1 } from './delegations/member-updated.v1';
import { PartnershipRegisteredV1 } from './delegations/partnership-registered.v1';
import { PartnershipUpdatedV1 } from './delegations/partnership-updated.v1';
import { ItineraryChangedV1 } from './itinerary/itinerary-changed.v1';
import { MembershipGrantedV1 } from './identity/membership-granted.v1';
import { MembershipRemovedV1 } from './identity/membership-removed.v1';
import { MembershipRolesChangedV1 } from './identity/membership-roles-changed.v1';
import { OrganisationRegisteredV1 } from './identity/organisation-registered.v1';
import { UserInvitedV1 } from './identity/user-invited.v1';
import { UserDisabledV1 } from './identity/user-disabled.v1';
import { UserEnabledV1 } from './identity/user-enabled.v1';
import { UserInvitedV2 } from './identity/user-invited.v2';
import { UserPasswordResetRequestedV1 } from './identity/user-password-reset-requested.v1';
import { UserRegisteredV1 } from './identity/user-registered.v1';
import { UserSessionsRevokedV1 } from './identity/user-sessions-revoked.v1';
import { CheckInRecordedV1 } from './participants/check-in-recorded.v1';
import { IncidentClosedV1 } from './participants/incident-closed.v1';
import { IncidentEscalationOverdueV1 } from './participants/incident-escalation-overdue.v1';
import { IncidentOpenedV1 } from './participants/incident-opened.v1';
import { IncidentReportedV1 } from './participants/incident-reported.v1';
import { ParticipantRegisteredV1 } from './participants/participant-registered.v1';
import { ParticipantUpdatedV1 } from './participants/participant-updated.v1';
import { WelfareAlertRaisedV1 } from './participants/welfare-alert-raised.v1';
import { FamilyRegisteredV1 } from './host-matching/family-registered.v1';
import { FamilyUpdatedV1 } from './host-matching/family-updated.v1';
import { FamilyHouseholdReviewedV1, FamilyHouseholdReviewRequestedV1 } from './host-matching/family-household-review.v1';
import { FamilyVettingEligibleV1, FamilyVettingExpiringV1, FamilyVettingLapsedV1 } from './host-matching/family-vetting.v1';
import { GuestUnplacedV1, MatchingRunCompletedV1, OfferAcceptedV1, OfferDeclinedV1, OfferExpiredV1, OfferMadeV1, OfferWithdrawnV1, PlacementConfirmedV1, PlacementReleasedV1 } from './host-matching/placement-events.v1';
import { PlacementHostBriefingV1 } from './host-matching/placement-host-briefing.v1';
import { ParticipantMatchingProfileChangedV1 } from './participants/participant-matching-profile.v1';
import { ParticipantMatchingProfileChangedV2 } from './participants/participant-matching-profile.v2';
import { ParticipantTravelDocumentChangedV1 } from './participants/participant-travel-document-changed.v1';
import { ConflictRaisedV1, ConflictResolvedV1, LodgingAssignedV1, PickupChangedV1, PickupPlannedV1, SegmentBookedV1, SegmentCancelledV1, SegmentChangedV1 } from './logistics/logistics-events.v1';
import { NotificationDeliveryFailedV1 } from './notifications/notification-delivery-failed.v1';
import { AuditRecordedV1 } from './audit/audit-recorded.v1';
import { Topics, TopicName } from './topics';

/** The typed event catalogue: `type` → `version` → payload class, and the topic each type is published on. */
export const EventCatalog = {
  'delegation.created': { topic: Topics.delegationEvents, versions: { 1: DelegationCreatedV1 } },
  'delegation.shared': { topic: Topics.delegationEvents, versions: { 1: DelegationSharedV1 } },
  'delegation.unshared': { topic: Topics.delegationEvents, versions: { 1: DelegationUnsharedV1 } },
  'delegation.updated': { topic: Topics.delegationEvents, versions: { 1: DelegationUpdatedV1 } },
  'delegation.status-changed': { topic: Topics.delegationEvents, versions: { 1: DelegationStatusChangedV1 } },
  'member.added': { topic: Topics.delegationEvents, versions: { 1: MemberAddedV1 } },
  'member.updated': { topic: Topics.delegationEvents, versions: { 1: MemberUpdatedV1 } },
  'member.removed': { topic: Topics.delegationEvents, versions: { 1: MemberRemovedV1 } },
  'partnership.registered': { topic: Topics.partnershipEvents, versions: { 1: PartnershipRegisteredV1 } },
  'partnership.updated': { topic: Topics.partnershipEvents, versions: { 1: PartnershipUpdatedV1 } },
  'itinerary.changed': { topic: Topics.delegationEvents, versions: { 1: ItineraryChangedV1 } },
  'participant.registered': { topic: Topics.participantEvents, versions: { 1: ParticipantRegisteredV1 } },
  'participant.updated': { topic: Topics.participantEvents, versions: { 1: ParticipantUpdatedV1 } },
  'check-in.recorded': { topic: Topics.participantEvents, versions: { 1: CheckInRecordedV1 } },
  'welfare.alert-raised': { topic: Topics.participantEvents, versions: { 1: WelfareAlertRaisedV1 } },
  'incident.opened': { topic: Topics.incidentEvents, versions: { 1: IncidentOpenedV1 } },
  'incident.reported': { topic: Topics.incidentEvents, versions: { 1: IncidentReportedV1 } },
  'incident.escalation-overdue': { topic: Topics.incidentEvents, versions: { 1: IncidentEscalationOverdueV1 } },
  'incident.closed': { topic: Topics.incidentEvents, versions: { 1: IncidentClosedV1 } },
  'organisation.registered': { topic: Topics.organisationEvents, versions: { 1: OrganisationRegisteredV1 } },
  'user.invited': { topic: Topics.organisationEvents, versions: { 1: UserInvitedV1, 2: UserInvitedV2 } },
  'membership.granted': { topic: Topics.organisationEvents, versions: { 1: MembershipGrantedV1 } },
  'membership.roles-changed': { topic: Topics.organisationEvents, versions: { 1: MembershipRolesChangedV1 } },
  'membership.removed': { topic: Topics.organisationEvents, versions: { 1: MembershipRemovedV1 } },
  'user.registered': { topic: Topics.userEvents, versions: { 1: UserRegisteredV1 } },
  'user.disabled': { topic: Topics.userEvents, versions: { 1: UserDisabledV1 } },
  'user.enabled': { topic: Topics.userEvents, versions: { 1: UserEnabledV1 } },
  'user.sessions-revoked': { topic: Topics.userEvents, versions: { 1: UserSessionsRevokedV1 } },
  'user.password-reset-requested': { topic: Topics.userEvents, versions: { 1: UserPasswordResetRequestedV1 } },
  'family.registered': { topic: Topics.familyEvents, versions: { 1: FamilyRegisteredV1 } },
  'family.updated': { topic: Topics.familyEvents, versions: { 1: FamilyUpdatedV1 } },
  'family.vetting-lapsed': { topic: Topics.familyEvents, versions: { 1: FamilyVettingLapsedV1 } },
  'family.vetting-eligible': { topic: Topics.familyEvents, versions: { 1: FamilyVettingEligibleV1 } },
  'family.vetting-expiring': { topic: Topics.familyEvents, versions: { 1: FamilyVettingExpiringV1 } },
  'family.household-review-requested': { topic: Topics.familyEvents, versions: { 1: FamilyHouseholdReviewRequestedV1 } },
  'family.household-reviewed': { topic: Topics.familyEvents, versions: { 1: FamilyHouseholdReviewedV1 } },
  'participant.travel-document-changed': { topic: Topics.participantEvents, versions: { 1: ParticipantTravelDocumentChangedV1 } },
  'participant.matching-profile-changed': { topic: Topics.participantMatchingEvents, versions: { 1: ParticipantMatchingProfileChangedV1, 2: ParticipantMatchingProfileChangedV2 } },
  'matching-run.completed': { topic: Topics.placementEvents, versions: { 1: MatchingRunCompletedV1 } },
  'offer.made': { topic: Topics.placementEvents, versions: { 1: OfferMadeV1 } },
  'offer.accepted': { topic: Topics.placementEvents, versions: { 1: OfferAcceptedV1 } },
  'offer.declined': { topic: Topics.placementEvents, versions: { 1: OfferDeclinedV1 } },
  'offer.expired': { topic: Topics.placementEvents, versions: { 1: OfferExpiredV1 } },
  'offer.withdrawn': { topic: Topics.placementEvents, versions: { 1: OfferWithdrawnV1 } },
  'placement.confirmed': { topic: Topics.placementEvents, versions: { 1: PlacementConfirmedV1 } },
  'placement.released': { topic: Topics.placementEvents, versions: { 1: PlacementReleasedV1 } },
  'placement.host-briefing': { topic: Topics.hostBriefingEvents, versions: { 1: PlacementHostBriefingV1 } },
  'guest.unplaced': { topic: Topics.placementEvents, versions: { 1: GuestUnplacedV1 } },
  'segment.booked': { topic: Topics.travelEvents, versions: { 1: SegmentBookedV1 } },
  'segment.changed': { topic: Topics.travelEvents, versions: { 1: SegmentChangedV1 } },
  'segment.cancelled': { topic: Topics.travelEvents, versions: { 1: SegmentCancelledV1 } },
  'pickup.planned': { topic: Topics.travelEvents, versions: { 1: PickupPlannedV1 } },
  'pickup.changed': { topic: Topics.travelEvents, versions: { 1: PickupChangedV1 } },
  'conflict.raised': { topic: Topics.travelEvents, versions: { 1: ConflictRaisedV1 } },
  'conflict.resolved': { topic: Topics.travelEvents, versions: { 1: ConflictResolvedV1 } },
  'lodging.assigned': { topic: Topics.travelEvents, versions: { 1: LodgingAssignedV1 } },
  'notification.delivery-failed': { topic: Topics.notificationDeliveryEvents, versions: { 1: NotificationDeliveryFailedV1 } },
  'audit.recorded': { topic: Topics.auditEvents, versions: { 1: AuditRecordedV1 } },
} as const;

export type EventType = keyof typeof EventCatalog;
type Versions<T extends EventType> = (typeof EventCatalog)[T]['versions'];
export type EventVersion<T extends EventType> = keyof Versions<T> & number;
export type PayloadOf<T extends EventType, V extends EventVersion<T>> = InstanceType<Versions<T>[V] & (new () => object)>;

/** Topic → the event types it carries (typed map). */
export type TopicPayloads = {
  [K in TopicName]: { [T in EventType as (typeof EventCatalog)[T]['topic'] extends K ? T : never]: Versions<T> };
};

export function topicOf(type: EventType): TopicName {
  return EventCatalog[type].topic;
}

export function payloadClassOf(type: string, version: number): (new () => object) | undefined {
  const entry = (EventCatalog as Record<string, { versions: Record<number, new () => object> }>)[type];
  return entry?.versions[version];
}
