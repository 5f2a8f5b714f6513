/** Where a picked-up member is driven (pure). */

export interface DropOff {
  kind: 'homestay' | 'hotel' | 'unknown';
  label: string;
  address: string | null;
}

export interface DropOffSources {
  lodgingNeed: string;
  /** the member's confirmed host-family placement */
  placement?: { familyName: string; address: string; stayFrom: string; stayTo: string };
  /** the member's hotel stays */
  hotelStays: { hotel: string; address: string | null; checkIn: string; checkOut: string }[];
  /** the delegation's hotel from the pickup settings */
  settingsHotel: { name: string; address: string | null } | null;
}

/**
 * First the host family of a confirmed placement (homestay), else a hotel stay (the one covering the arrival night,
 * else the earliest), else for a member lodged in a hotel the delegation's hotel from the settings, else unknown.
 */
export function dropOffOf(src: DropOffSources, arrivalDate: string): DropOff {
  if (src.placement) return { kind: 'homestay', label: `${src.placement.familyName} family`, address: src.placement.address };
  const stays = [...src.hotelStays].sort((a, b) => a.checkIn.localeCompare(b.checkIn));
  const stay = stays.find((s) => s.checkIn <= arrivalDate && arrivalDate < s.checkOut) ?? stays[0];
  if (stay) return { kind: 'hotel', label: stay.hotel, address: stay.address };
  if (src.lodgingNeed === 'hotel' && src.settingsHotel) return { kind: 'hotel', label: src.settingsHotel.name, address: src.settingsHotel.address };
  return { kind: 'unknown', label: 'unknown', address: null };
}

export const dropOffKey = (d: DropOff) => `${d.kind}|${d.label}|${d.address ?? ''}`;

/** Members grouped by drop-off point, in first-seen order (as pickup events carry them). */
export function groupDropOffs(members: { memberId: string; dropOff: DropOff }[]): (DropOff & { memberIds: string[] })[] {
  const groups = new Map<string, DropOff & { memberIds: string[] }>();
  for (const m of members) {
    const k = dropOffKey(m.dropOff);
    const g = groups.get(k) ?? { ...m.dropOff, memberIds: [] };
    g.memberIds.push(m.memberId);
    groups.set(k, g);
  }
  return [...groups.values()];
}
