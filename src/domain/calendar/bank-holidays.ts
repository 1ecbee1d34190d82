// England and Wales bank holidays, computed from the rules in the Banking and Financial Dealings
// Act 1971 and the royal proclamations that moved or added days. Computing them (rather than
// shipping gov.uk's JSON) keeps working-day arithmetic right for any year an Annex A or a report
// window can touch. Dates are ISO strings (YYYY-MM-DD) in the local calendar, no time zones.

/** One-off changes by proclamation: days added, and regular days moved to another date. */
const ADDED: Record<number, string[]> = {
  2002: ['2002-06-03', '2002-06-04'], // Golden Jubilee: spring holiday moved, plus an extra day
  2011: ['2011-04-29'], // Royal wedding
  2012: ['2012-06-04', '2012-06-05'], // Diamond Jubilee
  2020: ['2020-05-08'], // VE Day 75: early May holiday moved from Monday 4 May
  2022: ['2022-06-02', '2022-06-03', '2022-09-19'], // Platinum Jubilee; the Queen's funeral
  2023: ['2023-05-08'], // Coronation of King Charles III
};
/** Regular holidays that the years above replaced (spring or early May moved). */
const REMOVED: Record<number, string[]> = {
  2002: ['2002-05-27'],
  2012: ['2012-05-28'],
  2020: ['2020-05-04'],
  2022: ['2022-05-30'],
};

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function weekday(y: number, m: number, d: number): number {
  return utc(y, m, d).getUTCDay();
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(y: number, m: number): string {
  const offset = (8 - weekday(y, m, 1)) % 7;
  return iso(y, m, 1 + offset);
}

function lastMonday(y: number, m: number): string {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const offset = (weekday(y, m, last) + 6) % 7;
  return iso(y, m, last - offset);
}

/** New Year's Day with its substitute when it falls at a weekend. */
function newYear(y: number): string {
  const wd = weekday(y, 1, 1);
  return iso(y, 1, wd === 6 ? 3 : wd === 0 ? 2 : 1);
}

/** Christmas Day and Boxing Day, with substitute days when they fall at a weekend. */
function christmas(y: number): string[] {
  const wd = weekday(y, 12, 25);
  if (wd === 5) return [iso(y, 12, 25), iso(y, 12, 28)]; // Boxing Day on Saturday
  if (wd === 6) return [iso(y, 12, 27), iso(y, 12, 28)];
  if (wd === 0) return [iso(y, 12, 26), iso(y, 12, 27)];
  return [iso(y, 12, 25), iso(y, 12, 26)];
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return utc(y, m, d + days)
    .toISOString()
    .slice(0, 10);
}

const cache = new Map<number, ReadonlySet<string>>();

/** The bank holidays of England and Wales in a year (1978 onwards, when early May was added). */
export function bankHolidays(year: number): ReadonlySet<string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const days = new Set<string>([
    newYear(year),
    addDays(easter, -2),
    addDays(easter, 1),
    year === 1995 ? '1995-05-08' : firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmas(year),
  ]);
  if (year === 1995) days.delete(firstMonday(year, 5));
  for (const removed of REMOVED[year] ?? []) days.delete(removed);
  for (const added of ADDED[year] ?? []) days.add(added);
  cache.set(year, days);
  return days;
}
