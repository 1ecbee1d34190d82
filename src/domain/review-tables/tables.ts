// The 2019 ILACS implementation review's Tables 1, 2, 4 and 7 (seed 002, §16-18, §25-27, §76),
// and the whole set, from engagements of one source (see engagements.ts). Table 3 is table3.ts.
import type { GradeKey } from '../history/types.js';
import {
  daysOnSite,
  groupBy,
  isOnSite,
  pct,
  periodOf,
  periodStart,
  round1,
  sortedEntries,
  type AreaSendInspection,
  type Engagement,
  type FrameworkFamily,
  type GradedEvent,
  type ReviewSource,
  type TableLa,
  type YearStartMonth,
} from './engagements.js';
import { table3, type Table3 } from './table3.js';

export interface Table1Row {
  period: string;
  /** An activity type, or `all` for the LAs engaged on site by any type. */
  type: string;
  occurrences: number;
  las: number;
}
export interface Table2Row {
  period: string;
  /** A grade, or `overall` for the weighted average. */
  grade: GradeKey | 'overall';
  averageDays: number | null;
  lasVisited: number;
  lasWithGrade: number;
}
export interface Table4Row {
  period: string;
  framework: FrameworkFamily;
  events: number;
  lasEngaged: number;
  daysOnSite: number;
  inspectorDays: number;
  /** Events whose team size the framework files leave open (JTAIs): not in the inspector days. */
  eventsWithoutTeamSize: number;
}
export interface Table7Row {
  period: string;
  theme: string;
  label: string;
  area: string;
  count: number;
  percent: number;
  areaPercent: number;
}
export interface ReviewTables {
  source: ReviewSource;
  yearStartMonth: YearStartMonth;
  /** The one period asked for, or null for every period. */
  year: string | null;
  /** Every period the source holds engagements in (for choosing a year). */
  periods: string[];
  table1: Table1Row[];
  table2: Table2Row[];
  table3: Table3;
  table4: Table4Row[];
  table7: Table7Row[];
}

const HELP = 'Help and protection';
const CARE = 'Children in care and care leavers';
/** Focused-visit themes (framework keys) by the ILACS judgement area the review put them in. */
export const themeAreas: Record<string, string> = {
  front_door: HELP,
  children_in_need_or_cp_plan: HELP,
  extra_familial_risk: HELP,
  children_in_care: CARE,
  permanence: CARE,
  care_leavers: CARE,
  placement_decisions_older_children: CARE,
};
export const OTHER_AREA = 'Other or not recorded';

export function table1(events: readonly Engagement[], startMonth: number): Table1Row[] {
  const rows: Table1Row[] = [];
  for (const [period, list] of sortedEntries(
    groupBy(events, (e) => periodOf(e.startDate, startMonth)),
  )) {
    for (const [type, ofType] of sortedEntries(groupBy(list, (e) => e.type))) {
      rows.push({
        period,
        type,
        occurrences: ofType.length,
        las: new Set(ofType.map((e) => e.laId)).size,
      });
    }
    // The review's total leaves out annual engagement meetings (not on site).
    const onSite = list.filter(isOnSite);
    rows.push({
      period,
      type: 'all',
      occurrences: onSite.length,
      las: new Set(onSite.map((e) => e.laId)).size,
    });
  }
  return rows;
}

/** Each LA's overall effectiveness at its last graded inspection before `date`. */
function gradeBefore(graded: Map<string, GradedEvent[]>, laId: string, date: string) {
  let found: GradeKey | null = null;
  for (const g of graded.get(laId) ?? []) if (g.startDate < date && g.overall) found = g.overall;
  return found;
}

const GRADES: GradeKey[] = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

/**
 * Working days on site per LA visited, by the LA's grade before the period, counting ILACS visits
 * and inspections (not SIF re-inspections, as the review's footnote, nor JTAIs, which are not
 * ILACS). The overall figure is the review's weighted average (its footnote 2): each grade's
 * average multiplied by the number of LAs holding that grade, divided by the LAs with a grade.
 */
