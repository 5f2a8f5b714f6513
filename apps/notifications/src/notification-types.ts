/**
 * Every kind of notification Twinning sends (issue #7): its opt-out category, whether it is safety-critical (always
 * sent, never opted out, never folded into a digest) and whether several due for one person on one day may be folded
 * into one daily digest. One template per type and locale lives under apps/notifications/templates/<locale>/<type>.
 */
export const NOTIFICATION_TYPES = {
  invitation: { category: 'account', safety: false, digestible: false },
  // asked for by the person themselves, now: an opt-out or a digest would only lock them out of their account
  'password-reset': { category: 'account', safety: true, digestible: false },
  'delegation-confirmed': { category: 'delegations', safety: false, digestible: false },
  'delegation-changed': { category: 'delegations', safety: false, digestible: false },
  'delegation-cancelled': { category: 'delegations', safety: true, digestible: false },
  'itinerary-changed': { category: 'itinerary', safety: false, digestible: false },
  'welfare-alert': { category: 'safety', safety: true, digestible: false },
  'incident-escalation': { category: 'safety', safety: true, digestible: false },
  'offer-made': { category: 'offers', safety: false, digestible: false },
  'offer-reminder': { category: 'offers', safety: false, digestible: true },
  'offer-accepted': { category: 'offers', safety: false, digestible: false },
  'offer-declined': { category: 'offers', safety: false, digestible: false },
  'offer-expired': { category: 'offers', safety: false, digestible: false },
  'offer-withdrawn': { category: 'offers', safety: false, digestible: false },
  'offer-rematched': { category: 'offers', safety: false, digestible: false },
  'welcome-packet-host': { category: 'placements', safety: false, digestible: false },
  'welcome-packet-guest': { category: 'placements', safety: false, digestible: false },
  'vetting-expiring': { category: 'vetting', safety: false, digestible: true },
  // a safeguarding gate waits on the youth manager: never opted out, never held back for a digest
  'household-review': { category: 'vetting', safety: true, digestible: false },
  'travel-changed': { category: 'travel', safety: false, digestible: false },
  'pickup-planned': { category: 'travel', safety: false, digestible: false },
  'conflict-raised': { category: 'logistics', safety: false, digestible: false },
  'delivery-failed': { category: 'system', safety: false, digestible: false },
  digest: { category: 'digest', safety: false, digestible: false },
} as const;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const CATEGORIES = [...new Set(Object.values(NOTIFICATION_TYPES).map((t) => t.category))];
export const SHIPPED_LOCALES = ['en', 'es', 'zh'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];
