// A monitoring visit's (or the next inspection's) view of the LA's progress on each item of its
// action plan, and the paragraph the letter can draw on. Pure.
import type { PersonRef } from '../evidence/records.js';

export const MONITORING_VIEWS = ['progress', 'no_progress', 'worse'] as const;
export type MonitoringViewKind = (typeof MONITORING_VIEWS)[number];

export const MONITORING_VIEW_LABELS: Record<MonitoringViewKind, string> = {
  progress: 'Progress',
  no_progress: 'No progress',
  worse: 'Worse',
};

export interface MonitoringView {
  id: string;
  visitId: string;
  planActivityId: string;
  itemKey: string;
  view: MonitoringViewKind;
  reason: string;
  evidenceIds: string[];
  recordedBy: PersonRef;
  recordedAt: Date;
}

/** Keep reasons short: the letter quotes them and the LA reads them beside each item. */
export const REASON_MAX = 600;

/**
 * A paragraph summarising the views for the letter: how many items show progress, and which do
 * not (in the report's words). Items without a view are counted as not yet reviewed.
 */
export function monitoringSummary(
  items: { key: string; text: string }[],
  views: Pick<MonitoringView, 'itemKey' | 'view' | 'reason'>[],
): string {
  if (items.length === 0) return '';
  const byKey = new Map(views.map((v) => [v.itemKey, v]));
  const count = (k: MonitoringViewKind) => items.filter((i) => byKey.get(i.key)?.view === k);
  const progress = count('progress');
  const none = count('no_progress');
  const worse = count('worse');
  const unreviewed = items.filter((i) => !byKey.has(i.key));
  const of = `${items.length} ${items.length === 1 ? 'area' : 'areas'} in the action plan`;
  const parts = [
    `Of the ${of}, inspectors found progress in ${progress.length}.`,
    none.length
      ? `There has been no progress in ${list(none.map((i) => lower(i.text)))}${reasons(none, byKey)}.`
      : '',
    worse.length
      ? `Practice has deteriorated in ${list(worse.map((i) => lower(i.text)))}${reasons(worse, byKey)}.`
      : '',
    unreviewed.length
      ? `${unreviewed.length} ${unreviewed.length === 1 ? 'area was' : 'areas were'} not reviewed on this visit.`
      : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function reasons(
  items: { key: string }[],
  byKey: Map<string, Pick<MonitoringView, 'reason'>>,
): string {
  const rs = items.map((i) => byKey.get(i.key)?.reason.trim().replace(/\.$/, '') ?? '');
  return rs.every((r) => r) ? `: ${rs.map(lower).join('; ')}` : '';
}

function lower(s: string): string {
  const t = s.trim().replace(/\.$/, '');
  // Keep acronyms and names as written ("MASH", "Southmere").
  return /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

function list(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
