/**
 * Pure rules about participants: age (minor or not), age bands for reports, and the passport rule.
 * Dates are calendar dates `YYYY-MM-DD` (no time zone: a birthday is a date, not an instant).
 */

/** Whole years between `dateOfBirth` and `on` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export function isMinorOn(dateOfBirth: string, on: string): boolean {
  return ageOn(dateOfBirth, on) < 18;
}

/**
 * Age bands of the youth-manager reports: under 12, 12–14, 15–17 (the minors, split as youth
 * programmes usually group them: children, younger and older teenagers), 18–25 (young adults, the
 * upper bound of most youth-exchange programmes) and 26+.
 */
export const AGE_BANDS = ['under-12', '12-14', '15-17', '18-25', '26+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age < 12) return 'under-12';
  if (age <= 14) return '12-14';
  if (age <= 17) return '15-17';
  if (age <= 25) return '18-25';
  return '26+';
}

/** `date` (YYYY-MM-DD) plus `months` calendar months, clamped to the month's last day (2027-08-31 + 6 → 2028-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const PASSPORT_VALIDITY_MONTHS_AFTER_DEPARTURE = 6;

export interface PassportWarning {
  code: 'PASSPORT.EXPIRES_TOO_SOON' | 'PASSPORT.MISSING';
  delegationId: string;
  departureDate: string;
  requiredValidUntil: string;
  passportExpiry: string | null;
  message: string;
}

/**
 * Many countries require a passport valid for six months beyond the stay. The departure date is
 * the delegation's last day (endDate). A passport expiring BEFORE departure + 6 months gets a
 * warning (expiring exactly on that day is fine). Cancelled and completed delegations are ignored
 * by the caller. A participant without a passport expiry on a delegation gets a PASSPORT.MISSING warning.
 */
export function passportWarnings(passportExpiry: string | null, delegations: { delegationId: string; departureDate: string }[]): PassportWarning[] {
  const out: PassportWarning[] = [];
  for (const d of delegations) {
    const requiredValidUntil = addMonths(d.departureDate, PASSPORT_VALIDITY_MONTHS_AFTER_DEPARTURE);
    if (!passportExpiry) {
      out.push({ code: 'PASSPORT.MISSING', delegationId: d.delegationId, departureDate: d.departureDate, requiredValidUntil, passportExpiry: null, message: `no passport expiry on file for the delegation departing ${d.departureDate}` });
    } else if (passportExpiry < requiredValidUntil) {
      out.push({
        code: 'PASSPORT.EXPIRES_TOO_SOON', delegationId: d.delegationId, departureDate: d.departureDate, requiredValidUntil, passportExpiry,
        message: `passport expires ${passportExpiry}, before ${requiredValidUntil} (departure ${d.departureDate} plus ${PASSPORT_VALIDITY_MONTHS_AFTER_DEPARTURE} months)`,
      });
    }
  }
  return out;
}