export function table2(
  events: readonly Engagement[],
  gradedList: readonly GradedEvent[],
  las: readonly TableLa[],
  startMonth: number,
): Table2Row[] {
  const graded = groupBy(
    [...gradedList].sort((a, b) => a.startDate.localeCompare(b.startDate)),
    (g) => g.laId,
  );
  const ilacs = events.filter((e) => e.framework === 'ILACS' && e.type !== 'jtai' && isOnSite(e));
  const rows: Table2Row[] = [];
  for (const [period, list] of sortedEntries(
    groupBy(ilacs, (e) => periodOf(e.startDate, startMonth)),
  )) {
    const start = periodStart((list[0] as Engagement).startDate, startMonth);
    const laIds = las
      .filter((l) => (l.validFrom ?? '') <= start && (l.validTo ?? '9999') >= start)
      .map((l) => l.id);
    const days = new Map<string, number>();
    for (const e of list) days.set(e.laId, (days.get(e.laId) ?? 0) + daysOnSite(e));
    let weighted = 0;
    let weights = 0;
    let visitedAll = 0;
    for (const grade of GRADES) {
      const holders = laIds.filter((id) => gradeBefore(graded, id, start) === grade);
      const visited = holders.filter((id) => days.has(id));
      const total = visited.reduce((n, id) => n + (days.get(id) ?? 0), 0);
      const avg = visited.length ? total / visited.length : null;
      if (avg !== null) {
        weighted += avg * holders.length;
        weights += holders.length;
      }
      visitedAll += visited.length;
      rows.push({
        period,
        grade,
        averageDays: avg === null ? null : round1(avg),
        lasVisited: visited.length,
        lasWithGrade: holders.length,
      });
    }
    rows.push({
      period,
      grade: 'overall',
      averageDays: weights ? round1(weighted / weights) : null,
      lasVisited: visitedAll,
      lasWithGrade: weights,
    });
  }
  return rows;
}

/**
 * A model, as the review's was (§26): inspector days are each on-site engagement's working days
 * times its team size (the activity's team, else the framework file's team size for its type).
 */
export function table4(events: readonly Engagement[], startMonth: number): Table4Row[] {
  const onSite = events.filter(isOnSite);
  const key = (e: Engagement) => `${periodOf(e.startDate, startMonth)}|${e.framework}`;
  return sortedEntries(groupBy(onSite, key)).map(([k, list]) => {
    const [period = '', framework] = k.split('|') as [string, FrameworkFamily];
    let days = 0;
    let inspectorDays = 0;
    let withoutTeam = 0;
    for (const e of list) {
      const d = daysOnSite(e);
      days += d;
      if (e.teamSize === null) withoutTeam++;
      else inspectorDays += d * e.teamSize;
    }
    return {
      period,
      framework,
      events: list.length,
      lasEngaged: new Set(list.map((e) => e.laId)).size,
      daysOnSite: days,
      inspectorDays,
      eventsWithoutTeamSize: withoutTeam,
    };
  });
}

export function table7(events: readonly Engagement[], startMonth: number): Table7Row[] {
  const visits = events.filter((e) => e.type === 'focused_visit');
  const areaOf = (e: Engagement) => themeAreas[e.theme ?? ''] ?? OTHER_AREA;
  const rows: Table7Row[] = [];
  for (const [period, list] of groupBy(visits, (e) => periodOf(e.startDate, startMonth))) {
    const byArea = groupBy(list, areaOf);
    for (const [theme, ofTheme] of groupBy(list, (e) => e.theme ?? '')) {
      const first = ofTheme[0] as Engagement;
      const area = areaOf(first);
      rows.push({
        period,
        theme: theme || 'not_recorded',
        label: first.themeLabel ?? (theme || 'Not recorded'),
        area,
        count: ofTheme.length,
        percent: pct(ofTheme.length, list.length),
        areaPercent: pct(byArea.get(area)?.length ?? 0, list.length),
      });
    }
  }
  return rows.sort(
    (a, b) => a.period.localeCompare(b.period) || a.area.localeCompare(b.area) || b.count - a.count,
  );
}

export interface ReviewTablesInput {
  source: ReviewSource;
  engagements: readonly Engagement[];
  graded: readonly GradedEvent[];
  /** The register: an LA counts in a period when it existed on the period's first day. */
  las: readonly TableLa[];
  /** Area SEND inspections, or null when the source records none (Table 3 then says so). */
  areaSend: readonly AreaSendInspection[] | null;
  yearStartMonth?: YearStartMonth;
  /** One period ("2018", "2018-19"), or every period. */
  year?: string | null;
}

export function computeReviewTables(input: ReviewTablesInput): ReviewTables {
  const m = input.yearStartMonth ?? 1;
  const year = input.year ?? null;
  const inYear = <T extends { startDate: string }>(xs: readonly T[]) =>
    year === null ? xs : xs.filter((x) => periodOf(x.startDate, m) === year);
  const events = inYear(input.engagements);
  return {
    source: input.source,
    yearStartMonth: m,
    year,
    periods: [...new Set(input.engagements.map((e) => periodOf(e.startDate, m)))].sort(),
    table1: table1(events, m),
    table2: table2(events, input.graded, input.las, m),
    // An ILACS activity late in the year before still counts against an area SEND inspection.
    table3: table3(input.areaSend === null ? null : inYear(input.areaSend), input.engagements),
    table4: table4(events, m),
    table7: table7(events, m),
  };
}
