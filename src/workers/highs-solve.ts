// Builds a programme's model, solves it with HiGHS (WebAssembly) and reads the plan back. Runs in
// a worker thread (solve-programme.ts) so that a solve of a minute blocks no request; tests and the
// benchmark may call it directly. Progress goes out through `notify` as it happens.
import { checkPlan, type HardBreach } from '../domain/programme/check-plan.js';
import {
  decodeChoice,
  diagnoseConflicts,
  type Conflict,
  type Plan,
} from '../domain/programme/decode.js';
import { buildDemands } from '../domain/programme/demand.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import { buildModel } from '../domain/programme/model.js';
import { solveChoice, type ChoiceResult } from './highs-choice.js';
import { gapOf, highs, noWork, run, type SolverWork } from './highs-run.js';
import { solveByRegion, splitByRegion } from './highs-regions.js';

export interface SolveOptions {
  /** Seconds before the solver stops with the best plan found. */
  timeLimit: number;
  /** Stop when the proven gap is this small (default 0: optimal). */
  relativeGap?: number;
  /** HiGHS's mip_heuristic_effort (0-1; HiGHS's default 0.05). */
  heuristicEffort?: number;
  /**
   * two-stage (the default): weeks first with the inspectors as capacity, then the teams, falling
   * back to the full model if no team can be found; full: the one model with y[inspector,
   * activity, week] (slow beyond a small region; kept for comparison and the diagnosis).
   */
  method?: 'two-stage' | 'full';
}

export type ProgrammeProgress =
  | {
      kind: 'model-built';
      demands: number;
      columns: number;
      rows: number;
      rowGroups: Record<string, number>;
      seconds: number;
    }
  | { kind: 'presolve'; message: string; seconds: number }
  | {
      kind: 'incumbent';
      objective: number;
      bound: number | null;
      gap: number | null;
      seconds: number;
    }
  | { kind: 'bound'; objective: number | null; bound: number; gap: number | null; seconds: number }
  | { kind: 'diagnosing'; seconds: number };

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'no_plan_in_time' | 'error';

export interface ProgrammeSolution {
  status: SolveStatus;
  /** The solver's status word (HiGHS model status). */
  solverStatus: string;
  objective: number | null;
  /** The proven lower bound and the relative gap between it and the plan. */
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** Seconds to the first feasible plan. */
  firstFeasibleSeconds: number | null;
  model: { demands: number; columns: number; rows: number };
  plan: Plan | null;
  /** The independent checker's findings: must be empty. */
  hardBreaches: HardBreach[];
  /** When no plan exists: the rules that had to give for one to exist. */
  conflicts: Conflict[] | null;
  /** How it was solved: the two stages, or the full model (and why, after the two stages). */
  method?: { kind: 'two-stage' | 'full'; note?: string };
  /** HiGHS's own work: runs, simplex iterations and branch-and-bound nodes. */
  work?: SolverWork;
}

/** Build, solve, read back and check a programme; when none exists, say which rules conflict. */
export async function solveProgrammeHere(
  inst: ProgrammeInstance,
  opts: SolveOptions,
  notify: (p: ProgrammeProgress) => void = () => undefined,
): Promise<ProgrammeSolution> {
  const t0 = performance.now();
  const secs = () => (performance.now() - t0) / 1000;
  const h = await highs();
  const cpu0 = process.cpuUsage();
  const work = noWork();
  const cpu = () => {
    const u = process.cpuUsage(cpu0);
    work.cpuSeconds = (u.user + u.system) / 1e6;
    return work;
  };
  const demands = buildDemands(inst);
  const parts = (opts.method ?? 'two-stage') === 'two-stage' ? splitByRegion(inst) : null;
  const r: ChoiceResult & { infeasibleRegion?: ProgrammeInstance } = parts
    ? solveByRegion(h, inst, demands, parts, opts, t0, notify, work)
    : solveChoice(h, inst, demands, opts, t0, notify, work);
  const model = { demands: demands.length, columns: r.size.columns, rows: r.size.rows };
  if (r.kind === 'plan') {
    const plan = decodeChoice(inst, demands, r.choice);
    const gap = r.bound === null ? null : gapOf(r.objective, r.bound);
    const optimal = gap !== null && gap <= Math.max(opts.relativeGap ?? 0, 1e-6);
    return {
      status: optimal ? 'optimal' : 'time_limit',
      solverStatus: optimal ? 'optimal' : r.solverStatus,
      objective: r.objective,
      bound: r.bound,
      gap,
      seconds: secs(),
      firstFeasibleSeconds: r.firstFeasible,
      model,
      plan,
      hardBreaches: checkPlan(inst, plan),
      conflicts: null,
      method: r.method,
      work: cpu(),
    };
  }
  if (r.kind === 'no_plan_in_time')
    return {
      status: 'no_plan_in_time',
      solverStatus: r.solverStatus,
      objective: null,
      bound: r.bound,
      gap: null,
      seconds: secs(),
      firstFeasibleSeconds: null,
      model,
      plan: null,
      hardBreaches: [],
      conflicts: null,
      method: r.method,
      work: cpu(),
    };
  // The two stages' first is a relaxation, so no plan exists: the full model's elastic form
  // names the rules (of the region that has none, when England was solved region by region).
  return diagnose(r.infeasibleRegion ?? inst, opts, t0, notify, work, model, r.method);
}

/** No plan exists: solve again with every hard group elastic and name the groups that gave. */
function diagnose(
  inst: ProgrammeInstance,
  opts: SolveOptions,
  t0: number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork,
  model: ProgrammeSolution['model'],
  method: NonNullable<ProgrammeSolution['method']>,
): Promise<ProgrammeSolution> {
  return highs().then((h) => {
    notify({ kind: 'diagnosing', seconds: (performance.now() - t0) / 1000 });
    const elastic = buildModel(inst, { elastic: true });
    const e = run(
      h,
      elastic.mip,
      { timeLimit: Math.max(5, opts.timeLimit), relativeGap: 0.05 },
      performance.now(),
      notify,
      work,
    );
    return {
      status: 'infeasible' as const,
      solverStatus: 'infeasible',
      objective: null,
      bound: null,
      gap: null,
      seconds: (performance.now() - t0) / 1000,
      firstFeasibleSeconds: null,
      model,
      plan: null,
      hardBreaches: [],
      conflicts: e.values ? diagnoseConflicts(elastic, inst, e.values) : [],
      method,
      work,
    };
  });
}
