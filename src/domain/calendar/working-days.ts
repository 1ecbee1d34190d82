// Working days: Monday to Friday, not an England and Wales bank holiday. Used for statutory
// timescales (assessments within 45 working days, conferences within 15) and for windows such
// as factual accuracy (5 working days). All dates are ISO strings (YYYY-MM-DD).
import { bankHolidays } from './bank-holidays.js';

const DAY = 86_400_000;

function toTime(isoDate: string): number {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return t;
}

function toIso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function isWorkingDay(isoDate: string): boolean {
  const t = toTime(isoDate);
  const wd = new Date(t).getUTCDay();
  if (wd === 0 || wd === 6) return false;
  return !bankHolidays(new Date(t).getUTCFullYear()).has(toIso(t));
}

/**
 * Working days from `start` to `end`, counting `end` but not `start` (so a referral on Monday
 * assessed on Tuesday took 1 working day; the same day is 0). Negative when `end` is before `start`.
 * This is the Department for Education's convention for assessment and conference timescales.
 */
export function workingDaysBetween(start: string, end: string): number {
  const a = toTime(start);
  const b = toTime(end);
  if (b < a) return -workingDaysBetween(end, start);
  let count = 0;
  for (let t = a + DAY; t <= b; t += DAY) if (isWorkingDay(toIso(t))) count += 1;
  return count;
}

/** The date `days` working days after `start` (start itself not counted). */
export function addWorkingDays(start: string, days: number): string {
  if (days < 0) throw new RangeError('days must not be negative');
  let t = toTime(start);
  let left = days;
  while (left > 0) {
    t += DAY;
    if (isWorkingDay(toIso(t))) left -= 1;
  }
  return toIso(t);
}
