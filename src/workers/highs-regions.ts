// England region by region. When teams do not cross regions (the default) and every region has
// its own inspectors, the regions share no hard rule: an LA's activities draw only on its own
// region's inspectors. They share one cost, the most loaded inspector's weeks (weight b, over all
// inspectors). Each region r is solved alone with that weight at b/R (R regions): for any plan,
//   b * max over regions of L_r >= sum over regions of (b/R) * L_r   (a maximum is at least the mean),
// so England's cost is at least the sum of the regions' costs with b/R, and the sum of the
// regions' proven lower bounds under b/R is a proven lower bound for England. The plan is the
// union of the regions' plans, costed again with the true weights (plan-cost.ts).
import type { Highs } from 'highs';
import type { Demand } from '../domain/programme/demand.js';
import { buildDemands } from '../domain/programme/demand.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import { planCost, type Choice } from '../domain/programme/plan-cost.js';
import { solveChoice, type ChoiceResult } from './highs-choice.js';
import type { ProgrammeProgress, SolveOptions } from './highs-solve.js';
import { gapOf, type SolverWork } from './highs-run.js';

/** The instance cut into regions, or null when they are not independent (or only one). */
export function splitByRegion(inst: ProgrammeInstance): ProgrammeInstance[] | null {
  if (inst.settings.crossRegion) return null;
  const regions = [...new Set(inst.las.map((la) => la.region))].sort();
  if (regions.length < 2) return null;
  const parts: ProgrammeInstance[] = [];
  for (const region of regions) {
    const inspectors = inst.inspectors.filter((p) => p.homeRegion === region);
    // A region without inspectors borrows everyone's: the regions are then not independent.
    if (inspectors.length === 0) return null;
    const las = inst.las.filter((la) => la.region === region);
    const ids = new Set(las.map((la) => la.id));
    const own = new Set(inspectors.map((p) => p.id));
    const pins = inst.pins.filter((p) => ids.has(p.laId));
    if (pins.some((p) => (p.inspectorIds ?? []).some((id) => !own.has(id)))) return null;
    parts.push({
      ...inst,
      las,
      inspectors,
      pins,
      previous: inst.previous
        ? { placements: inst.previous.placements.filter((p) => ids.has(p.laId)) }
        : null,
      settings: {
        ...inst.settings,
        weights: {
          ...inst.settings.weights,
          balance: inst.settings.weights.balance / regions.length,
        },
      },
    });
  }
  return parts;
}

export type RegionsResult = ChoiceResult & {
  regions: number;
  infeasibleRegion?: ProgrammeInstance;
};

export function solveByRegion(
  h: Highs,
  inst: ProgrammeInstance,
  demands: Demand[],
  parts: ProgrammeInstance[],
  opts: SolveOptions,
  t0: number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork,
): RegionsResult {
  const secs = () => (performance.now() - t0) / 1000;
  const demandIndex = new Map(demands.map((d, k) => [d.key, k]));
  const inspectorIndex = new Map(inst.inspectors.map((p, k) => [p.id, k]));
  const choice: Choice = { chosen: new Map(), teams: new Map(), skipped: new Set() };
  const size = { columns: 0, rows: 0 };
  let bound = 0;
  let firstFeasible = 0;
  let allOptimal = true;
  const notes = new Set<string>();
  const planned: {
    part: ProgrammeInstance;
    partDemands: Demand[];
    r: ChoiceResult & { kind: 'plan' };
  }[] = [];
  // Each region's gap a little under the target: the regions' shares of the balance cost add to
  // England's gap (the most loaded inspector against the regions' mean).
  const relativeGap = (opts.relativeGap ?? 0) * 0.8;
  for (const [k, part] of parts.entries()) {
    const region = part.las[0]!.region;
    const budget = (opts.timeLimit - secs()) / (parts.length - k);
    const partDemands = buildDemands(part);
    const r = solveChoice(
      h,
      part,
      partDemands,
      { ...opts, relativeGap, timeLimit: secs() + budget },
      t0,
      // The regions' own incumbents and bounds would mislead: England's come at the end.
      (p) => (p.kind === 'incumbent' || p.kind === 'bound' ? undefined : notify(p)),
      work,
    );
    size.columns += r.size.columns;
    size.rows += r.size.rows;
    if (r.method.note) notes.add(r.method.note);
    const method = { kind: 'two-stage' as const, note: `by region (${parts.length})` };
    if (r.kind === 'infeasible')
      return { kind: 'infeasible', size, method, regions: parts.length, infeasibleRegion: part };
    if (r.kind === 'no_plan_in_time')
      return {
        kind: 'no_plan_in_time',
        bound: null,
        solverStatus: r.solverStatus,
        size,
        method,
        regions: parts.length,
      };
    planned.push({ part, partDemands, r });
    notify({
      kind: 'presolve',
      message: `${region}: planned (${k + 1} of ${parts.length} regions), its gap ${r.bound === null ? 'unknown' : `${(100 * gapOf(r.objective, r.bound)).toFixed(2)}%`}`,
      seconds: secs(),
    });
  }
  firstFeasible = secs();
  // The time left goes to the regions furthest from their bounds, one at a time, from scratch
  // with all of it (a region's plan is replaced only by a cheaper one; its bound only rises).
  const tried = new Set<number>();
  for (;;) {
    const open = planned
      .map((p, k) => ({ k, slack: p.r.objective - (p.r.bound ?? 0) }))
      .filter(
        ({ k, slack }) => !tried.has(k) && slack > relativeGap * planned[k]!.r.objective + 1e-6,
      )
      .sort((x, y) => y.slack - x.slack);
    if (open.length === 0 || opts.timeLimit - secs() < 2) break;
    const k = open[0]!.k;
    tried.add(k);
    const { part, partDemands, r: before } = planned[k]!;
    const again = solveChoice(
      h,
      part,
      partDemands,
      { ...opts, relativeGap, timeLimit: opts.timeLimit },
      t0,
      (p) => (p.kind === 'incumbent' || p.kind === 'bound' ? undefined : notify(p)),
      work,
    );
    if (again.kind !== 'plan') continue;
    const lower = Math.max(before.bound ?? 0, again.bound ?? 0);
    planned[k]!.r = { ...(again.objective < before.objective ? again : before), bound: lower };
  }
  for (const { part, partDemands, r } of planned) {
    if (r.bound === null) allOptimal = false;
    bound += r.bound ?? 0;
    if (r.solverStatus !== 'optimal') allOptimal = false;
    for (const [d, s] of r.choice.chosen)
      choice.chosen.set(demandIndex.get(partDemands[d]!.key)!, s);
    for (const d of r.choice.skipped) choice.skipped.add(demandIndex.get(partDemands[d]!.key)!);
    for (const [d, team] of r.choice.teams)
      choice.teams.set(
        demandIndex.get(partDemands[d]!.key)!,
        team.map((i) => inspectorIndex.get(part.inspectors[i]!.id)!),
      );
  }
  const objective = planCost(inst, demands, choice);
  const b = Math.min(bound, objective);
  notify({ kind: 'incumbent', objective, bound: b, gap: gapOf(objective, b), seconds: secs() });
  return {
    kind: 'plan',
    choice,
    objective,
    bound: b,
    firstFeasible,
    solverStatus: allOptimal ? 'regions_optimal' : 'time_limit',
    size,
    method: {
      kind: 'two-stage',
      note: [`by region (${parts.length}), bound the sum of the regions'`, ...notes].join('; '),
    },
    regions: parts.length,
  };
}
