// The one clock of the application: every read of "now" and of "today in England" goes through
// here, so tests and demos can set it. TRIANGULATE_NOW (an ISO instant, e.g.
// 2026-11-18T09:30:00Z) starts the clock at that instant; it then advances with real elapsed
// time, so durations, idle timeouts and session expiry still behave. Tests can also set it
// directly (setClock). Calendar dates are England's (Europe/London), whatever the machine's TZ.
// Measuring how long something took may keep using performance.now(): that is not "now".

const ENGLAND = 'Europe/London';

interface SetClock {
  /** The instant the clock was set to (ms since the epoch). */
  at: number;
  /** performance.now() when it was set, to add the real time elapsed since. */
  since: number;
  frozen: boolean;
}

// undefined: not read from the environment yet; null: the machine's clock.
let setting: SetClock | null | undefined;

function parseInstant(value: string, source: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms))
    throw new Error(
      `${source} must be an ISO date or instant such as 2026-11-18T09:30:00Z; got "${value}"`,
    );
  return ms;
}

function current(): SetClock | null {
  if (setting === undefined) {
    const fromEnv = process.env.TRIANGULATE_NOW?.trim();
    setting = fromEnv
      ? { at: parseInstant(fromEnv, 'TRIANGULATE_NOW'), since: performance.now(), frozen: false }
      : null;
  }
  return setting;
}

let last = 0;

/**
 * Milliseconds since the epoch, by the application's clock. Each reading is later than the one
 * before (by a millisecond if need be): rows written one after another keep their order when
 * sorted by time, as they did with the database's microsecond now().
 */
export function nowMs(): number {
  const s = current();
  if (s?.frozen) return s.at;
  const t = s ? s.at + Math.floor(performance.now() - s.since) : Date.now();
  last = Math.max(t, last + 1);
  return last;
}

/** The current instant, by the application's clock. */
export function now(): Date {
  return new Date(nowMs());
}

/**
 * Sets the clock to an instant (it then runs on from there, unless frozen); null returns it to
 * TRIANGULATE_NOW if set, else to the machine's clock. For tests and the demo tooling.
 */
export function setClock(at: Date | string | null, options: { frozen?: boolean } = {}): void {
  last = 0;
  if (at === null) {
    setting = undefined;
    return;
  }
  const ms = typeof at === 'string' ? parseInstant(at, 'setClock') : at.getTime();
  setting = { at: ms, since: performance.now(), frozen: options.frozen ?? false };
}

const englandDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: ENGLAND,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in England (YYYY-MM-DD) of an instant. */
export function dateInEngland(at: Date): string {
  return englandDay.format(at);
}

/** Today's date in England (YYYY-MM-DD), by the application's clock. */
export function todayInEngland(): string {
  return dateInEngland(now());
}

/** The year in England, by the application's clock. */
export function yearInEngland(): number {
  return Number(todayInEngland().slice(0, 4));
}

/** An ISO date (YYYY-MM-DD) plus a number of days (negative to go back); no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday on or before an ISO date (weeks run Monday to Sunday). */
export function mondayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((day + 6) % 7));
}

const offsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ENGLAND,
  timeZoneName: 'longOffset',
});

/** England's offset from UTC at an instant, in ms (0 in winter, one hour in summer time). */
function englandOffsetMs(at: number): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** The instant a calendar day begins in England (midnight, Europe/London). */
export function startOfDayInEngland(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  const guess = utcMidnight - englandOffsetMs(utcMidnight);
  return new Date(utcMidnight - englandOffsetMs(guess));
}
