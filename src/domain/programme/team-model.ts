// The second stage of the two-stage solve: with each activity's week fixed by the first stage
// (schedule-model.ts), who is on each team. Binary y[i,d]: inspector i is on demand d's team.
// The inspectors' hard rules are the full model's rows for those weeks (team size, one lead,
// leave and conflicts as missing columns, no double booking, preparation days, the quarter's
// limit, pins); the costs are the team's (travel, changes from the last plan, the most loaded
// inspector's weeks).
import type { StageData } from './schedule-model.js';
import { freeFor } from './schedule-model.js';
import type { ProgrammeInstance } from './instance.js';
import { Builder, INF, type MipModel } from './mip-builder.js';
import { quarterOf } from './model.js';

export type TeamColumn =
  | { kind: 'y'; d: number; i: number }
  | { kind: 'lmax' }
  | { kind: 'slack'; group: string; detail: string };

export interface TeamModel {
  mip: MipModel;
  columns: TeamColumn[];
  rowGroups: Record<string, number>;
}

export function buildTeamModel(
  inst: ProgrammeInstance,
  data: StageData,
  /** The start week of each placed demand. */
  chosen: Map<number, number>,
  opts: { elastic?: boolean } = {},
): TeamModel {
  const b = new Builder<TeamColumn>(opts.elastic ?? false, (group, detail) => ({
    kind: 'slack',
    group,
    detail,
  }));
  const w = inst.settings.weights;
  const prev = new Map(
    (inst.previous?.placements ?? []).map((p) => [`${p.laId}|${p.activityType}`, p] as const),
  );
  const n = inst.inspectors.length;
  const onSite = Array.from({ length: n }, () => new Map<number, [number, number][]>());
  const startsAt = Array.from({ length: n }, () => new Map<number, number[]>());
  const quarters = Array.from({ length: n }, () => new Map<string, [number, number][]>());
  const load: [number, number][][] = Array.from({ length: n }, () => []);
  const push = <K>(m: Map<K, [number, number][]>, k: K, t: [number, number]) =>
    m.set(k, [...(m.get(k) ?? []), t]);
  for (const [d, s] of chosen) {
    const dem = data.demands[d]!;
    const la = inst.las[dem.laIndex]!;
    const before = prev.get(`${la.id}|${dem.activityType}`);
    const pin = inst.pins.find((p) => p.laId === la.id && p.activityType === dem.activityType);
    const pinned = dem.ordinal === 1 ? (pin?.inspectorIds ?? []) : [];
    const weeks = data.onSite(d, s);
    const team: [number, number][] = [];
    const leads: [number, number][] = [];
    for (const i of freeFor(data, d, s)) {
      const p = inst.inspectors[i]!;
      let cost = p.homeRegion !== la.region ? w.travel : 0;
      if (before && dem.ordinal === 1 && !before.team.includes(p.id)) cost += w.teamChange;
      const y = b.col({ kind: 'y', d, i }, cost, 1, true, pinned.includes(p.id) ? 1 : 0);
      team.push([y, 1]);
      if (p.leadQualified) leads.push([y, 1]);
      for (const [wk, days] of weeks) {
        push(onSite[i]!, wk, [y, days]);
        push(quarters[i]!, quarterOf(inst, Math.min(wk, inst.weeks - 1)), [y, 1]);
      }
      load[i]!.push([y, weeks.length]);
      startsAt[i]!.set(s, [...(startsAt[i]!.get(s) ?? []), y]);
    }
    // With too few free inspectors these rows have no solution: the stage says so.
    b.row('team_size', `${dem.key}@${s}`, dem.teamSize, dem.teamSize, team);
    if (dem.teamSize > 0) b.row('one_lead', `${dem.key}@${s}`, 1, INF, leads);
  }
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
    for (const [q, terms] of quarters[i]!)
      if (terms.length > p.maxWeeksOnSitePerQuarter)
        b.row('weeks_on_site_per_quarter', `${p.id}@${q}`, -INF, p.maxWeeksOnSitePerQuarter, terms);
  });
  if (n > 0) {
    const lmax = b.col({ kind: 'lmax' }, w.balance, INF, false);
    load.forEach((terms, i) => {
      if (terms.length > 0)
        b.row('load', inst.inspectors[i]!.id, 0, INF, [
          [lmax, 1],
          ...terms.map(([c, v]): [number, number] => [c, -v]),
        ]);
    });
  }
  return { mip: b.mip, columns: b.columns, rowGroups: b.rowGroups };
}
