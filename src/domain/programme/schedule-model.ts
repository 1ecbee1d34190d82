// The first stage of the two-stage solve: the week of each activity, x[d,s], without naming the
// inspectors. The inspectors enter as capacity: per pool of interchangeable candidates (a
// region's own inspectors, or all of them) and week, the team places on site are at most the
// inspectors there who are not away, the teams at most the leads; per quarter, the team weeks
// at most what the quarter limits and leave allow; a start is offered only if enough of its
// candidates are free of leave and conflicts for a team with a lead (and any pinned inspector).
// Every row is implied by the full model (model.ts), so this model is a relaxation of it: its
// proven bound is a lower bound on the full programme's cost. The second stage (team-model.ts)
// names the team for the weeks chosen; when it finds none, a no-good row removes that schedule.
import type { Demand } from './demand.js';
import { fieldworkDays } from './demand.js';
import { unavailableWeeks, worksFieldwork, type ProgrammeInstance } from './instance.js';
import { Builder, INF, type MipModel } from './mip-builder.js';
import { candidateInspectors, quarterOf, spacingRows } from './model.js';

export type ScheduleColumn =
  { kind: 'x'; d: number; s: number } | { kind: 'skip'; d: number } | { kind: 'lmax' };

export interface ScheduleModel {
  mip: MipModel;
  columns: ScheduleColumn[];
  rowGroups: Record<string, number>;
}

/** What both stages need to know of each demand and inspector, computed once. */
export interface StageData {
  demands: Demand[];
  unavailable: Set<number>[];
  /** Per demand: the inspectors who may be on its team (its pool, less conflicts and those not working its days). */
  eligible: number[][];
  /** Per demand: its pool before conflicts (the capacity rows count by pool). */
  pool: number[][];
  /** Per demand and start: the weeks on site (with days). */
  onSite: (d: number, s: number) => [number, number][];
}

export function stageData(inst: ProgrammeInstance, demands: Demand[]): StageData {
  const unavailable = inst.inspectors.map((p) => unavailableWeeks(inst, p));
  const pool = demands.map((dem) => candidateInspectors(inst, inst.las[dem.laIndex]!.region));
  const eligible = demands.map((dem, d) =>
    pool[d]!.filter(
      (i) =>
        !inst.inspectors[i]!.conflictedLaIds.includes(inst.las[dem.laIndex]!.id) &&
        worksFieldwork(inst.inspectors[i]!, dem.startOffset, fieldworkDays(dem)),
    ),
  );
  const onSite = (d: number, s: number): [number, number][] =>
    demands[d]!.daysByWeek.flatMap((days, k): [number, number][] =>
      days > 0 ? [[s + k, days]] : [],
    );
  return { demands, unavailable, eligible, pool, onSite };
}

/** The inspectors of demand d free for the whole of start s. */
export function freeFor(data: StageData, d: number, s: number): number[] {
  const weeks = data.onSite(d, s).map(([w]) => w);
  return data.eligible[d]!.filter((i) => weeks.every((w) => !data.unavailable[i]!.has(w)));
}

function pinnedInspectors(inst: ProgrammeInstance, dem: Demand): number[] | null {
  if (dem.ordinal !== 1) return [];
  const la = inst.las[dem.laIndex]!;
  const pin = inst.pins.find((p) => p.laId === la.id && p.activityType === dem.activityType);
  const ids = pin?.inspectorIds ?? [];
  const idx = ids.map((id) => inst.inspectors.findIndex((p) => p.id === id));
  return idx.some((i) => i < 0) ? null : idx;
}

/** Whether a team of the right size with a lead (and the pinned) can be found for d at s. */
export function startStaffable(
  inst: ProgrammeInstance,
  data: StageData,
  d: number,
  s: number,
): boolean {
  const dem = data.demands[d]!;
  if (dem.teamSize <= 0) return true;
  const free = freeFor(data, d, s);
  const pinned = pinnedInspectors(inst, dem);
  return (
    free.length >= dem.teamSize &&
    free.some((i) => inst.inspectors[i]!.leadQualified) &&
    pinned !== null &&
    pinned.every((i) => free.includes(i))
  );
}

