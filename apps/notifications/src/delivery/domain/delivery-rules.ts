import { isFoldable, NOTIFICATION_TYPES, NotificationType, SHIPPED_LOCALES, ShippedLocale } from '../../notification-types';

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'skipped', 'digested', 'read'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const CHANNELS = ['email', 'in-app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Longest wait between two attempts, whatever the base and the attempt count. */
export const MAX_RETRY_DELAY_MS = 6 * 3600_000;

/** `zh-CN` → `zh`, `es` → `es`, `ps` → null: the shipped locale a language tag falls to, if any. */
export function shippedLocaleOf(tag: string | null | undefined): ShippedLocale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  const exact = SHIPPED_LOCALES.find((l) => l === lower);
  if (exact) return exact;
  const base = lower.split(/[-_]/)[0];
  return SHIPPED_LOCALES.find((l) => l === base) ?? null;
}

/**
 * The locale to render in: the recipient's preferred language if shipped (kept as written, `es-MX`, so dates follow
 * the regional variant), else their organisation's default if shipped, else English.
 */
export function chooseLocale(recipient: { language: string | null; organisationDefaultLanguage: string | null } | null): string {
  for (const tag of [recipient?.language, recipient?.organisationDefaultLanguage]) if (shippedLocaleOf(tag)) return tag!.trim();
  return 'en';
}

/** What a digest lists of a folded notification besides its subject: the first link of its data and its due time. */
export function digestFieldsOf(data: Record<string, unknown>): { link: string | null; dueAt: string | null } {
  const link = Object.entries(data).find(([k, v]) => /url$/i.test(k) && typeof v === 'string' && v.length > 0)?.[1] as string | undefined;
  const due = [data.dueAt, data.deadline].find((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && v.includes('T')) as string | undefined;
  return { link: link ?? null, dueAt: due ? new Date(due).toISOString() : null };
}

/** Wait before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped. */
export function retryDelayMs(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

export interface ChannelPlan {
  channel: Channel;
  status: 'queued' | 'sent' | 'skipped';
  reason: string | null;
  /** email of a digestible type: waits for the digest of that day */
  digest: boolean;
  /** email of a foldable type (a problem): waits for the close of its (recipient, delegation) window */
  fold: boolean;
}

/**
 * What happens on each channel of one notification: an opted-out category is `skipped` on every channel (never a
 * safety type); an email without an address is `skipped`; an email is `queued` (digestible types wait for the
 * digest, foldable ones for their window); an in-app notice is in the feed at once (`sent`).
 */
export function planChannels(type: NotificationType, channels: readonly Channel[], optOuts: readonly string[], email: string | null): ChannelPlan[] {
  const info = NOTIFICATION_TYPES[type];
  const optedOut = !info.safety && optOuts.includes(info.category);
  return [...new Set(channels)].map((channel) => {
    if (optedOut) return { channel, status: 'skipped', reason: `the recipient opted out of ${info.category}`, digest: false, fold: false };
    if (channel === 'in-app') return { channel, status: 'sent', reason: null, digest: false, fold: false };
    if (!email) return { channel, status: 'skipped', reason: 'no email address known for the recipient', digest: false, fold: false };
    // a safety message is never held back, whatever the table says
    return { channel, status: 'queued', reason: null, digest: info.digestible && !info.safety, fold: isFoldable(type) };
  });
}

/** The UTC calendar day of an instant (the digest groups a person's digestible emails by it). */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Whether a person's pending digestible emails of `day` are due: `delayMs` after the first of them, or once that day
 * is over (UTC).
 */
export function digestDue(day: string, firstAt: Date, now: Date, delayMs: number): boolean {
  return day < dayOf(now) || firstAt.getTime() + delayMs <= now.getTime();
}

/** An error as one short line for `last_error`. */
export function errorLine(e: unknown): string {
  const err = e as { message?: string; responseCode?: number; code?: string };
  const line = [err.code, err.responseCode, err.message ?? String(e)].filter((x) => x !== undefined && x !== '').join(' ');
  return line.replace(/\s+/g, ' ').slice(0, 1000);
}

/**
 * The lines a folded message lists, in the order they were raised, each about `item` (a conflict's stable key): a
 * problem raised again within the same window (resolved and raised anew) is listed once. Compared by the key, never
 * by the text.
 */
export function distinctLines<T extends { item: string | null }>(lines: readonly T[]): T[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    if (l.item === null) return true;
    if (seen.has(l.item)) return false;
    seen.add(l.item);
    return true;
  });
}
