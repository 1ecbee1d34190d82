// Consistency panels across inspections (Munro rec 3): the period a panel covers (a week, Monday
// to Sunday, or a calendar month), its title, and which activities it gathers. Pure.
import { addDays, mondayOf } from '../../clock.js';
import { isoDayText } from '../calendar/format.js';
import { MONTH_NAMES } from '../calendar/months.js';

export const periodKinds = ['week', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const viewOutcomes = ['consistent', 'query'] as const;
export type ViewOutcome = (typeof viewOutcomes)[number];

export const outcomeLabels: Record<ViewOutcome, string> = {
  consistent: 'Consistent',
  query: 'Query',
};

export interface Period {
  kind: PeriodKind;
  start: string;
  end: string;
}

/** The week (Monday to Sunday) or calendar month containing a day. */
export function periodOf(kind: PeriodKind, day: string): Period {
  if (kind === 'week') {
    const start = mondayOf(day);
    return { kind, start, end: addDays(start, 6) };
  }
  const start = `${day.slice(0, 7)}-01`;
  const nextMonth = addDays(start, 32).slice(0, 7);
  return { kind, start, end: addDays(`${nextMonth}-01`, -1) };
}

/** "Week of 30 November 2026" or "November 2026". */
export function periodText(p: Period): string {
  if (p.kind === 'week') return `Week of ${isoDayText(p.start)}`;
  return `${MONTH_NAMES[Number(p.start.slice(5, 7)) - 1]} ${p.start.slice(0, 4)}`;
}

/** "North West: week of 30 November 2026"; a national panel says "National". */
export function panelTitle(region: string | null, p: Period): string {
  const when = p.kind === 'week' ? `week of ${isoDayText(p.start)}` : periodText(p);
  return `${region ?? 'National'}: ${when}`;
}

/** The judgement stages a panel gathers: provisional, not yet final. */
export const GATHERED_STAGES = ['team_provisional', 'consistency_panel', 'quality_assurance'];

/**
 * Whether an activity belongs to a panel: in its scope (its region, or anywhere for a national
 * panel), with fieldwork overlapping the period, and judgements not yet final.
 */
export function inPanel(
  panel: { region: string | null; periodStart: string; periodEnd: string },
  a: { laRegion: string | null; plannedStart: string | null; plannedEnd: string | null },
  stage: string,
): boolean {
  if (!GATHERED_STAGES.includes(stage)) return false;
  if (panel.region !== null && a.laRegion !== panel.region) return false;
  if (!a.plannedStart) return false;
  const end = a.plannedEnd ?? a.plannedStart;
  return a.plannedStart <= panel.periodEnd && end >= panel.periodStart;
}

/** How the members' views of one inspection add up: "2 consistent, 1 query" or "No views yet". */
export function viewsSummary(views: readonly { outcome: ViewOutcome }[]): string {
  if (views.length === 0) return 'No views yet';
  const c = views.filter((v) => v.outcome === 'consistent').length;
  const q = views.length - c;
  const parts = [];
  if (c) parts.push(`${c} consistent`);
  if (q) parts.push(`${q} ${q === 1 ? 'query' : 'queries'}`);
  return parts.join(', ');
}
