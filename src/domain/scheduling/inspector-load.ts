// An inspector's planned load, week by week: the days of preparation, on site, write-up and
// quality assurance that the activities they are on ask of them (the framework's workload per
// team role, team-shape.ts), beside their leave and training. Weeks run Monday to Sunday; a week
// belongs to the quarter its Monday is in (calendar quarters, which are also Ofsted's financial
// quarters). Days off site are laid on the inspector's own working days, nearest the fieldwork.
import { addDays, mondayOf } from '../../clock.js';
import type { TeamRole } from '../access/roles.js';
import { isWorkingDay } from '../calendar/working-days.js';
import type { AbsenceKind, Weekday } from './inspector-profile.js';
import { weekdays } from './inspector-profile.js';
import type { RoleWorkloadRule } from './team-rules-schema.js';

export const loadKinds = ['preparation', 'onSite', 'writeUp', 'qa'] as const;
export type LoadKind = (typeof loadKinds)[number];

export interface LoadAssignment {
  activityId: string;
  title: string;
  laName: string;
  activityType: string;
  teamRole: TeamRole;
  /** First and last day on site (ISO dates). */
  start: string;
  end: string;
  workload: RoleWorkloadRule;
  /** QA starts after this many working days of the lead's write-up. */
  qaAfterDays: number;
}

export interface LoadInput {
  workingDays: readonly Weekday[];
  maxSiteWeeksPerQuarter: number;
  /** The inspector's own preparation days (null: the framework's). */
  preparationDays: number | null;
  absences: readonly { kind: AbsenceKind; startsOn: string; endsOn: string }[];
  assignments: readonly LoadAssignment[];
  /** Any day of the first week shown; the window starts on its Monday. */
  from: string;
  weeks: number;
}

export type LoadFlagKind = 'over_days' | 'site_weeks' | 'on_leave' | 'double_booked';

export interface LoadFlag {
  kind: LoadFlagKind;
  message: string;
}

export interface WeekActivity {
  activityId: string;
  title: string;
  laName: string;
  teamRole: TeamRole;
  days: Record<LoadKind, number>;
}

export interface WeekLoad {
  weekStart: string;
  quarter: string;
  days: Record<LoadKind, number>;
  total: number;
  /** Working days of the inspector's pattern in the week (bank holidays left out). */
  pattern: number;
  away: Record<AbsenceKind, number>;
  /** Days left to work: the pattern's days less days away. */
  available: number;
  activities: WeekActivity[];
  flags: LoadFlag[];
}

export interface QuarterLoad {
  quarter: string;
  siteWeeks: number;
  limit: number;
  over: boolean;
}

export interface InspectorLoad {
  from: string;
  weeks: WeekLoad[];
  quarters: QuarterLoad[];
  overWeeks: number;
}

const zero = (): Record<LoadKind, number> => ({ preparation: 0, onSite: 0, writeUp: 0, qa: 0 });

/** 'mon'..'fri' of an ISO date, or null at the weekend. */
function weekdayOf(iso: string): Weekday | null {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d >= 1 && d <= 5 ? weekdays[d - 1]! : null;
}

