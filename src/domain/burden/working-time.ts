// Inspectors' working time, measured from what they record rather than what they recall (the 2019
// review's Table 8 asked inspectors; Munro heard of long evening write-ups): per inspector per day,
// the evidence records they wrote and edited, the minutes they said the work took, the span from
// first to last, whether any of it was done after hours (outside 08:00-18:00 in England), and the
// minutes per case. Nationally the same days are only ever aggregated by team role.
import { dateInEngland, startOfDayInEngland } from '../../clock.js';
import { MIN_GROUP, median, round1 } from './stats.js';

export const WORKDAY_START_HOUR = 8;
export const WORKDAY_END_HOUR = 18;

/** One thing an inspector did: wrote (or edited) an evidence record at an instant. */
export interface WorkAction {
  userId: string;
  label: string;
  teamRole: string | null;
  at: Date;
  kind: 'recorded' | 'edited';
  evidenceId: string;
  /** The record's own minutes spent (counted once, on its recording). */
  minutesSpent: number | null;
  caseId: string | null;
}

export interface InspectorDay {
  userId: string;
  label: string;
  teamRole: string | null;
  /** England date, YYYY-MM-DD. */
  day: string;
  recorded: number;
  edited: number;
  minutesRecorded: number;
  /** From the first to the last action of the day, in England time (HH:MM). */
  firstAt: string;
  lastAt: string;
  spanMinutes: number;
  afterHoursActions: number;
  cases: number;
  minutesPerCase: number | null;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Minutes since midnight in England (the day's start from the clock's England helpers). */
export function minuteOfDayInEngland(at: Date): number {
  const start = startOfDayInEngland(dateInEngland(at)).getTime();
  return Math.floor((at.getTime() - start) / 60_000);
}

export function isAfterHours(at: Date): boolean {
  const m = minuteOfDayInEngland(at);
  return m < WORKDAY_START_HOUR * 60 || m >= WORKDAY_END_HOUR * 60;
}

export function inspectorDays(actions: WorkAction[]): InspectorDay[] {
  const groups = new Map<string, WorkAction[]>();
  for (const a of actions) {
    const k = `${a.userId}|${dateInEngland(a.at)}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const days: InspectorDay[] = [];
  for (const [k, as] of groups) {
    const day = k.split('|')[1]!;
    const minutes = as.map((a) => minuteOfDayInEngland(a.at));
    const first = Math.min(...minutes);
    const last = Math.max(...minutes);
    const recorded = as.filter((a) => a.kind === 'recorded');
    const minutesRecorded = recorded.reduce((s, a) => s + (a.minutesSpent ?? 0), 0);
    const cases = new Set(as.flatMap((a) => (a.caseId ? [a.caseId] : []))).size;
    const caseMinutes = recorded
      .filter((a) => a.caseId)
      .reduce((s, a) => s + (a.minutesSpent ?? 0), 0);
    days.push({
      userId: as[0]!.userId,
      label: as[0]!.label,
      teamRole: as[0]!.teamRole,
      day,
      recorded: recorded.length,
      edited: as.length - recorded.length,
      minutesRecorded,
      firstAt: hhmm(first),
      lastAt: hhmm(last),
      spanMinutes: last - first,
      afterHoursActions: as.filter((a) => isAfterHours(a.at)).length,
      cases,
      minutesPerCase: cases ? round1(caseMinutes / cases) : null,
    });
  }
  return days.sort((a, b) => a.label.localeCompare(b.label) || a.day.localeCompare(b.day));
}

export interface RoleAggregate {
  teamRole: string;
  /** Null when fewer than MIN_GROUP inspectors are in the group (figures suppressed). */
  inspectors: number | null;
  inspectorDays: number | null;
  suppressed: boolean;
  /** Share of inspector-days with any after-hours work, 0 to 1. */
  shareDaysAfterHours: number | null;
  medianRecordedHoursPerDay: number | null;
  medianSpanHoursPerDay: number | null;
  medianMinutesPerCase: number | null;
}

/** Aggregates by team role only: never a table of named people. */
export function aggregateByRole(days: InspectorDay[]): RoleAggregate[] {
  const byRole = new Map<string, InspectorDay[]>();
  for (const d of days) {
    const r = d.teamRole ?? 'not_on_team';
    byRole.set(r, [...(byRole.get(r) ?? []), d]);
  }
  return [...byRole.entries()]
    .map(([teamRole, ds]) => {
      const inspectors = new Set(ds.map((d) => d.userId)).size;
      const suppressed = inspectors < MIN_GROUP;
      const perCase = ds.flatMap((d) => (d.minutesPerCase === null ? [] : [d.minutesPerCase]));
      return {
        teamRole,
        inspectors: suppressed ? null : inspectors,
        inspectorDays: suppressed ? null : ds.length,
        suppressed,
        shareDaysAfterHours: suppressed
          ? null
          : Math.round((ds.filter((d) => d.afterHoursActions > 0).length / ds.length) * 100) / 100,
        medianRecordedHoursPerDay: suppressed
          ? null
          : median(ds.map((d) => d.minutesRecorded / 60)),
        medianSpanHoursPerDay: suppressed ? null : median(ds.map((d) => d.spanMinutes / 60)),
        medianMinutesPerCase: suppressed ? null : median(perCase),
      };
    })
    .sort((a, b) => a.teamRole.localeCompare(b.teamRole));
}
