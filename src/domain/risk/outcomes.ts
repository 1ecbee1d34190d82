// Inspection and visit outcomes as intelligence entries: what an entry made from an event of the
// inspection history says (its kind, title, summary, date and source). Outcomes are public, so
// the entries are standard and shared with the LA.
import {
  activityTypeLabels,
  gradeLabels,
  judgementKeys,
  judgementLabels,
  type GradeKey,
  type HistoryEvent,
  type HistoryActivityType,
} from '../history/types.js';
import type { IntelligenceKind } from './intelligence.js';

export interface OutcomeEntry {
  kind: IntelligenceKind;
  title: string;
  summary: string;
  receivedOn: string;
  source: string;
}

const sourceLabels: Record<string, string> = {
  'sif-extract': 'Inspection history (SIF grades from the reports)',
  'd2i-scrape': 'Inspection history (published ILACS reports)',
  'ofsted-mi': 'Inspection history (Ofsted management information)',
  triangulate: 'Published in Triangulate',
};

/** The title of an outcome: the kind of activity, its theme and the overall grade if any. */
export function outcomeTitle(
  activityType: string,
  theme: string | null,
  grades: Partial<Record<string, string>>,
): string {
  const label = activityTypeLabels[activityType as HistoryActivityType] ?? activityType;
  const overall = grades.overall_effectiveness as GradeKey | undefined;
  return `${label}${theme ? `: ${theme}` : ''}${
    overall ? ` (overall effectiveness: ${gradeLabels[overall] ?? overall})` : ''
  }`;
}

/** The entry an inspection-history event becomes. */
export function outcomeEntryOf(e: HistoryEvent): OutcomeEntry {
  const graded = judgementKeys
    .filter((k) => e.grades[k])
    .map((k) => `${judgementLabels[k]}: ${gradeLabels[e.grades[k]!]}`);
  const when =
    e.endDate && e.endDate !== e.startDate ? `${e.startDate} to ${e.endDate}` : e.startDate;
  const summary = [
    `${activityTypeLabels[e.activityType] ?? e.activityType}, ${when}`,
    e.publicationDate ? `published ${e.publicationDate}` : 'publication date not recorded',
  ].join('; ');
  return {
    kind: e.activityType === 'jtai' ? 'jtai_send_outcome' : 'inspection_outcome',
    title: outcomeTitle(e.activityType, e.theme, e.grades),
    summary: graded.length > 0 ? `${summary}.\n${graded.join('\n')}` : `${summary}.`,
    receivedOn: e.publicationDate ?? e.endDate ?? e.startDate,
    source: sourceLabels[e.source] ?? e.source,
  };
}
