// The mixed-integer model of a programme. Binary x[d,s]: demand d (an LA's activity) starts in
// week s; binary y[i,d,s]: inspector i is on its team. Hard rules are rows or missing columns;
// soft rules are costs. In elastic mode every hard group gets a penalised slack (and the columns
// that leave or conflicts removed come back at a penalty), so that an infeasible instance
// solves and the slacks it uses name the rules in conflict.
import { buildDemands, fieldworkDays, type Demand } from './demand.js';
import { unavailableWeeks, weekStart, worksFieldwork, type ProgrammeInstance } from './instance.js';
import { Builder, ELASTIC_PENALTY, INF, type MipModel } from './mip-builder.js';

export { ELASTIC_PENALTY, type MipModel } from './mip-builder.js';

export type Column =
  | { kind: 'x'; d: number; s: number; elastic?: string }
  | { kind: 'y'; d: number; s: number; i: number; elastic?: string }
  | { kind: 'skip'; d: number }
  | { kind: 'lmax' }
  | { kind: 'slack'; group: string; detail: string };

export interface BuiltModel {
  mip: MipModel;
  columns: Column[];
  demands: Demand[];
  /** Row counts by group, for the progress message. */
  rowGroups: Record<string, number>;
}

/** Calendar quarter (0-3 of the year, as a key with the year) of a week's Monday. */
export function quarterOf(inst: ProgrammeInstance, w: number): string {
  const mon = weekStart(inst, w);
  return `${mon.slice(0, 4)}-Q${Math.floor((Number(mon.slice(5, 7)) - 1) / 3) + 1}`;
}

export function candidateInspectors(inst: ProgrammeInstance, region: string): number[] {
  const all = inst.inspectors.map((_, i) => i);
  if (inst.settings.crossRegion) return all;
  const own = all.filter((i) => inst.inspectors[i]!.homeRegion === region);
  return own.length > 0 ? own : all;
}

