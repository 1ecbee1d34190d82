// Builds a programme's model, solves it with HiGHS (WebAssembly) and reads the plan back. Runs in
// a worker thread (solve-programme.ts) so that a solve of a minute blocks no request; tests and the
// benchmark may call it directly. Progress goes out through `notify` as it happens.
import highsModule, { type Highs } from 'highs';
import { checkPlan, type HardBreach } from '../domain/programme/check-plan.js';
import {
  decodePlan,
  diagnoseConflicts,
  type Conflict,
  type Plan,
} from '../domain/programme/decode.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import { buildModel, type BuiltModel } from '../domain/programme/model.js';

export interface SolveOptions {
  /** Seconds before the solver stops with the best plan found. */
  timeLimit: number;
  /** Stop when the proven gap is this small (default 0: optimal). */
  relativeGap?: number;
  /** HiGHS's mip_heuristic_effort (0-1; HiGHS's default 0.05). */
  heuristicEffort?: number;
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
}

// The package is CommonJS to TypeScript but its ESM build (what Node loads) exports the loader
// as default.
const loadHighs = highsModule as unknown as (typeof highsModule)['default'];
let loaded: Promise<Highs> | null = null;
const highs = () => (loaded ??= loadHighs());

const gapOf = (obj: number, bound: number) => Math.abs(obj - bound) / Math.max(1e-9, Math.abs(obj));

function run(
  h: Highs,
  built: BuiltModel,
  opts: SolveOptions,
  t0: number,
  notify: (p: ProgrammeProgress) => void,
): {
  status: number;
  values: Float64Array | null;
  objective: number | null;
  bound: number | null;
  firstFeasible: number | null;
} {
  const m = built.mip;
  const model = h.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper.map((u) => (u >= 1e30 ? h.infinity : u)),
    rowLower: m.rowLower.map((l) => (l <= -1e30 ? -h.infinity : l)),
    rowUpper: m.rowUpper.map((u) => (u >= 1e30 ? h.infinity : u)),
    integrality: m.integrality as (0 | 1)[],
    matrix: {
      format: 'csr',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
  });
  const secs = () => (performance.now() - t0) / 1000;
  let firstFeasible: number | null = null;
  let lastBound = -Infinity;
  let lastBoundAt = 0;
  try {
    model.options.set({
      output_flag: true,
      log_to_console: false,
      time_limit: Math.max(0.1, opts.timeLimit - secs()),
      mip_rel_gap: opts.relativeGap ?? 0,
      // More primal heuristics than the default 0.05: the first plans are otherwise poor.
      mip_heuristic_effort: opts.heuristicEffort ?? 0.05,
    });
    const cb = h.constants.callbackType;
    model.run({
      [cb.logging](e) {
        if (/presolv/i.test(e.message))
          notify({ kind: 'presolve', message: e.message.trim(), seconds: secs() });
        return undefined;
      },
      [cb.mipImprovingSolution](e) {
        const obj = e.data.objective_function_value ?? e.data.mip_primal_bound ?? NaN;
        const bound = e.data.mip_dual_bound ?? null;
        firstFeasible ??= secs();
        notify({
          kind: 'incumbent',
          objective: obj,
          bound,
          gap: bound === null ? null : gapOf(obj, bound),
          seconds: secs(),
        });
        return undefined;
      },
      [cb.mipLogging](e) {
        const bound = e.data.mip_dual_bound;
        // A bound message at most every 2 s, when the bound moved.
        if (bound !== undefined && bound > lastBound + 1e-9 && secs() - lastBoundAt > 2) {
          lastBound = bound;
          lastBoundAt = secs();
          const obj = e.data.mip_primal_bound ?? null;
          notify({
            kind: 'bound',
            objective: obj !== null && Number.isFinite(obj) ? obj : null,
            bound,
            gap: obj !== null && Number.isFinite(obj) ? gapOf(obj, bound) : null,
            seconds: secs(),
          });
        }
        return undefined;
      },
    });
    const status = model.getModelStatus();
    const sol = model.getSolution();
    // 2: a feasible primal solution is held.
    const hasPlan = Number(model.info.get('primal_solution_status')) === 2;
    const objective = hasPlan ? model.getObjectiveValue() : null;
    const bound = Number(model.info.get('mip_dual_bound'));
    return {
      status,
      values: hasPlan ? Float64Array.from(sol.colValue) : null,
      objective,
      bound: Number.isFinite(bound) ? bound : null,
      firstFeasible,
    };
  } finally {
    model.dispose();
  }
}

const statusWord = (h: Highs, code: number) =>
  Object.entries(h.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? String(code);

/** Build, solve, read back and check a programme; when none exists, say which rules conflict. */
export async function solveProgrammeHere(
  inst: ProgrammeInstance,
  opts: SolveOptions,
  notify: (p: ProgrammeProgress) => void = () => undefined,
): Promise<ProgrammeSolution> {
  const t0 = performance.now();
  const secs = () => (performance.now() - t0) / 1000;
  const h = await highs();
  const built = buildModel(inst);
  const size = {
    demands: built.demands.length,
    columns: built.mip.numCols,
    rows: built.mip.numRows,
  };
  notify({ kind: 'model-built', ...size, rowGroups: built.rowGroups, seconds: secs() });
  const r = run(h, built, opts, t0, notify);
  const S = h.constants.modelStatus;
  const base = {
    solverStatus: statusWord(h, r.status),
    objective: r.objective,
    bound: r.bound,
    gap: r.objective !== null && r.bound !== null ? gapOf(r.objective, r.bound) : null,
    firstFeasibleSeconds: r.firstFeasible ?? (r.values ? secs() : null),
    model: size,
  };
  if (r.values) {
    const plan = decodePlan(inst, built, r.values);
    return {
      ...base,
      status: r.status === S.optimal ? 'optimal' : 'time_limit',
      gap: r.status === S.optimal ? Math.min(base.gap ?? 0, opts.relativeGap ?? 0) : base.gap,
      seconds: secs(),
      plan,
      hardBreaches: checkPlan(inst, plan),
      conflicts: null,
    };
  }
  if (r.status !== S.infeasible)
    return {
      ...base,
      status: r.status === S.timeLimit ? 'no_plan_in_time' : 'error',
      seconds: secs(),
      plan: null,
      hardBreaches: [],
      conflicts: null,
    };
  // No plan exists: solve again with every hard group elastic and name the groups that gave.
  notify({ kind: 'diagnosing', seconds: secs() });
  const elastic = buildModel(inst, { elastic: true });
  const e = run(
    h,
    elastic,
    { timeLimit: Math.max(5, opts.timeLimit), relativeGap: 0.05 },
    performance.now(),
    notify,
  );
  return {
    ...base,
    status: 'infeasible',
    seconds: secs(),
    plan: null,
    hardBreaches: [],
    conflicts: e.values ? diagnoseConflicts(elastic, inst, e.values) : [],
  };
}
