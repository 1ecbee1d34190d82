// The 2019 ILACS implementation review's tables (seed 002, Tables 1, 2, 3, 4 and 7), recomputed
// from the inspection history and Triangulate's own activities. Pure: the caller supplies the
// events, each LA's graded inspections and the settings (team sizes and default days on site are
// not published per activity, so they are settings, not facts).
import type { GradeKey } from './types.js';

export type EventOrigin = 'history' | 'activities';

export interface TableEvent {
  laId: string;
  /** A history activity type (focused_visit, short_inspection, sif_inspection, jtai, ...). */
  activityType: string;
  startDate: string;
  endDate: string | null;
  theme: string | null;
  origin: EventOrigin;
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

export interface ReviewTableSettings {
  /** 1: calendar years, as the review's Tables 1, 2 and 7; 4: Ofsted's April-to-March year. */
  yearStartMonth: number;
  /** Days on site when an event has no end date (working days). */
  defaultDaysOnSite: Record<string, number>;
  /** Inspectors on site (the review: four on inspections, two on visits); SIF's is assumed. */
  teamSize: Record<string, number>;
}

export const defaultReviewTableSettings: ReviewTableSettings = {
  yearStartMonth: 1,
  defaultDaysOnSite: {
    standard_inspection: 10,
    short_inspection: 5,
    judgement_inspection: 10,
    sif_inspection: 20,
    focused_visit: 2,
    monitoring_visit: 2,
    jtai: 5,
  },
  teamSize: {
    standard_inspection: 4,
    short_inspection: 4,
    judgement_inspection: 4,
    sif_inspection: 4,
    focused_visit: 2,
    monitoring_visit: 2,
    jtai: 4,
  },
};

export interface Table1Row {
  period: string;
  origin: EventOrigin;
  /** An activity type, or `all` for the LAs engaged by any type. */
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
  framework: 'SIF' | 'ILACS';
  events: number;
  lasEngaged: number;
  daysOnSite: number;
  inspectorDays: number;
}
export interface Table7Row {
  period: string;
  theme: string;
  area: string;
  count: number;
  percent: number;
  areaPercent: number;
}
export interface ReviewTables {
  settings: ReviewTableSettings;
  table1: Table1Row[];
  table2: Table2Row[];
  table3: { computable: boolean; reason: string };
  table4: Table4Row[];
  table7: Table7Row[];
}

const SIF_TYPES = new Set(['sif_inspection']);
const HELP = 'Help and protection';
const CARE = 'Children in care and care leavers';
/** The review's Table 7 themes and the ILACS judgement area each belongs to. */
export const themeAreas: Record<string, string> = {
  'front door': HELP,
  'children in need/subject to a plan': HELP,
  'vulnerable adolescents': HELP,
  'care leavers': CARE,
  'achieving permanence': CARE,
  'children in care': CARE,
};
export const TABLE3_REASON =
  'Table 3 needs the dates of area SEND inspections; neither the inspection history (ILACS, SIF, focused and monitoring visits) nor Triangulate’s activities record them, so it cannot be computed.';

/** The period a date falls in: "2018" for calendar years, "2018-19" for years from April. */
export function periodOf(date: string, startMonth: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (startMonth === 1) return String(y);
  const start = m >= startMonth ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Monday-to-Friday days from start to end inclusive. */
export function workingDays(start: string, end: string): number {
  const day = 86_400_000;
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  let n = 0;
  for (let t = a; t <= b; t += day) {
    // 1 January 1970 was a Thursday (4).
    const wd = (Math.floor(t / day) + 4) % 7;
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

function daysOnSite(e: TableEvent, s: ReviewTableSettings): number {
  const fallback = s.defaultDaysOnSite[e.activityType] ?? 0;
  if (!e.endDate || e.endDate < e.startDate) return fallback;
  return workingDays(e.startDate, e.endDate) || fallback;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((100 * n) / d));

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

function table1(events: readonly TableEvent[], s: ReviewTableSettings): Table1Row[] {
  const rows: Table1Row[] = [];
  const byPeriod = groupBy(events, (e) => `${periodOf(e.startDate, s.yearStartMonth)}|${e.origin}`);
  for (const [key, list] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const [period = '', origin] = key.split('|') as [string, EventOrigin];
    for (const [type, ofType] of [...groupBy(list, (e) => e.activityType)].sort()) {
      rows.push({
        period,
        origin,
        type,
        occurrences: ofType.length,
        las: new Set(ofType.map((e) => e.laId)).size,
      });
    }
    rows.push({
      period,
      origin,
      type: 'all',
      occurrences: list.length,
      las: new Set(list.map((e) => e.laId)).size,
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
 * Days on site per LA visited, by the LA's grade before the period. The overall figure is the
 * review's weighted average: each grade's average multiplied by the number of LAs holding that
 * grade, divided by the number of LAs with a grade (its footnote 2).
 */
function table2(
  events: readonly TableEvent[],
  gradedList: readonly GradedEvent[],
  las: readonly TableLa[],
  s: ReviewTableSettings,
): Table2Row[] {
  const graded = groupBy(
    [...gradedList].sort((a, b) => a.startDate.localeCompare(b.startDate)),
    (g) => g.laId,
  );
  const ilacs = events.filter((e) => e.origin === 'history' && !SIF_TYPES.has(e.activityType));
  const rows: Table2Row[] = [];
  for (const [period, list] of [
    ...groupBy(ilacs, (e) => periodOf(e.startDate, s.yearStartMonth)),
  ].sort()) {
    const start = list.reduce(
      (m, e) => (e.startDate < m ? e.startDate : m),
      list[0]?.startDate ?? '',
    );
    const periodStart = periodStartDate(start, s.yearStartMonth);
    const laIds = las
      .filter((l) => (l.validFrom ?? '') <= periodStart && (l.validTo ?? '9999') >= periodStart)
      .map((l) => l.id);
    const days = new Map<string, number>();
    for (const e of list) days.set(e.laId, (days.get(e.laId) ?? 0) + daysOnSite(e, s));
    let weighted = 0;
    let weights = 0;
    let visitedAll = 0;
    for (const grade of GRADES) {
      const holders = laIds.filter((id) => gradeBefore(graded, id, periodStart) === grade);
      const visited = holders.filter((id) => days.has(id));
      const total = visited.reduce((n, id) => n + (days.get(id) ?? 0), 0);
      const avg = visited.length ? total / visited.length : null;
      if (avg !== null) {
        weighted += avg * holders.length;
        weights += holders.length;
      }
      visitedAll += visited.length;
      const averageDays = avg === null ? null : round1(avg);
      rows.push({
        period,
        grade,
        averageDays,
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

function periodStartDate(anyDateInPeriod: string, startMonth: number): string {
  const y = Number(periodOf(anyDateInPeriod, startMonth).slice(0, 4));
  return `${y}-${String(startMonth).padStart(2, '0')}-01`;
}

function table4(events: readonly TableEvent[], s: ReviewTableSettings): Table4Row[] {
  const hist = events.filter((e) => e.origin === 'history');
  const key = (e: TableEvent) =>
    `${periodOf(e.startDate, s.yearStartMonth)}|${SIF_TYPES.has(e.activityType) ? 'SIF' : 'ILACS'}`;
  return [...groupBy(hist, key)].sort().map(([k, list]) => {
    const [period = '', framework] = k.split('|') as [string, 'SIF' | 'ILACS'];
    let onSite = 0;
    let inspectorDays = 0;
    for (const e of list) {
      const d = daysOnSite(e, s);
      onSite += d;
      inspectorDays += d * (s.teamSize[e.activityType] ?? 1);
    }
    return {
      period,
      framework,
      events: list.length,
      lasEngaged: new Set(list.map((e) => e.laId)).size,
      daysOnSite: onSite,
      inspectorDays,
    };
  });
}

function table7(events: readonly TableEvent[], s: ReviewTableSettings): Table7Row[] {
  const visits = events.filter((e) => e.activityType === 'focused_visit' && e.origin === 'history');
  const rows: Table7Row[] = [];
  for (const [period, list] of [
    ...groupBy(visits, (e) => periodOf(e.startDate, s.yearStartMonth)),
  ].sort()) {
    const areaOf = (e: TableEvent) =>
      themeAreas[(e.theme ?? '').toLowerCase().trim()] ?? 'Not recorded';
    const byArea = groupBy(list, areaOf);
    for (const [theme, ofTheme] of groupBy(list, (e) => e.theme ?? 'Not recorded')) {
      const area = areaOf(ofTheme[0] as TableEvent);
      rows.push({
        period,
        theme,
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

export function computeReviewTables(input: {
  events: readonly TableEvent[];
  graded: readonly GradedEvent[];
  /** The register: an LA counts in a period when it existed on the period's first day. */
  las: readonly TableLa[];
  settings?: Partial<ReviewTableSettings>;
}): ReviewTables {
  const s: ReviewTableSettings = { ...defaultReviewTableSettings, ...input.settings };
  return {
    settings: s,
    table1: table1(input.events, s),
    table2: table2(input.events, input.graded, input.las, s),
    table3: { computable: false, reason: TABLE3_REASON },
    table4: table4(input.events, s),
    table7: table7(input.events, s),
  };
}
