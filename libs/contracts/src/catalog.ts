import { DelegationCreatedV1 } from './delegations/delegation-created.v1';
import { Topics, TopicName } from './topics';

/** The typed event catalogue: `type` → `version` → payload class, and the topic each type is published on. */
export const EventCatalog = {
  'delegation.created': { topic: Topics.delegationEvents, versions: { 1: DelegationCreatedV1 } },
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