export function buildScheduleModel(
  inst: ProgrammeInstance,
  data: StageData,
  /** Schedules (demand, start) the second stage found no team for. */
  noGoods: [number, number][][] = [],
): ScheduleModel {
  const b = new Builder<ScheduleColumn>(false);
  const { demands } = data;
  const w = inst.settings.weights;
  const prev = new Map(
    (inst.previous?.placements ?? []).map((p) => [`${p.laId}|${p.activityType}`, p] as const),
  );
  const xOf: Map<number, number>[] = [];
  const laWeek = inst.las.map(() => new Map<number, [number, number][]>());
  demands.forEach((dem, d) => {
    const la = inst.las[dem.laIndex]!;
    const before = prev.get(`${la.id}|${dem.activityType}`);
    const xs = new Map<number, number>();
    xOf.push(xs);
    const terms: [number, number][] = [];
    for (const c of dem.candidates) {
      if (!startStaffable(inst, data, d, c.week)) continue;
      const cost = c.cost + (before && before.week !== c.week && dem.ordinal === 1 ? w.change : 0);
      const x = b.col({ kind: 'x', d, s: c.week }, cost);
      xs.set(c.week, x);
      terms.push([x, 1]);
      for (const [wk] of data.onSite(d, c.week)) {
        const m = laWeek[dem.laIndex]!;
        m.set(wk, [...(m.get(wk) ?? []), [x, 1]]);
      }
    }
    if (dem.optional) terms.push([b.col({ kind: 'skip', d }, w.skip), 1]);
    b.row('place_activity', dem.key, 1, 1, terms);
  });
  for (const [li, weeks] of laWeek.entries())
    for (const [wk, terms] of weeks)
      if (terms.length > 1)
        b.row('one_activity_at_a_time', `${inst.las[li]!.id}@${wk}`, -INF, 1, terms);
  spacingRows(inst, demands, xOf, b);
  capacityRows(inst, data, xOf, b);
  noGoods.forEach((set, k) => {
    const terms = set.flatMap(([d, s]): [number, number][] => {
      const x = xOf[d]?.get(s);
      return x === undefined ? [] : [[x, 1]];
    });
    b.row('no_team_found', `schedule ${k + 1}`, -INF, terms.length - 1, terms);
  });
  return { mip: b.mip, columns: b.columns, rowGroups: b.rowGroups };
}

/** The capacity rows per pool of inspectors, and the bound on the most loaded inspector. */
function capacityRows(
  inst: ProgrammeInstance,
  data: StageData,
  xOf: Map<number, number>[],
  b: Builder<ScheduleColumn>,
): void {
  const { demands, unavailable } = data;
  const pools = new Map<string, number[]>();
  for (const p of data.pool) pools.set(p.join(','), p);
  const lmax =
    inst.inspectors.length > 0
      ? b.col({ kind: 'lmax' }, inst.settings.weights.balance, INF, true)
      : -1;
  for (const [key, pool] of pools) {
    const members = new Set(pool);
    // Demands whose every candidate is in this pool draw on it alone.
    const ds = demands.map((_, d) => d).filter((d) => data.pool[d]!.every((i) => members.has(i)));
    const team = new Map<number, [number, number][]>();
    const leads = new Map<number, [number, number][]>();
    const quarters = new Map<string, [number, number][]>();
    const load: [number, number][] = [];
    // Preparation: a member on site more than 5 - prep days in a week cannot start the next.
    const prep = Math.min(...pool.map((i) => inst.inspectors[i]!.preparationDays));
    const heavy = new Map<number, [number, number][]>();
    const startAt = new Map<number, [number, number][]>();
    for (const d of ds) {
      const size = demands[d]!.teamSize;
      if (size <= 0) continue;
      for (const [s, x] of xOf[d]!) {
        const weeks = data.onSite(d, s);
        startAt.set(s, [...(startAt.get(s) ?? []), [x, size]]);
        for (const [wk, days] of weeks) {
          if (prep > 0 && days + prep > 5) heavy.set(wk, [...(heavy.get(wk) ?? []), [x, size]]);
          team.set(wk, [...(team.get(wk) ?? []), [x, size]]);
          leads.set(wk, [...(leads.get(wk) ?? []), [x, 1]]);
          const q = quarterOf(inst, Math.min(wk, inst.weeks - 1));
          quarters.set(q, [...(quarters.get(q) ?? []), [x, size]]);
        }
        load.push([x, -size * weeks.length]);
      }
    }
    const free = (wk: number, lead: boolean) =>
      pool.filter((i) => !unavailable[i]!.has(wk) && (!lead || inst.inspectors[i]!.leadQualified))
        .length;
    for (const [wk, terms] of team)
      b.row('team_capacity', `${key}@${wk}`, -INF, free(wk, false), terms);
    for (const [wk, terms] of leads)
      b.row('lead_capacity', `${key}@${wk}`, -INF, free(wk, true), terms);
    for (const [q, terms] of quarters) {
      let cap = 0;
      for (const i of pool) {
        let weeksFree = 0;
        for (let wk = 0; wk < inst.weeks; wk += 1)
          if (quarterOf(inst, wk) === q && !unavailable[i]!.has(wk)) weeksFree += 1;
        cap += Math.min(inst.inspectors[i]!.maxWeeksOnSitePerQuarter, weeksFree);
      }
      b.row('quarter_capacity', `${key}@${q}`, -INF, cap, terms);
    }
    if (prep > 0)
      for (const [wk, terms] of heavy) {
        const next = startAt.get(wk + 1) ?? [];
        const free2 = pool.filter((i) => !unavailable[i]!.has(wk) || !unavailable[i]!.has(wk + 1));
        if (next.length > 0)
          b.row('preparation_capacity', `${key}@${wk}`, -INF, free2.length, [...terms, ...next]);
      }
    // The most loaded inspector carries at least the pool's average.
    if (lmax >= 0 && load.length > 0) b.row('load', key, 0, INF, [[lmax, pool.length], ...load]);
    classRows(inst, data, xOf, b, key, pool, ds);
  }
}

