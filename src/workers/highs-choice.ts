// One programme solved to a choice (each activity's week and team, the skipped): the two stages
// first; when the teams stage cannot staff the schedules it is given, the full model restricted
// to a few weeks either side of the last schedule (small, so quick); and if that has no plan,
// the full model. The bound is only ever one proven for the whole instance: the first stage's
// (a relaxation) or the unrestricted full model's, never the restricted model's.
import type { Highs } from 'highs';
import type { Demand } from '../domain/programme/demand.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import { buildModel, type BuiltModel } from '../domain/programme/model.js';
import { maxLoad, planCost, type Choice } from '../domain/programme/plan-cost.js';
import { stageData } from '../domain/programme/schedule-model.js';
import type { ProgrammeProgress, SolveOptions } from './highs-solve.js';
import { gapOf, run, statusWord, type SolverWork } from './highs-run.js';
import { solveTwoStage } from './highs-two-stage.js';

export type ChoiceResult = (
  | {
      kind: 'plan';
      choice: Choice;
      objective: number;
      bound: number | null;
      firstFeasible: number;
      /** The solver's word for how the search ended (optimal, time_limit ...). */
      solverStatus: string;
    }
  | { kind: 'infeasible' }
  | { kind: 'no_plan_in_time'; bound: number | null; solverStatus: string }
) & {
  size: { columns: number; rows: number };
  method: { kind: 'two-stage' | 'full'; note?: string };
};

/** Weeks either side of the last schedule the restricted full model may move an activity. */
const NEIGHBOURHOOD = 3;

function choiceOf(built: BuiltModel, values: ArrayLike<number>): Choice {
  const choice: Choice = { chosen: new Map(), teams: new Map(), skipped: new Set() };
  built.columns.forEach((c, k) => {
    if ((values[k] ?? 0) < 0.5) return;
    if (c.kind === 'x') choice.chosen.set(c.d, c.s);
    if (c.kind === 'y') choice.teams.set(c.d, [...(choice.teams.get(c.d) ?? []), c.i]);
    if (c.kind === 'skip') choice.skipped.add(c.d);
  });
  return choice;
}

/** Every column's value for a plan (the full model's starting solution). */
function startOf(
  inst: ProgrammeInstance,
  demands: Demand[],
  built: BuiltModel,
  choice: Choice,
): Float64Array {
  const lmax = maxLoad(demands, choice);
  return Float64Array.from(built.columns, (c) => {
    if (c.kind === 'x') return choice.chosen.get(c.d) === c.s ? 1 : 0;
    if (c.kind === 'y')
      return choice.chosen.get(c.d) === c.s && (choice.teams.get(c.d) ?? []).includes(c.i) ? 1 : 0;
    if (c.kind === 'skip') return choice.skipped.has(c.d) ? 1 : 0;
    if (c.kind === 'lmax') return inst.inspectors.length > 0 ? lmax : 0;
    return 0;
  });
}

/**
 * Solve `inst` by `opts.timeLimit` seconds after t0 (event times are from t0 too). With method
 * full, only the full model.
 */
