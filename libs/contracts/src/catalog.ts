import { DelegationCreatedV1 } from './delegations/delegation-created.v1';
import { DelegationSharedV1 } from './delegations/delegation-shared.v1';
import { DelegationUnsharedV1 } from './delegations/delegation-unshared.v1';
import { MembershipGrantedV1 } from './identity/membership-granted.v1';
import { MembershipRolesChangedV1 } from './identity/membership-roles-changed.v1';
import { OrganisationRegisteredV1 } from './identity/organisation-registered.v1';
import { UserInvitedV1 } from './identity/user-invited.v1';
import { UserRegisteredV1 } from './identity/user-registered.v1';
import { Topics, TopicName } from './topics';

/** The typed event catalogue: `type` → `version` → payload class, and the topic each type is published on. */
export const EventCatalog = {
  'delegation.created': { topic: Topics.delegationEvents, versions: { 1: DelegationCreatedV1 } },
  'delegation.shared': { topic: Topics.delegationEvents, versions: { 1: DelegationSharedV1 } },
  'delegation.unshared': { topic: Topics.delegationEvents, versions: { 1: DelegationUnsharedV1 } },
  'organisation.registered': { topic: Topics.organisationEvents, versions: { 1: OrganisationRegisteredV1 } },
  'user.invited': { topic: Topics.organisationEvents, versions: { 1: UserInvitedV1 } },
  'membership.granted': { topic: Topics.organisationEvents, versions: { 1: MembershipGrantedV1 } },
  'membership.roles-changed': { topic: Topics.organisationEvents, versions: { 1: MembershipRolesChangedV1 } },
  'user.registered': { topic: Topics.userEvents, versions: { 1: UserRegisteredV1 } },
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
