/**
 * Every kind of notification Twinning sends: its opt-out category, whether it is safety-critical (always sent, never
 * opted out, never folded or delayed), whether several due for one person on one day may be folded into one daily
 * digest, and whether it is a problem that is folded per (person, delegation) and window (PROBLEM_FOLD_WINDOW_MS):
 * entering a delegation raises one per member, and a coordinator wants one message listing them, not one each.
 * One template per type and locale lives under apps/notifications/templates/<locale>/<type>.
 */
export const NOTIFICATION_TYPES = {
  invitation: { category: 'account', safety: false, digestible: false, foldable: false },
  // asked for by the person themselves, now: an opt-out or a digest would only lock them out of their account
  'password-reset': { category: 'account', safety: true, digestible: false, foldable: false },
  'delegation-confirmed': { category: 'delegations', safety: false, digestible: false, foldable: false },
  'delegation-changed': { category: 'delegations', safety: false, digestible: false, foldable: false },
  'delegation-cancelled': { category: 'delegations', safety: true, digestible: false, foldable: false },
  'itinerary-changed': { category: 'itinerary', safety: false, digestible: false, foldable: false },
  'welfare-alert': { category: 'safety', safety: true, digestible: false, foldable: false },
  'incident-escalation': { category: 'safety', safety: true, digestible: false, foldable: false },
  'offer-made': { category: 'offers', safety: false, digestible: false, foldable: false },
  'offer-reminder': { category: 'offers', safety: false, digestible: true, foldable: false },
  'offer-accepted': { category: 'offers', safety: false, digestible: false, foldable: false },
  'offer-declined': { category: 'offers', safety: false, digestible: false, foldable: false },
  'offer-expired': { category: 'offers', safety: false, digestible: false, foldable: false },
  'offer-withdrawn': { category: 'offers', safety: false, digestible: false, foldable: false },
  'offer-rematched': { category: 'offers', safety: false, digestible: false, foldable: false },
  'welcome-packet-host': { category: 'placements', safety: false, digestible: false, foldable: false },
  'welcome-packet-guest': { category: 'placements', safety: false, digestible: false, foldable: false },
  'vetting-expiring': { category: 'vetting', safety: false, digestible: true, foldable: false },
  // a safeguarding gate waits on the youth manager: never opted out, never held back for a digest
  'household-review': { category: 'vetting', safety: true, digestible: false, foldable: false },
  'travel-changed': { category: 'travel', safety: false, digestible: false, foldable: false },
  'pickup-planned': { category: 'travel', safety: false, digestible: false, foldable: false },
  'conflict-raised': { category: 'logistics', safety: false, digestible: false, foldable: true },
  // the one message listing the problems folded in one window
  'problems-folded': { category: 'logistics', safety: false, digestible: false, foldable: false },
  'delivery-failed': { category: 'system', safety: false, digestible: false, foldable: false },
  digest: { category: 'digest', safety: false, digestible: false, foldable: false },
} as const;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

/** Whether emails of `type` are folded per (person, delegation) and window; a type that does not say is not. */
export function isFoldable(type: NotificationType): boolean {
  const info: { foldable?: boolean; safety: boolean } = NOTIFICATION_TYPES[type];
  return info.foldable === true && !info.safety;
}
export const CATEGORIES = [...new Set(Object.values(NOTIFICATION_TYPES).map((t) => t.category))];
export const SHIPPED_LOCALES = ['en', 'es', 'zh'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];
