// Reading the individual cell values of Ofsted's files and the scraped data, which spell the same
// things differently ("Requires improvement to be good" / "requires improvement"; 05/11/2018 /
// 05/11/18). Each reader returns a value, "absent", or a reason the value is not acceptable.
import type { GradeKey, HistoryActivityType } from './types.js';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Collapses whitespace and case so that labels compare reliably. */
export function tidy(raw: string | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as YYYY-MM-DD, or null if blank. Accepts 31/12/2024, 31/12/24 (the scrape's publication
 * dates; two-digit years are 20xx), 2024-12-31 and "31 December 2024".
 */
export function readDate(raw: string | undefined): Read<string | null> {
  const s = tidy(raw);
  if (s === '') return ok(null);
  let y: number, m: number, d: number;
  let match: RegExpMatchArray | null;
  if ((match = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
    if ((match[3] ?? '').length === 2) y += 2000;
  } else if ((match = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = s.match(/^(\d{1,2}) ([A-Za-z]+) (\d{4})$/))) {
    d = Number(match[1]);
    m = MONTHS.indexOf((match[2] ?? '').slice(0, 3).toLowerCase()) + 1;
    y = Number(match[3]);
    if (m === 0) return bad('not a date (expected DD/MM/YYYY)');
  } else {
    return bad('not a date (expected DD/MM/YYYY)');
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return bad('no such day in the calendar');
  }
  if (y < 2000 || y > 2100) return bad('the year is out of range');
  return ok(date.toISOString().slice(0, 10));
}

/**
 * A fieldwork period as reports print it: "13 November 2017 to 24 November 2017",
 * "6 July 2015 – 30 July 2015", "28 April–9 May 2014", "9–24 November 2017": the start may leave
 * out the year, or the month and year, that it shares with the end.
 */
export function readDateRange(
  raw: string | undefined,
): Read<{ start: string; end: string | null } | null> {
  const s = tidy(raw);
  if (s === '') return ok(null);
  // Fieldwork in two blocks, "19 November-11 December 2013 and 28 – 30" (Sheffield's SIF; the
  // extract cut off the second block's month): the first block, which is complete, is the period.
  const blocks = s.split(/\s+and\s+/);
  if (blocks.length > 1) {
    const first = readDateRange(blocks[0]);
    if (first.ok && first.value) return first;
  }
  // An extract that kept a single date ("28 July 2016"): the only known day of fieldwork is taken
  // as its start (an event needs one), and the end stays unknown.
  const single = readDate(s);
  if (single.ok && single.value) return ok({ start: single.value, end: null });
  const parts = s.split(/\s*[–—─-]\s*|\s+to\s+/);
  if (parts.length !== 2) return bad('not a period (expected "1 May 2015 to 22 May 2015")');
  const [from = '', to = ''] = parts;
  const end = readDate(to);
  if (!end.ok || end.value === null) return bad('the end of the period is not a date');
  const [, endMonth = '', endYear = ''] = to.split(' ');
  const startText = /^\d{1,2}$/.test(from)
    ? `${from} ${endMonth} ${endYear}`
    : /^\d{1,2} [A-Za-z]+$/.test(from)
      ? `${from} ${endYear}`
      : from;
  let start = readDate(startText);
  // "14 December – 9 January 2015": a start without a year is in the year before if need be.
  if (start.ok && start.value && start.value > end.value && startText !== from) {
    start = readDate(`${from} ${Number(endYear) - 1}`);
  }
  if (!start.ok || start.value === null) return bad('the start of the period is not a date');
  if (start.value > end.value) return bad('the period ends before it starts');
  return ok({ start: start.value, end: end.value });
}

// Values that mean "no grade here" rather than a grade: blank cells, and the scrape's markers for
// a report it could not read, a judgement that did not exist yet, and the post-2026 absence of an
// overall grade.
const NO_GRADE = new Set([
  '',
  '-',
  'n/a',
  'na',
  'not applicable',
  'data_unreadable',
  'inspection_pre_dates_judgement',
  'not_reported_post_reform',
]);

const GRADES: Record<string, GradeKey> = {
  outstanding: 'outstanding',
  '1': 'outstanding',
  good: 'good',
  '2': 'good',
  'requires improvement to be good': 'requires_improvement',
  'requires improvement': 'requires_improvement',
  ri: 'requires_improvement',
  '3': 'requires_improvement',
  inadequate: 'inadequate',
  '4': 'inadequate',
};

/** A grade key, null when the cell holds no grade, or the reason the label is not a grade. */
export function readGrade(raw: string | undefined): Read<GradeKey | null> {
  const s = tidy(raw).toLowerCase();
  if (NO_GRADE.has(s)) return ok(null);
  const grade = GRADES[s];
  if (grade) return ok(grade);
  // The scraper sometimes cuts "Requires improvement to be good" into fragments such as
  // "to requires improvement"; only one grade contains those words, so the meaning is certain.
  if (/\brequires improvement\b/.test(s)) return ok('requires_improvement');
  return bad('not a grade (expected outstanding, good, requires improvement or inadequate)');
}

const TYPES: Record<string, HistoryActivityType> = {
  'standard inspection': 'standard_inspection',
  standard: 'standard_inspection',
  'short inspection': 'short_inspection',
  short: 'short_inspection',
  'focused visit': 'focused_visit',
  'monitoring visit': 'monitoring_visit',
  'single inspection': 'sif_inspection',
  'single inspection framework': 'sif_inspection',
  sif: 'sif_inspection',
  'sif inspection': 'sif_inspection',
  jtai: 'jtai',
  'joint targeted area inspection': 'jtai',
  // The scrape cannot tell short from standard when fieldwork ran longer than two weeks.
  'inspection duration longer than standard framework': 'judgement_inspection',
  inspection: 'judgement_inspection',
};

/** An activity type from the labels Ofsted and the scrape use ("ILACS Focused Visit", "short"). */
export function readActivityType(raw: string | undefined): Read<HistoryActivityType | null> {
  const s = tidy(raw)
    .toLowerCase()
    .replace(/^(ilacs|la|local authority)\s+/, '');
  if (s === '') return ok(null);
  const type = TYPES[s];
  return type ? ok(type) : bad('not a known type of inspection or visit');
}
