import { stringify } from 'csv-stringify/sync';

/** One cell of a CSV row: text, a number, or empty (null and undefined are written as an empty cell). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * The one way the system writes CSV (lint refuses csv-stringify anywhere else). Every export carries text that
 * people outside the organisation typed (a family's name, a carrier, a booking reference), and a spreadsheet runs a
 * cell that starts with `=`, `+`, `-` or `@` (or tab, CR, or their full-width forms) as a formula: a family named
 * `=HYPERLINK("https://evil.example","Open")` becomes a link in the coordinator's sheet. csv-stringify's
 * `escape_formulas` makes such a cell inert by putting an apostrophe before it, the common defence (OWASP's CSV
 * injection advice); the cell still shows what was typed.
 */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((r) => r.map((c) => c ?? '')), { header: true, columns: [...columns], escape_formulas: true });
}