/** Free weeks of inspector i in quarter q, capped by their quarter limit. */
function quarterFree(inst: ProgrammeInstance, data: StageData, i: number, q: string): number {
  let free = 0;
  for (let wk = 0; wk < inst.weeks; wk += 1)
    if (quarterOf(inst, wk) === q && !data.unavailable[i]!.has(wk)) free += 1;
  return Math.min(inst.inspectors[i]!.maxWeeksOnSitePerQuarter, free);
}

const MAX_CLASSES = 24;

/**
 * Hall's condition on the smaller sets of inspectors some activities are limited to (those who
 * work the activity's days and have no conflict with the LA): the activities whose every eligible
 * inspector is in such a set E draw on E alone, so per week their team places are at most E's
 * members not away, their teams at most E's leads, and per quarter their team weeks at most what
 * E's quarter limits allow. Implied by the full model (each inspector is on one activity a week and
 * within their own quarter limit), so the stage stays a relaxation; without them a pool with a
 * part-time or conflicted member passes schedules the teams stage cannot staff.
 */
function classRows(
  inst: ProgrammeInstance,
  data: StageData,
  xOf: Map<number, number>[],
  b: Builder<ScheduleColumn>,
  key: string,
  pool: number[],
  ds: number[],
): void {
  const classes = new Map<string, number[]>();
  for (const d of ds)
    if (data.demands[d]!.teamSize > 0 && data.eligible[d]!.length < pool.length)
      classes.set(data.eligible[d]!.join(','), data.eligible[d]!);
  const sorted = [...classes.values()].sort((a, c) => a.length - c.length).slice(0, MAX_CLASSES);
  for (const members of sorted) {
    const inE = new Set(members);
    const name = `${key}/${members.join(',')}`;
    const team = new Map<number, [number, number][]>();
    const leads = new Map<number, [number, number][]>();
    const quarters = new Map<string, [number, number][]>();
    for (const d of ds) {
      const dem = data.demands[d]!;
      if (dem.teamSize <= 0 || !data.eligible[d]!.every((i) => inE.has(i))) continue;
      for (const [s, x] of xOf[d]!)
        for (const [wk] of data.onSite(d, s)) {
          team.set(wk, [...(team.get(wk) ?? []), [x, dem.teamSize]]);
          leads.set(wk, [...(leads.get(wk) ?? []), [x, 1]]);
          const q = quarterOf(inst, Math.min(wk, inst.weeks - 1));
          quarters.set(q, [...(quarters.get(q) ?? []), [x, dem.teamSize]]);
        }
    }
    const free = (wk: number, lead: boolean) =>
      members.filter(
        (i) => !data.unavailable[i]!.has(wk) && (!lead || inst.inspectors[i]!.leadQualified),
      ).length;
    for (const [wk, terms] of team)
      if (terms.reduce((a, [, v]) => a + v, 0) > free(wk, false))
        b.row('class_capacity', `${name}@${wk}`, -INF, free(wk, false), terms);
    for (const [wk, terms] of leads)
      if (terms.length > free(wk, true))
        b.row('class_lead_capacity', `${name}@${wk}`, -INF, free(wk, true), terms);
    for (const [q, terms] of quarters) {
      const cap = members.reduce((a, i) => a + quarterFree(inst, data, i, q), 0);
      if (terms.reduce((a, [, v]) => a + v, 0) > cap)
        b.row('class_quarter_capacity', `${name}@${q}`, -INF, cap, terms);
    }
  }
}
