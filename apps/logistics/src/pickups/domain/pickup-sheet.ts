import { writeCsv } from '@twinning/platform-csv';

/** The printable pickup sheet (pure): one row per member, runs numbered in meeting-time order. */
export interface SheetRow {
  run: number; runId: string; airport: string; meetingLocal: string; timeZone: string; driver: string; seats: number;
  member: string; minor: boolean; flight: string; from: string; landsLocal: string; waitMinutes: number; dropOff: string; dropOffAddress: string; safeguarding: string;
}

export interface PickupSheet { delegationTitle: string; rows: SheetRow[] }

const COLUMNS = ['run', 'airport', 'meeting', 'timeZone', 'driver', 'seats', 'member', 'minor', 'flight', 'from', 'lands', 'waitMinutes', 'dropOff', 'dropOffAddress', 'safeguarding'];

const hm = (local: string) => local.replace('T', ' ').slice(0, 16);

export function pickupSheetCsv(sheet: PickupSheet): string {
  return writeCsv(COLUMNS, sheet.rows.map((r) => [r.run, r.airport, hm(r.meetingLocal), r.timeZone, r.driver, r.seats, r.member, r.minor ? 'yes' : 'no', r.flight, r.from,
    hm(r.landsLocal), Math.round(r.waitMinutes), r.dropOff, r.dropOffAddress, r.safeguarding]));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained page that prints well: one table per run (no scripts, no external resources; its own policy in a meta tag says so wherever it is opened: the web app opens it from a blob URL, where the answer's headers no longer apply). */
export function pickupSheetHtml(sheet: PickupSheet): string {
  const e = escapeHtml;
  const runs = new Map<number, SheetRow[]>();
  for (const r of sheet.rows) runs.set(r.run, [...(runs.get(r.run) ?? []), r]);
  const sections = [...runs.entries()].map(([n, rows]) => {
    const r = rows[0];
    return `<section><h2>Run ${n}: ${e(r.airport)}, meet at ${e(hm(r.meetingLocal))} (${e(r.timeZone)})</h2><p>Driver: ${e(r.driver)}; ${r.seats} seats. Safeguarding: ${e(r.safeguarding)}</p>`
      + `<table><thead><tr><th scope="col">Member</th><th scope="col">Minor</th><th scope="col">Flight</th><th scope="col">From</th><th scope="col">Lands</th><th scope="col">Waits (min)</th><th scope="col">Drop-off</th><th scope="col">Address</th></tr></thead><tbody>`
      + rows.map((m) => `<tr><td>${e(m.member)}</td><td>${m.minor ? 'yes' : 'no'}</td><td>${e(m.flight)}</td><td>${e(m.from)}</td><td>${e(hm(m.landsLocal))}</td><td>${Math.round(m.waitMinutes)}</td><td>${e(m.dropOff)}</td><td>${e(m.dropOffAddress)}</td></tr>`).join('')
      + `</tbody></table></section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"><title>Airport pickups: ${e(sheet.delegationTitle)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}section{page-break-inside:avoid}</style>
</head><body><main><h1>Airport pickups: ${e(sheet.delegationTitle)}</h1>
${sections || '<p>No pickup runs planned.</p>'}
</main></body></html>
`;
}
