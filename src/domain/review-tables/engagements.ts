// What the 2019 ILACS review's tables (seed 002, Tables 1, 2, 3, 4 and 7) are computed from: a
// list of engagements with LAs, whichever source they came from (the published inspection history
// or Triangulate's own activities), each LA's graded inspections and the LA register. Pure: the
// caller shapes each engagement, taking days on site and team sizes from the framework files.
import { isWorkingDay, workingDaysBetween } from '../calendar/working-days.js';
import type { GradeKey } from '../history/types.js';

/** history: Ofsted's published inspection history as stored; app: Triangulate's activities. */
export const reviewSources = ['history', 'app'] as const;
export type ReviewSource = (typeof reviewSources)[number];

/**
 * 1: calendar years (the review's Tables 1, 2 and 7); 4: Ofsted's statistical year from April;
 * 9: the academic year from September (the review's SIF comparison, September 2016 to August 2017).
 */
export const yearStartMonths = [1, 4, 9] as const;
export type YearStartMonth = (typeof yearStartMonths)[number];

/** Framework families the review compares (JTAIs fall under the one in force on their date). */
export type FrameworkFamily = 'SIF' | 'ILACS';

export interface Engagement {
  laId: string;
  /** An activity type key of the framework files (focused_visit, sif_inspection, jtai, ...). */
  type: string;
  framework: FrameworkFamily;
  startDate: string;
  endDate: string | null;
  /** False for engagements off site (annual engagement meetings, self-evaluations). */
  onSite: boolean;
  /** Working days on site when the dates cannot say: the framework's fieldwork days for the type. */
  defaultDays: number | null;
  /** Inspectors on site: the activity's own team, else the framework's team size; null: unknown. */
  teamSize: number | null;
  /** A framework theme key (front_door, care_leavers, ...) or, when unmatched, the source's label. */
  theme: string | null;
  themeLabel: string | null;
}

/** A graded inspection's overall effectiveness, for "the grade at the previous inspection". */
export interface GradedEvent {
  laId: string;
  startDate: string;
  overall: GradeKey | null;
}

export interface TableLa {
  id: string;
  validFrom: string | null;
  validTo: string | null;
}

/** An area SEND inspection (Ofsted and CQC): only its LA and first day matter to Table 3. */
export interface AreaSendInspection {
  laId: string;
  startDate: string;
}

/** The period a date falls in: "2018" for calendar years, "2018-19" for years from April or September. */
export function periodOf(date: string, startMonth: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (startMonth === 1) return String(y);
  const start = m >= startMonth ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first day of the period a date falls in. */
export function periodStart(date: string, startMonth: number): string {
  const y = Number(periodOf(date, startMonth).slice(0, 4));
  return `${y}-${String(startMonth).padStart(2, '0')}-01`;
}

/** Working days (Monday to Friday, not a bank holiday) from start to end, both counted. */
export function workingDaysInclusive(start: string, end: string): number {
  if (end < start) return 0;
  return (isWorkingDay(start) ? 1 : 0) + workingDaysBetween(start, end);
}

/** Days on site: the working days the dates span, else the framework's days; 0 if not on site. */
export function daysOnSite(e: Engagement): number {
  if (!e.onSite) return 0;
  if (!e.endDate || e.endDate < e.startDate) return e.defaultDays ?? 0;
  return workingDaysInclusive(e.startDate, e.endDate) || (e.defaultDays ?? 0);
}

export const isOnSite = (e: Engagement): boolean => e.onSite;

export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((100 * n) / d));

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

export const sortedEntries = <T>(m: Map<string, T>): [string, T][] =>
  [...m].sort(([a], [b]) => a.localeCompare(b));
