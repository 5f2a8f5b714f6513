import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A real day of the calendar as YYYY-MM-DD (2027-02-28 is, 2027-02-30 is not; nor is year 0000, which JavaScript
 * knows and PostgreSQL's `date` does not).
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A date field of a body or query. A pattern alone let 2027-02-30 through to PostgreSQL, whose `date` refused it
 * with a 500; this names the field with a 400 instead.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date (YYYY-MM-DD) that exists in the calendar', ...options },
      validator: { validate: isCalendarDate },
    });
}