export function buildModel(
  inst: ProgrammeInstance,
  opts: {
    elastic?: boolean;
    /** Only these start weeks (a neighbourhood of a schedule): a restriction, so no bound. */
    allow?: (d: number, s: number) => boolean;
  } = {},
): BuiltModel {
  const b = new Builder<Column>(opts.elastic ?? false, (group, detail) => ({
    kind: 'slack',
    group,
    detail,
  }));
  const demands = buildDemands(inst);
  const w = inst.settings.weights;
  const unavailable = inst.inspectors.map((p) => unavailableWeeks(inst, p));
  const prev = new Map(
    (inst.previous?.placements ?? []).map((p) => [`${p.laId}|${p.activityType}`, p] as const),
  );
  // Per inspector and week: the y columns on site (with days), and those starting the week after.
  const onSite = inst.inspectors.map(() => new Map<number, [number, number][]>());
  const startsAt = inst.inspectors.map(() => new Map<number, number[]>());
  const quarterLoad = inst.inspectors.map(() => new Map<string, [number, number][]>());
  const load: [number, number][][] = inst.inspectors.map(() => []);
  // Per LA and week: the x columns on site; per demand: the x columns by start week.
  const laWeek = inst.las.map(() => new Map<number, [number, number][]>());
  const xOf: Map<number, number>[] = [];
  const yOf = new Map<string, number[]>();
  const push = <K>(m: Map<K, [number, number][]>, k: K, t: [number, number]) =>
    m.set(k, [...(m.get(k) ?? []), t]);

  demands.forEach((dem, d) => {
    const la = inst.las[dem.laIndex]!;
    const xs = new Map<number, number>();
    xOf.push(xs);
    const before = prev.get(`${la.id}|${dem.activityType}`);
    const allowed = dem.candidates.filter((c) => !opts.allow || opts.allow(d, c.week));
    const weeks: { s: number; cost: number; group?: string }[] = allowed.map((c) => ({
      s: c.week,
      cost: c.cost + (before && before.week !== c.week && dem.ordinal === 1 ? w.change : 0),
    }));
    if (b.elastic)
      for (const e of dem.excluded)
        if (!e.rules.includes('horizon'))
          weeks.push({ s: e.week, cost: ELASTIC_PENALTY, group: e.rules.join('+') });
    const demandTerms: [number, number][] = [];
    const pool = candidateInspectors(inst, la.region);
    for (const { s, cost, group } of weeks) {
      const x = b.col(group ? { kind: 'x', d, s, elastic: group } : { kind: 'x', d, s }, cost);
      xs.set(s, x);
      demandTerms.push([x, 1]);
      dem.daysByWeek.forEach((days, k) => {
        if (days > 0) push(laWeek[dem.laIndex]!, s + k, [x, 1]);
      });
      const team: [number, number][] = [];
      const leads: [number, number][] = [];
      for (const i of pool) {
        const p = inst.inspectors[i]!;
        const blocked: string[] = [];
        if (p.conflictedLaIds.includes(la.id)) blocked.push('conflicts');
        if (!worksFieldwork(p, dem.startOffset, fieldworkDays(dem)))
          blocked.push('working_pattern');
        if (dem.daysByWeek.some((days, k) => days > 0 && unavailable[i]!.has(s + k)))
          blocked.push('leave');
        if (blocked.length > 0 && !b.elastic) continue;
        let cost2 = p.homeRegion !== la.region ? w.travel : 0;
        if (before && dem.ordinal === 1 && !before.team.includes(p.id)) cost2 += w.teamChange;
        if (blocked.length > 0) cost2 += ELASTIC_PENALTY;
        const y = b.col(
          blocked.length > 0
            ? { kind: 'y', d, s, i, elastic: blocked.join('+') }
            : { kind: 'y', d, s, i },
          cost2,
        );
        yOf.set(`${d}|${i}`, [...(yOf.get(`${d}|${i}`) ?? []), y]);
        team.push([y, 1]);
        if (p.leadQualified) leads.push([y, 1]);
        let weeksOn = 0;
        dem.daysByWeek.forEach((days, k) => {
          if (days <= 0) return;
          weeksOn += 1;
          push(onSite[i]!, s + k, [y, days]);
          push(quarterLoad[i]!, quarterOf(inst, Math.min(s + k, inst.weeks - 1)), [y, 1]);
        });
        load[i]!.push([y, weeksOn]);
        startsAt[i]!.set(s, [...(startsAt[i]!.get(s) ?? []), y]);
      }
      b.row('team_size', `${dem.key}@${s}`, 0, 0, [...team, [x, -dem.teamSize]]);
      if (dem.teamSize > 0) b.row('one_lead', `${dem.key}@${s}`, 0, INF, [...leads, [x, -1]]);
    }
    if (dem.optional) demandTerms.push([b.col({ kind: 'skip', d }, w.skip), 1]);
    // Firm even in elastic mode: the diagnosis is about why an activity cannot be placed.
    b.row('place_activity', dem.key, 1, 1, demandTerms, true);
  });

  for (const [li, weeks] of laWeek.entries())
    for (const [wk, terms] of weeks)
      if (terms.length > 1)
        b.row('one_activity_at_a_time', `${inst.las[li]!.id}@${wk}`, -INF, 1, terms);

  spacingRows(inst, demands, xOf, b);

  inst.inspectors.forEach((p, i) => {
    for (const [wk, terms] of onSite[i]!) {
      if (terms.length > 1)
        b.row(
          'no_double_booking',
          `${p.id}@${wk}`,
          -INF,
          1,
          terms.map(([c]) => [c, 1]),
        );
      const next = p.preparationDays > 0 ? (startsAt[i]!.get(wk + 1) ?? []) : [];
      if (next.length > 0)
        b.row('preparation_days', `${p.id}@${wk}`, -INF, 5, [
          ...terms,
          ...next.map((c): [number, number] => [c, p.preparationDays]),
        ]);
    }
    for (const [q, terms] of quarterLoad[i]!) {
      if (terms.length > p.maxWeeksOnSitePerQuarter)
        b.row('weeks_on_site_per_quarter', `${p.id}@${q}`, -INF, p.maxWeeksOnSitePerQuarter, terms);
    }
  });

  if (inst.inspectors.length > 0) {
    const lmax = b.col({ kind: 'lmax' }, w.balance, INF, false);
    inst.inspectors.forEach((p, i) => {
      if (load[i]!.length > 0)
        b.row('load', p.id, 0, INF, [
          [lmax, 1],
          ...load[i]!.map(([c, v]): [number, number] => [c, -v]),
        ]);
    });
  }

  pinRows(inst, demands, xOf, yOf, b);
  return { mip: b.mip, columns: b.columns, demands, rowGroups: b.rowGroups };
}

