// One HiGHS run of a MIP built by domain/programme (any of its models), with the progress
// callbacks, an optional starting solution, and HiGHS's own work figures (simplex iterations,
// branch-and-bound nodes) so that a benchmark on a shared machine can report work, not only time.
import highsModule, { type Highs } from 'highs';
import type { MipModel } from '../domain/programme/mip-builder.js';
import type { ProgrammeProgress } from './highs-solve.js';

// The package is CommonJS to TypeScript but its ESM build (what Node loads) exports the loader
// as default.
const loadHighs = highsModule as unknown as (typeof highsModule)['default'];
let loaded: Promise<Highs> | null = null;
export const highs = () => (loaded ??= loadHighs());

export const gapOf = (obj: number, bound: number) =>
  Math.abs(obj - bound) / Math.max(1e-9, Math.abs(obj));

export const statusWord = (h: Highs, code: number) =>
  Object.entries(h.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? String(code);

/** What HiGHS did: summed over the runs of one solve. */
export interface SolverWork {
  runs: number;
  simplexIterations: number;
  nodes: number;
  /** CPU seconds of the process over the solve (the solver's own share on a busy machine). */
  cpuSeconds?: number;
}

export const noWork = (): SolverWork => ({ runs: 0, simplexIterations: 0, nodes: 0 });

/** An info value HiGHS may not hold for every kind of run (0 then). */
function info(model: { info: { get(name: string): number | bigint } }, name: string): number {
  try {
    return Math.max(0, Number(model.info.get(name)));
  } catch {
    return 0;
  }
}

export interface RunOptions {
  timeLimit: number;
  relativeGap?: number;
  heuristicEffort?: number;
  /** A feasible starting point (every column's value) for HiGHS to start from. */
  start?: Float64Array;
  /** Send incumbent and bound events (the stage the user watches). */
  events?: boolean;
}

export interface RunResult {
  status: number;
  values: Float64Array | null;
  objective: number | null;
  bound: number | null;
  firstFeasible: number | null;
}

export function run(
  h: Highs,
  m: MipModel,
  opts: RunOptions,
  t0: number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork = noWork(),
): RunResult {
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
  const events = opts.events ?? true;
  let firstFeasible: number | null = null;
  let lastBound = -Infinity;
  let lastBoundAt = 0;
  try {
    model.options.set({
      output_flag: true,
      log_to_console: false,
      time_limit: Math.max(0.1, opts.timeLimit),
      mip_rel_gap: opts.relativeGap ?? 0,
      mip_heuristic_effort: opts.heuristicEffort ?? 0.05,
    });
    if (opts.start) model.setSolution({ colValue: opts.start });
    const cb = h.constants.callbackType;
    model.run({
      [cb.logging](e) {
        if (events && /presolv/i.test(e.message))
          notify({ kind: 'presolve', message: e.message.trim(), seconds: secs() });
        return undefined;
      },
      [cb.mipImprovingSolution](e) {
        const obj = e.data.objective_function_value ?? e.data.mip_primal_bound ?? NaN;
        const bound = e.data.mip_dual_bound ?? null;
        firstFeasible ??= secs();
        if (events)
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
        if (events && bound !== undefined && bound > lastBound + 1e-9 && secs() - lastBoundAt > 2) {
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
    work.runs += 1;
    work.simplexIterations += info(model, 'simplex_iteration_count');
    work.nodes += info(model, 'mip_node_count');
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
