import { CsvCell, writeCsv } from '@twinning/platform-csv';

/** One guest in one family's home (the printable rooming list of a delegation). */
export interface RoomingEntry {
  familyName: string;
  address: string;
  guestName: string;
  gender: string;
  ageOnArrival: number | null;
  role: string;
  arrival: string;
  departure: string;
  /** confirmed, accepted (waiting for guardian consent), or offered (not answered yet) */
  status: string;
}

export interface RoomingList {
  delegation: { id: string; title: string; hostCity: string; startDate: string; endDate: string };
  families: { familyName: string; address: string; guests: RoomingEntry[] }[];
  /** homestay guests without an offer or placement */
  unplaced: { guestName: string; role: string }[];
}

export function roomingList(delegation: RoomingList['delegation'], entries: readonly RoomingEntry[], unplaced: RoomingList['unplaced']): RoomingList {
  const byFamily = new Map<string, RoomingList['families'][number]>();
  for (const e of [...entries].sort((a, b) => a.familyName.localeCompare(b.familyName) || a.guestName.localeCompare(b.guestName))) {
    const key = `${e.familyName}\u0000${e.address}`;
    if (!byFamily.has(key)) byFamily.set(key, { familyName: e.familyName, address: e.address, guests: [] });
    byFamily.get(key)!.guests.push(e);
  }
  return { delegation, families: [...byFamily.values()], unplaced: [...unplaced].sort((a, b) => a.guestName.localeCompare(b.guestName)) };
}

const COLUMNS = ['family', 'address', 'guest', 'gender', 'age_on_arrival', 'role', 'arrival', 'departure', 'status'];

export function roomingListCsv(list: RoomingList): string {
  const rows: CsvCell[][] = [];
  for (const f of list.families) for (const g of f.guests) rows.push([f.familyName, f.address, g.guestName, g.gender, g.ageOnArrival ?? '', g.role, g.arrival, g.departure, g.status]);
  for (const u of list.unplaced) rows.push(['', '', u.guestName, '', '', u.role, list.delegation.startDate, list.delegation.endDate, 'unplaced']);
  return writeCsv(COLUMNS, rows);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained page that prints well (one table per family, no scripts, no external resources; its own policy in a meta tag says so wherever it is opened: the web app opens it from a blob URL, where the answer's headers no longer apply). */
export function roomingListHtml(list: RoomingList): string {
  const d = list.delegation;
  const e = escapeHtml;
  const families = list.families
    .map((f) => `<section><h2>${e(f.familyName)}</h2><p>${e(f.address)}</p><table><thead><tr><th scope="col">Guest</th><th scope="col">Gender</th><th scope="col">Age on arrival</th><th scope="col">Role</th><th scope="col">Arrival</th><th scope="col">Departure</th><th scope="col">Status</th></tr></thead><tbody>${f.guests
      .map((g) => `<tr><td>${e(g.guestName)}</td><td>${e(g.gender)}</td><td>${g.ageOnArrival ?? ''}</td><td>${e(g.role)}</td><td>${e(g.arrival)}</td><td>${e(g.departure)}</td><td>${e(g.status)}</td></tr>`)
      .join('')}</tbody></table></section>`)
    .join('\n');
  const unplaced = list.unplaced.length ? `<section><h2>Not placed yet</h2><ul>${list.unplaced.map((u) => `<li>${e(u.guestName)} (${e(u.role)})</li>`).join('')}</ul></section>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"><title>Rooming list: ${e(d.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}section{page-break-inside:avoid}</style>
</head><body><main><h1>Rooming list: ${e(d.title)}</h1><p>${e(d.hostCity)}, ${e(d.startDate)} to ${e(d.endDate)}</p>
${families}
${unplaced}
</main></body></html>
`;
}