/** The quarter of a date: '2027-Q1' (January to March). */
export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first day of the quarter of a date. */
export function quarterStart(iso: string): string {
  const m = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${iso.slice(0, 4)}-${String(m).padStart(2, '0')}-01`;
}

/** The first day of the quarter after the one of a date. */
export function nextQuarterStart(iso: string): string {
  const start = quarterStart(iso);
  const m = Number(start.slice(5, 7)) + 3;
  return m > 12
    ? `${Number(start.slice(0, 4)) + 1}-01-01`
    : `${start.slice(0, 4)}-${String(m).padStart(2, '0')}-01`;
}

/** Working days on site: Monday to Friday from start to end, bank holidays left out. */
export function fieldworkDays(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
  return out;
}

/** `n` of the inspector's working days stepping from `from` (excluded) by `step` days. */
function ownDays(from: string, n: number, step: 1 | -1, works: (d: string) => boolean): string[] {
  const out: string[] = [];
  // A pattern with no working day would never end: a year is far more than any setting.
  for (let d = addDays(from, step), i = 0; out.length < n && i < 366; d = addDays(d, step), i++)
    if (works(d)) out.push(d);
  return out;
}

interface DayEntry {
  kind: LoadKind;
  a: LoadAssignment;
}

function lay(input: LoadInput, works: (d: string) => boolean): Map<string, DayEntry[]> {
  const byDay = new Map<string, DayEntry[]>();
  const put = (day: string, kind: LoadKind, a: LoadAssignment) =>
    byDay.set(day, [...(byDay.get(day) ?? []), { kind, a }]);
  for (const a of input.assignments) {
    const w = a.workload;
    const site = fieldworkDays(a.start, a.end);
    const onSite = w.onSiteDays === 'all' ? site : site.slice(0, w.onSiteDays);
    onSite.forEach((d) => put(d, 'onSite', a));
    // A role the framework prepares for takes the inspector's own days if they need more.
    const prep =
      w.preparationDays > 0 ? Math.max(w.preparationDays, input.preparationDays ?? 0) : 0;
    ownDays(a.start, prep, -1, works).forEach((d) => put(d, 'preparation', a));
    const writeUp = ownDays(a.end, w.writeUpDays, 1, works);
    writeUp.forEach((d) => put(d, 'writeUp', a));
    if (w.qaDays > 0) {
      const after = a.qaAfterDays > 0 ? ownDays(a.end, a.qaAfterDays, 1, isWorkingDay) : [];
      ownDays(after.at(-1) ?? a.end, w.qaDays, 1, works).forEach((d) => put(d, 'qa', a));
    }
  }
  return byDay;
}

/** The load of one inspector over `weeks` weeks from the Monday of `from`. */
export function inspectorLoad(input: LoadInput): InspectorLoad {
  const pattern = new Set(input.workingDays);
  const works = (d: string) => {
    const wd = weekdayOf(d);
    return wd !== null && pattern.has(wd) && isWorkingDay(d);
  };
  const first = mondayOf(input.from);
  const lastDay = addDays(first, input.weeks * 7 - 1);
  const byDay = lay(input, works);
  const awayOn = (d: string) =>
    input.absences.find((x) => x.startsOn <= d && x.endsOn >= d)?.kind ?? null;

  // On-site weeks are counted over whole quarters, beyond the window shown.
  const siteWeeksByQuarter = new Map<string, string[]>();
  for (let m = mondayOf(quarterStart(first)); m < nextQuarterStart(lastDay); m = addDays(m, 7)) {
    if (m < quarterStart(first)) continue;
    const onSite = [0, 1, 2, 3, 4].some((i) =>
      (byDay.get(addDays(m, i)) ?? []).some((e) => e.kind === 'onSite'),
    );
    if (onSite) {
      const q = quarterOf(m);
      siteWeeksByQuarter.set(q, [...(siteWeeksByQuarter.get(q) ?? []), m]);
    }
  }

  const weeks: WeekLoad[] = [];
  for (let i = 0; i < input.weeks; i++) {
    const weekStart = addDays(first, i * 7);
    weeks.push(weekLoad(input, weekStart, byDay, works, awayOn, siteWeeksByQuarter));
  }
  const quarters = [...new Set(weeks.map((w) => w.quarter))].map((quarter) => {
    const siteWeeks = siteWeeksByQuarter.get(quarter)?.length ?? 0;
    return {
      quarter,
      siteWeeks,
      limit: input.maxSiteWeeksPerQuarter,
      over: siteWeeks > input.maxSiteWeeksPerQuarter,
    };
  });
  return {
    from: first,
    weeks,
    quarters,
    overWeeks: weeks.filter((w) => w.flags.length > 0).length,
  };
}

function weekLoad(
  input: LoadInput,
  weekStart: string,
  byDay: Map<string, DayEntry[]>,
  works: (d: string) => boolean,
  awayOn: (d: string) => AbsenceKind | null,
  siteWeeksByQuarter: Map<string, string[]>,
): WeekLoad {
  const days = zero();
  const away: Record<AbsenceKind, number> = { leave: 0, training: 0, other: 0 };
  const perActivity = new Map<string, WeekActivity>();
  let patternDays = 0;
  const flags: LoadFlag[] = [];
  const clashes = new Set<string>();
  let doubleBooked = false;
  for (let i = 0; i < 7; i++) {
    const d = addDays(weekStart, i);
    const entries = byDay.get(d) ?? [];
    const absent = awayOn(d);
    if (works(d)) {
      patternDays += 1;
      if (absent) away[absent] += 1;
    }
    if (entries.length > 0 && absent && isWorkingDay(d)) clashes.add(absent);
    const onSite = entries.filter((e) => e.kind === 'onSite');
    if (new Set(onSite.map((e) => e.a.activityId)).size > 1) doubleBooked = true;
    for (const e of entries) {
      days[e.kind] += 1;
      const row = perActivity.get(e.a.activityId) ?? {
        activityId: e.a.activityId,
        title: e.a.title,
        laName: e.a.laName,
        teamRole: e.a.teamRole,
        days: zero(),
      };
      row.days[e.kind] += 1;
      perActivity.set(e.a.activityId, row);
    }
  }
  const total = loadKinds.reduce((t, k) => t + days[k], 0);
  const available = Math.max(0, patternDays - away.leave - away.training - away.other);
  if (total > available)
    flags.push({
      kind: 'over_days',
      message: `${total} days of work planned against ${available} available`,
    });
  const quarter = quarterOf(weekStart);
  const siteWeeks = siteWeeksByQuarter.get(quarter) ?? [];
  const nth = siteWeeks.indexOf(weekStart) + 1;
  if (nth > input.maxSiteWeeksPerQuarter)
    flags.push({
      kind: 'site_weeks',
      message: `Week ${nth} on site in ${quarter} (at most ${input.maxSiteWeeksPerQuarter})`,
    });
  for (const kind of clashes)
    flags.push({ kind: 'on_leave', message: `Work planned during ${kind}` });
  if (doubleBooked)
    flags.push({ kind: 'double_booked', message: 'Two activities on the same day' });
  return {
    weekStart,
    quarter,
    days,
    total,
    pattern: patternDays,
    away,
    available,
    activities: [...perActivity.values()],
    flags,
  };
}
