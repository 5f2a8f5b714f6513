import { EventType } from './catalog';

/**
 * Events about a person's account rather than an organisation's data: a user registers before belonging to
 * any organisation, a sign-out everywhere or an account email may concern no organisation, and an audit
 * entry records requests made before sign-in. Every other event belongs to exactly one organisation, which
 * every read model keys its rows by (and scopes every reader to): one without it can be stored nowhere.
 */
const ORGANISATION_OPTIONAL: ReadonlySet<EventType> = new Set<EventType>([
  'user.registered',
  'user.disabled',
  'user.enabled',
  'user.sessions-revoked',
  'user.password-reset-requested',
  'notification.delivery-failed',
  'audit.recorded',
]);

/** Whether an event of this type must name its organisation in the envelope. */
export function requiresOrganisation(type: string): boolean {
  return !ORGANISATION_OPTIONAL.has(type as EventType);
}

export const MISSING_ORGANISATION_MESSAGE = 'organisationId must be the id of the organisation the event belongs to';