export function solveChoice(
  h: Highs,
  inst: ProgrammeInstance,
  demands: Demand[],
  opts: SolveOptions,
  t0: number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork,
): ChoiceResult {
  const secs = () => (performance.now() - t0) / 1000;
  const S = h.constants.modelStatus;
  let bound: number | null = null;
  let note: string | undefined;
  let size = { columns: 0, rows: 0 };
  // A plan from repairing the two stages' schedule: the full model then starts from it.
  let repaired: (ChoiceResult & { kind: 'plan' }) | null = null;
  const relativeGap = opts.relativeGap ?? 0;
  const plan = (choice: Choice, b: number | null, firstFeasible: number, status: string) => {
    const objective = planCost(inst, demands, choice);
    // The bound never passes the plan (rounding in the solver's sums).
    return {
      kind: 'plan' as const,
      choice,
      objective,
      bound: b === null ? null : Math.min(b, objective),
      firstFeasible,
      solverStatus: status,
    };
  };
  if ((opts.method ?? 'two-stage') === 'two-stage') {
    const two = solveTwoStage(h, inst, demands, opts, t0, notify, work);
    size = two.size;
    const method = { kind: 'two-stage' as const };
    if (two.kind === 'plan') {
      const status = two.scheduleOptimal ? 'teams_above_bound' : 'time_limit';
      return { ...plan(two, two.bound, two.firstFeasible, status), size, method };
    }
    if (two.kind === 'infeasible') return { kind: 'infeasible', size, method };
    if (two.kind === 'no_plan_in_time')
      return {
        kind: 'no_plan_in_time',
        bound: two.bound,
        solverStatus: 'time_limit',
        size,
        method,
      };
    bound = two.bound;
    note = two.reason;
    if (two.last) {
      const last = two.last;
      const pools = stageData(inst, demands).pool.map((p) => p.join(','));
      // The activities on site within a few weeks of where the teams fell short, in that pool.
      const nearTrouble = (d: number) => {
        const s = last.get(d)!;
        const end = s + demands[d]!.daysByWeek.length - 1;
        return two.trouble.some(
          (t) => t.pool === pools[d] && end >= t.from - NEIGHBOURHOOD && s <= t.to + NEIGHBOURHOOD,
        );
      };
      // First only those move (the rest keep their weeks, all teams are chosen again); then all.
      const repairs = [
        { what: 'those near the shortfall in any week', free: nearTrouble, reach: Infinity },
        {
          what: `every activity within ${NEIGHBOURHOOD} weeks`,
          free: () => true,
          reach: NEIGHBOURHOOD,
        },
      ];
      for (const { what, free, reach } of repairs) {
        if (opts.timeLimit - secs() < 0.5) break;
        const near = buildModel(inst, {
          allow: (d, s) =>
            last.has(d) && (last.get(d) === s || (free(d) && Math.abs(last.get(d)! - s) <= reach)),
        });
        notify({
          kind: 'presolve',
          message: `Teams: the full model, ${what} of the schedule`,
          seconds: secs(),
        });
        const r = run(
          h,
          near.mip,
          // The first repair may not use all the time: the wider one and the full model follow.
          {
            timeLimit: (opts.timeLimit - secs()) * (free === nearTrouble ? 0.4 : 0.6),
            relativeGap,
            events: false,
          },
          t0,
          notify,
          work,
        );
        size = { columns: size.columns + near.mip.numCols, rows: size.rows + near.mip.numRows };
        if (r.values) {
          repaired = {
            ...plan(choiceOf(near, r.values), bound, r.firstFeasible ?? secs(), 'time_limit'),
            size,
            method: {
              kind: 'two-stage' as const,
              note: `${note}; teams from the full model moving ${what} of the schedule`,
            },
          };
          break;
        }
      }
    }
    // A repaired plan within the gap asked, or no time left to improve it: done.
    if (
      repaired?.kind === 'plan' &&
      (opts.timeLimit - secs() < 1 ||
        (repaired.bound !== null &&
          gapOf(repaired.objective, repaired.bound) <= Math.max(relativeGap, 1e-6)))
    )
      return repaired;
    note = `full model after the two stages: ${note}`;
  }
  const built = buildModel(inst);
  size = { columns: built.mip.numCols, rows: built.mip.numRows };
  notify({
    kind: 'model-built',
    demands: demands.length,
    ...size,
    rowGroups: built.rowGroups,
    seconds: secs(),
  });
  const r = run(
    h,
    built.mip,
    {
      timeLimit: opts.timeLimit - secs(),
      relativeGap,
      heuristicEffort: opts.heuristicEffort,
      ...(repaired ? { start: startOf(inst, demands, built, repaired.choice) } : {}),
    },
    t0,
    notify,
    work,
  );
  const method = { kind: 'full' as const, ...(note ? { note } : {}) };
  const b = r.bound === null ? bound : bound === null ? r.bound : Math.max(r.bound, bound);
  if (
    repaired &&
    (!r.values || planCost(inst, demands, choiceOf(built, r.values)) >= repaired.objective - 1e-9)
  )
    // The full model did not better the repair: the repair's plan, with the better bound.
    return { ...repaired, bound: b === null ? null : Math.min(b, repaired.objective) };
  if (r.values) {
    const out = plan(
      choiceOf(built, r.values),
      b,
      r.firstFeasible ?? secs(),
      statusWord(h, r.status),
    );
    // Optimal to the gap asked: HiGHS's own bound may be rounded against the plan's cost.
    if (r.status === S.optimal && out.bound !== null)
      out.bound = Math.max(out.bound, out.objective * (1 - relativeGap));
    return { ...out, size, method };
  }
  if (r.status === S.infeasible) return { kind: 'infeasible', size, method };
  return { kind: 'no_plan_in_time', bound: b, solverStatus: statusWord(h, r.status), size, method };
}
