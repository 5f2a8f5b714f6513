import { DateTime } from 'luxon';

export interface NightMember { memberId: string; name: string; lodgingNeed: string }
export interface Stay { memberId: string; kind: 'hotel' | 'homestay'; place: string; room: string | null; address: string | null; from: string; to: string; ref: string }

export interface NightPlace { kind: 'hotel' | 'homestay'; place: string; room: string | null; address: string | null; stayId?: string; offerId?: string }

export interface NightEntry {
  memberId: string; name: string; lodgingNeed: string;
  /** `ok`: one place; `gap`: nowhere (and lodging is needed); `double`: more than one place; `not-needed`: lodging need `none` and nowhere */
  status: 'ok' | 'gap' | 'double' | 'not-needed';
  places: NightPlace[];
}

export interface NightsView {
  delegation: { id: string; startDate: string; endDate: string };
  nights: { date: string; members: NightEntry[]; gaps: number }[];
  /** every member night without a place */
  gaps: { date: string; memberId: string; name: string }[];
  doubles: { date: string; memberId: string; name: string }[];
}

/** The nights of a visit: each date from the first day up to the day before the last (the night of `date` to `date + 1`). */
export function nightsOf(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  const end = DateTime.fromISO(endDate, { zone: 'utc' });
  for (let d = DateTime.fromISO(startDate, { zone: 'utc' }); d < end; d = d.plus({ days: 1 })) out.push(d.toISODate()!);
  return out;
}

/**
 * Where every member sleeps each night: a stay covers the nights from its check-in (or stay-from) date up to the day
 * before its check-out (stay-to) date.
 */
export function nightByNight(delegation: NightsView['delegation'], members: readonly NightMember[], stays: readonly Stay[]): NightsView {
  const byMember = new Map<string, Stay[]>();
  for (const s of stays) byMember.set(s.memberId, [...(byMember.get(s.memberId) ?? []), s]);
  const gaps: NightsView['gaps'] = [];
  const doubles: NightsView['doubles'] = [];
  const sortedMembers = [...members].sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
  const nights = nightsOf(delegation.startDate, delegation.endDate).map((date) => {
    const entries = sortedMembers.map((m): NightEntry => {
      const places = (byMember.get(m.memberId) ?? []).filter((s) => s.from <= date && date < s.to).sort((a, b) => a.kind.localeCompare(b.kind) || a.place.localeCompare(b.place))
        .map((s): NightPlace => ({ kind: s.kind, place: s.place, room: s.room, address: s.address, ...(s.kind === 'hotel' ? { stayId: s.ref } : { offerId: s.ref }) }));
      const status = places.length > 1 ? 'double' : places.length === 1 ? 'ok' : m.lodgingNeed === 'none' ? 'not-needed' : 'gap';
      if (status === 'gap') gaps.push({ date, memberId: m.memberId, name: m.name });
      if (status === 'double') doubles.push({ date, memberId: m.memberId, name: m.name });
      return { memberId: m.memberId, name: m.name, lodgingNeed: m.lodgingNeed, status, places };
    });
    return { date, members: entries, gaps: entries.filter((e) => e.status === 'gap').length };
  });
  return { delegation, nights, gaps, doubles };
}
