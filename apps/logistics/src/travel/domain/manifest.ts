import { CsvCell, writeCsv } from '@twinning/platform-csv';

export type ManifestKind = 'arrivals' | 'departures';

/** One traveller of a segment, by name (from the participants the roster knows). */
export interface Traveller { memberId: string; name: string }

/** A segment as a manifest sees it: the end at the airport of interest (arrival airport for arrivals, departure airport for departures). */
export interface ManifestSegment {
  segmentId: string;
  mode: string;
  carrier: string | null;
  number: string | null;
  status: string;
  bookingReference: string | null;
  /** where the manifest's event happens (the airport or station of the arrival, or of the departure) */
  place: { code: string; name: string; timeZone: string };
  /** the other end (where it comes from, or where it goes) */
  otherEnd: { code: string; name: string };
  at: Date;
  local: string;
  travellers: Traveller[];
}

export interface ManifestEntry {
  time: string; local: string; at: string; segmentId: string; mode: string; carrier: string | null; number: string | null; status: string; bookingReference: string | null;
  from: string; to: string; otherEnd: string; travellers: Traveller[]; count: number;
}

export interface Manifest {
  kind: ManifestKind;
  delegation: { id: string; title: string; hostCity: string; startDate: string; endDate: string };
  days: { date: string; airports: { code: string; name: string; timeZone: string; entries: ManifestEntry[]; count: number }[]; count: number }[];
  total: number;
}

/** Arrivals or departures grouped by the local date at the airport, then airport (code), then time (the UTC instant). */
export function buildManifest(kind: ManifestKind, delegation: Manifest['delegation'], segments: readonly ManifestSegment[]): Manifest {
  const sorted = [...segments].sort((a, b) => a.local.slice(0, 10).localeCompare(b.local.slice(0, 10)) || a.place.code.localeCompare(b.place.code)
    || a.at.getTime() - b.at.getTime() || a.segmentId.localeCompare(b.segmentId));
  const days: Manifest['days'] = [];
  for (const s of sorted) {
    const date = s.local.slice(0, 10);
    let day = days[days.length - 1];
    if (!day || day.date !== date) days.push((day = { date, airports: [], count: 0 }));
    let airport = day.airports[day.airports.length - 1];
    if (!airport || airport.code !== s.place.code) day.airports.push((airport = { code: s.place.code, name: s.place.name, timeZone: s.place.timeZone, entries: [], count: 0 }));
    const travellers = [...s.travellers].sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
    airport.entries.push({
      time: s.local.slice(11, 16), local: s.local, at: s.at.toISOString(), segmentId: s.segmentId, mode: s.mode, carrier: s.carrier, number: s.number, status: s.status,
      bookingReference: s.bookingReference, from: kind === 'arrivals' ? s.otherEnd.code : s.place.code, to: kind === 'arrivals' ? s.place.code : s.otherEnd.code,
      otherEnd: s.otherEnd.name, travellers, count: travellers.length,
    });
    airport.count += travellers.length;
    day.count += travellers.length;
  }
  return { kind, delegation, days, total: days.reduce((n, d) => n + d.count, 0) };
}

const COLUMNS = ['date', 'airport', 'airport_name', 'time', 'time_zone', 'utc', 'mode', 'carrier', 'number', 'from', 'to', 'status', 'booking_reference', 'traveller'];

/** One row per traveller, in manifest order. */
export function manifestCsv(m: Manifest): string {
  const rows: CsvCell[][] = [];
  for (const d of m.days) for (const a of d.airports) for (const e of a.entries) for (const t of e.travellers) {
    rows.push([d.date, a.code, a.name, e.time, a.timeZone, e.at, e.mode, e.carrier ?? '', e.number ?? '', e.from, e.to, e.status, e.bookingReference ?? '', t.name]);
  }
  return writeCsv(COLUMNS, rows);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained printable page: one section per day, one table per airport (no scripts, no external resources; its own policy in a meta tag says so wherever it is opened: the web app opens it from a blob URL, where the answer's headers no longer apply). */
export function manifestHtml(m: Manifest): string {
  const e = escapeHtml;
  const title = `${m.kind === 'arrivals' ? 'Arrivals' : 'Departures'}: ${m.delegation.title}`;
  const otherHead = m.kind === 'arrivals' ? 'From' : 'To';
  const days = m.days.map((d) => `<section><h2>${e(d.date)}</h2>${d.airports.map((a) => `<h3>${e(a.code)} ${e(a.name)} <small>(${e(a.timeZone)})</small></h3><table><thead><tr><th scope="col">Time</th><th scope="col">${otherHead}</th><th scope="col">Carrier</th><th scope="col">Number</th><th scope="col">Status</th><th scope="col">Booking</th><th scope="col">Travellers</th></tr></thead><tbody>${a.entries
    .map((x) => `<tr><td>${e(x.time)}</td><td>${e(m.kind === 'arrivals' ? x.from : x.to)} ${e(x.otherEnd)}</td><td>${e(x.carrier ?? x.mode)}</td><td>${e(x.number ?? '')}</td><td>${e(x.status)}</td><td>${e(x.bookingReference ?? '')}</td><td>${x.travellers.map((t) => e(t.name)).join('<br>')}</td></tr>`)
    .join('')}</tbody></table>`).join('')}</section>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"><title>${e(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}section{page-break-inside:avoid}</style>
</head><body><main><h1>${e(title)}</h1><p>${e(m.delegation.hostCity)}, ${e(m.delegation.startDate)} to ${e(m.delegation.endDate)}; local times at each airport; ${m.total} traveller(s)</p>
${days || '<p>None yet.</p>'}
</main></body></html>
`;
}
