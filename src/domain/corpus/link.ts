// Linking a published report to the inspection it reports on, from the LA's history: the event
// published that day, or else the latest that started within 200 days before. The framework and
// the overall grade come from that event; without one, the framework is the one in force on the
// date (the date table below) and the grade stays unknown: a corpus never guesses a grade.
import { judgementActivityTypes, type HistoryActivityType } from '../history/types.js';
import type { CorpusKind } from './read-document.js';

export interface HistoryFacts {
  activityType: HistoryActivityType;
  frameworkId: string | null;
  startDate: string;
  publicationDate: string | null;
  grades: Partial<Record<string, string>>;
}

export interface CorpusLink {
  frameworkId: string;
  grade: string | null;
  /** Whether an event of the history matched. */
  matched: boolean;
}

/** Before the single inspection framework (November 2013). */
export const PRE_SIF = 'pre-sif';

/** The framework in force on each date (the first day of each). */
const ERAS: ReadonlyArray<readonly [string, string]> = [
  ['2026-04-01', 'ilacs-2026'],
  ['2023-01-01', 'ilacs-2023'],
  ['2018-01-01', 'ilacs-2018'],
  ['2013-11-01', 'sif-2013'],
];

export function frameworkOnDate(date: string): string {
  return ERAS.find(([from]) => date >= from)?.[1] ?? PRE_SIF;
}

const MAX_DAYS = 200;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export function linkToHistory(
  date: string,
  kind: CorpusKind,
  events: readonly HistoryFacts[],
): CorpusLink {
  const fits = events.filter((e) =>
    kind === 'report'
      ? judgementActivityTypes.includes(e.activityType)
      : !judgementActivityTypes.includes(e.activityType),
  );
  const sameDay = fits.find((e) => e.publicationDate === date);
  const before = fits
    .filter((e) => e.startDate <= date && daysBetween(e.startDate, date) <= MAX_DAYS)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const event = sameDay ?? before;
  if (!event) return { frameworkId: frameworkOnDate(date), grade: null, matched: false };
  return {
    frameworkId: event.frameworkId ?? frameworkOnDate(date),
    grade: kind === 'report' ? (event.grades.overall_effectiveness ?? null) : null,
    matched: true,
  };
}
