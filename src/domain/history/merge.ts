// How rows about the same real event combine, whichever file and whichever order they come in.
//
// Identity: an event is its LA, its kind and its start date (the first day of fieldwork). The
// kind is "inspection" for every graded inspection, so that a file that says "short" and one
// that says only "inspection" describe one event, and a file that says "short" where another
// says "standard" produces a reported conflict rather than a duplicate.
//
// Combining: a blank never erases a value, and a value fills a blank (a scraped end date fills
// the gap in Ofsted's statistics; Ofsted's grades fill the gaps in an unreadable report). When
// two sources disagree about a value, the more authoritative source wins (Ofsted's official
// statistics over the scraped report data), and at equal authority the value already held
// stays. Every disagreement is reported as a conflict, whichever value was kept, so nothing is
// overwritten silently. So importing Ofsted's files and the scrape gives the same result in
// either order; only between two files of equal authority does the first one's value stand.
import { frameworkFor, isGraded, refineActivityType } from './frameworks.js';
import {
  historySources,
  judgementKeys,
  type Grades,
  type HistoryActivityType,
  type HistoryEvent,
  type HistorySource,
  type ParsedHistoryEvent,
} from './types.js';

export interface HistoryConflict {
  sourceKey: string;
  laId: string;
  startDate: string;
  /** activityType, endDate, publicationDate, theme, or grades.<judgement>. */
  field: string;
  existing: string;
  incoming: string;
  kept: 'existing' | 'incoming';
  /** Where the incoming value came from. */
  file: string;
  row: number;
}

export function sourceKeyFor(
  laId: string,
  activityType: HistoryActivityType,
  startDate: string,
): string {
  return `${laId}/${isGraded(activityType) ? 'inspection' : activityType}/${startDate}`;
}

const rank = (s: HistorySource): number => historySources.indexOf(s);

export function mergeEvent(
  existing: HistoryEvent,
  incoming: ParsedHistoryEvent,
): { merged: HistoryEvent; conflicts: HistoryConflict[] } {
  const conflicts: HistoryConflict[] = [];
  const incomingWins = rank(incoming.source) > rank(existing.source);
  const choose = <T extends string>(field: string, a: T | null, b: T | null): T | null => {
    if (a === null) return b;
    if (b === null || a === b) return a;
    conflicts.push({
      sourceKey: existing.sourceKey,
      laId: existing.laId,
      startDate: existing.startDate,
      field,
      existing: a,
      incoming: b,
      kept: incomingWins ? 'incoming' : 'existing',
      file: incoming.file,
      row: incoming.row,
    });
    return incomingWins ? b : a;
  };

  // A named kind of inspection is more complete than "inspection", so it fills that gap.
  const generic = (t: HistoryActivityType) => (t === 'judgement_inspection' ? null : t);
  const activityType =
    choose('activityType', generic(existing.activityType), generic(incoming.activityType)) ??
    existing.activityType;
  const grades: Grades = {};
  for (const key of judgementKeys) {
    const g = choose(`grades.${key}`, existing.grades[key] ?? null, incoming.grades[key] ?? null);
    if (g) grades[key] = g;
  }
  const frameworkId = frameworkFor(existing.startDate, activityType);
  const merged: HistoryEvent = {
    sourceKey: existing.sourceKey,
    laId: existing.laId,
    activityType: refineActivityType(activityType, frameworkId),
    frameworkId,
    startDate: existing.startDate,
    endDate: choose('endDate', existing.endDate, incoming.endDate),
    publicationDate: choose('publicationDate', existing.publicationDate, incoming.publicationDate),
    theme: choose('theme', existing.theme, incoming.theme),
    grades,
    source: incomingWins ? incoming.source : existing.source,
  };
  return { merged, conflicts };
}

/** Whether two versions of an event would store the same row. */
export function sameEvent(a: HistoryEvent, b: HistoryEvent): boolean {
  return (
    a.activityType === b.activityType &&
    a.frameworkId === b.frameworkId &&
    a.endDate === b.endDate &&
    a.publicationDate === b.publicationDate &&
    a.theme === b.theme &&
    a.source === b.source &&
    judgementKeys.every((k) => (a.grades[k] ?? null) === (b.grades[k] ?? null))
  );
}

/** Folds the rows of one file that describe the same event into one event each. */
export function combineEvents(events: readonly ParsedHistoryEvent[]): {
  events: ParsedHistoryEvent[];
  conflicts: HistoryConflict[];
} {
  const byKey = new Map<string, ParsedHistoryEvent>();
  const conflicts: HistoryConflict[] = [];
  for (const e of events) {
    const prior = byKey.get(e.sourceKey);
    if (!prior) {
      byKey.set(e.sourceKey, e);
      continue;
    }
    const { merged, conflicts: found } = mergeEvent(prior, e);
    conflicts.push(...found);
    byKey.set(e.sourceKey, { ...merged, file: prior.file, row: prior.row });
  }
  return { events: [...byKey.values()], conflicts };
}
