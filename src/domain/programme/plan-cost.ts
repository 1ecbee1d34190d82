// The cost of a plan, worked out from the choices themselves (each demand's week and team, the
// skipped) with the same weights the models use: a check on the solver's own objective, and the
// objective of a plan put together from several solves (England, region by region).
import type { Demand } from './demand.js';
import type { ProgrammeInstance } from './instance.js';

export interface Choice {
  chosen: Map<number, number>;
  teams: Map<number, number[]>;
  skipped: Set<number>;
}

export function planCost(inst: ProgrammeInstance, demands: Demand[], choice: Choice): number {
  const w = inst.settings.weights;
  const prev = new Map(
    (inst.previous?.placements ?? []).map((p) => [`${p.laId}|${p.activityType}`, p] as const),
  );
  const load = new Map<number, number>();
  let cost = 0;
  for (const [d, s] of choice.chosen) {
    const dem = demands[d]!;
    const la = inst.las[dem.laIndex]!;
    const before = dem.ordinal === 1 ? prev.get(`${la.id}|${dem.activityType}`) : undefined;
    cost += dem.candidates.find((c) => c.week === s)?.cost ?? 0;
    if (before && before.week !== s) cost += w.change;
    const weeksOn = dem.daysByWeek.filter((x) => x > 0).length;
    for (const i of choice.teams.get(d) ?? []) {
      const p = inst.inspectors[i]!;
      if (p.homeRegion !== la.region) cost += w.travel;
      if (before && !before.team.includes(p.id)) cost += w.teamChange;
      load.set(i, (load.get(i) ?? 0) + weeksOn);
    }
  }
  cost += choice.skipped.size * w.skip;
  return cost + w.balance * Math.max(0, ...load.values());
}

/** The weeks on site of the most loaded inspector. */
export function maxLoad(demands: Demand[], choice: Choice): number {
  const load = new Map<number, number>();
  for (const [d] of choice.chosen) {
    const weeksOn = demands[d]!.daysByWeek.filter((x) => x > 0).length;
    for (const i of choice.teams.get(d) ?? []) load.set(i, (load.get(i) ?? 0) + weeksOn);
  }
  return Math.max(0, ...load.values());
}