/** The weeks two activities of one LA must keep apart, for each spacing rule between them. */
export function spacingRows<C>(
  inst: ProgrammeInstance,
  demands: Demand[],
  xOf: Map<number, number>[],
  b: Builder<C>,
): void {
  const rules = inst.rules.rules;
  const gaps = [
    ...rules.spacing
      .filter((r) => r.kind === 'gap')
      .map((r) => ({ key: r.key, a: r.activityTypes, o: r.otherTypes, weeks: r.weeks })),
    ...rules.cadence.map((r) => ({
      key: r.key,
      a: r.activityTypes,
      o: r.activityTypes,
      weeks: Math.ceil((r.minMonths * 30.44) / 7),
    })),
  ];
  const byLa = new Map<number, number[]>();
  demands.forEach((dem, d) => byLa.set(dem.laIndex, [...(byLa.get(dem.laIndex) ?? []), d]));
  for (const [laIndex, ds] of byLa) {
    for (const g of gaps) {
      const related = (p: number, q: number) => {
        const tp = demands[p]!.activityType;
        const tq = demands[q]!.activityType;
        return (g.a.includes(tp) && g.o.includes(tq)) || (g.a.includes(tq) && g.o.includes(tp));
      };
      const involved = ds.filter((p) => ds.some((q) => q !== p && related(p, q)));
      if (involved.length < 2) continue;
      const span = g.weeks + Math.max(...involved.map((p) => demands[p]!.daysByWeek.length));
      for (let wk = 0; wk < inst.weeks; wk += 1) {
        const terms: [number, number][] = [];
        const from = new Set<number>();
        for (const p of involved)
          for (const [s, x] of xOf[p]!)
            if (s >= wk && s < wk + span) {
              terms.push([x, 1]);
              from.add(p);
            }
        if (from.size > 1) b.row(g.key, `${inst.las[laIndex]!.id}@${wk}`, -INF, 1, terms);
      }
    }
  }
}

/** A pinned inspector is on the pinned activity whenever it is placed. */
function pinRows(
  inst: ProgrammeInstance,
  demands: Demand[],
  xOf: Map<number, number>[],
  yOf: Map<string, number[]>,
  b: Builder<Column>,
): void {
  for (const pin of inst.pins) {
    const d = demands.findIndex(
      (x) =>
        x.ordinal === 1 &&
        x.activityType === pin.activityType &&
        inst.las[x.laIndex]!.id === pin.laId,
    );
    if (d < 0) continue;
    for (const id of pin.inspectorIds ?? []) {
      const i = inst.inspectors.findIndex((p) => p.id === id);
      const ys = yOf.get(`${d}|${i}`) ?? [];
      const terms: [number, number][] = [
        ...ys.map((c): [number, number] => [c, 1]),
        ...[...xOf[d]!.values()].map((c): [number, number] => [c, -1]),
      ];
      b.row('pin', `${pin.laId}|${pin.activityType}|${id}`, 0, 0, terms);
    }
  }
}
