// The two-stage solve: HiGHS chooses the weeks (domain/programme/schedule-model.ts, a relaxation
// of the full model with the inspectors as capacity), then the teams for those weeks
// (team-model.ts). The plan is feasible for the full model; the first stage's proven bound is a
// lower bound on the full model's cost, so the gap reported is a true gap against every plan the
// full model allows. When the second stage finds no team, that schedule is cut off and the first
// stage runs again (twice); after that the caller repairs it in the full model (highs-choice.ts).
import type { Highs } from 'highs';
import type { Demand } from '../domain/programme/demand.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import {
  buildScheduleModel,
  stageData,
  type ScheduleModel,
} from '../domain/programme/schedule-model.js';
import { buildTeamModel } from '../domain/programme/team-model.js';
import type { ProgrammeProgress, SolveOptions } from './highs-solve.js';
import { gapOf, run, type SolverWork } from './highs-run.js';
import { findTeamCuts, troubleSpots, type TroubleSpot } from './team-cuts.js';

type TwoStageOutcome =
  | {
      kind: 'plan';
      chosen: Map<number, number>;
      teams: Map<number, number[]>;
      skipped: Set<number>;
      objective: number;
      bound: number | null;
      firstFeasible: number;
      /** The first stage stopped at its time limit (its bound is then not its optimum). */
      scheduleOptimal: boolean;
    }
  | { kind: 'infeasible' }
  | { kind: 'no_plan_in_time'; bound: number | null }
  | {
      kind: 'fallback';
      bound: number | null;
      reason: string;
      /** The last schedule the teams stage could not staff (its neighbourhood is tried next). */
      last: Map<number, number> | null;
      /** Where its teams fell short: weeks and pool (the repair frees the activities there). */
      trouble: TroubleSpot[];
    };

export type TwoStageResult = TwoStageOutcome & { size: { columns: number; rows: number } };

// Two rounds: the cuts often mend a schedule at the first attempt, but each no-good removes
// little, so after a second failure the full model around that schedule (highs-choice.ts) is
// quicker than more rounds.
const MAX_ROUNDS = 2;

export function solveTwoStage(
  h: Highs,
  inst: ProgrammeInstance,
  demands: Demand[],
  opts: SolveOptions,
  t0: number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork,
): TwoStageResult {
  const secs = () => (performance.now() - t0) / 1000;
  const left = () => opts.timeLimit - secs();
  const S = h.constants.modelStatus;
  const data = stageData(inst, demands);
  const noGoods: [number, number][][] = [];
  let bestBound: number | null = null;
  // Both stages' sizes (the last round's), for the report.
  const size = { columns: 0, rows: 0 };
  const done = (r: TwoStageOutcome): TwoStageResult => ({ ...r, size });
  let last: Map<number, number> | null = null;
  let trouble: TroubleSpot[] = [];
  const fallback = (reason: string) =>
    done({ kind: 'fallback', bound: bestBound, reason, last, trouble });
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const schedule: ScheduleModel = buildScheduleModel(inst, data, noGoods);
    if (round === 0)
      notify({
        kind: 'model-built',
        demands: demands.length,
        columns: schedule.mip.numCols,
        rows: schedule.mip.numRows,
        rowGroups: schedule.rowGroups,
        seconds: secs(),
      });
    // The teams are quick to name: keep a tenth of the time (at most 10 s) for them.
    const forTeams = Math.min(10, Math.max(0.5, opts.timeLimit * 0.1));
    const r = run(
      h,
      schedule.mip,
      {
        timeLimit: left() - forTeams,
        relativeGap: opts.relativeGap ?? 0,
        heuristicEffort: opts.heuristicEffort,
      },
      t0,
      notify,
      work,
    );
    if (r.bound !== null && r.status !== S.infeasible)
      bestBound = Math.max(bestBound ?? -Infinity, r.bound);
    size.columns = schedule.mip.numCols;
    size.rows = schedule.mip.numRows;
    if (r.status === S.infeasible)
      return round === 0 ? done({ kind: 'infeasible' }) : fallback('no schedule left has a team');
    if (!r.values) return done({ kind: 'no_plan_in_time', bound: bestBound });
    const chosen = new Map<number, number>();
    const skipped = new Set<number>();
    let lmaxCost = 0;
    schedule.columns.forEach((c, k) => {
      const v = r.values![k] ?? 0;
      if (c.kind === 'lmax') lmaxCost = v * inst.settings.weights.balance;
      else if (v > 0.5) {
        if (c.kind === 'x') chosen.set(c.d, c.s);
        else skipped.add(c.d);
      }
    });
    last = chosen;
    const team = buildTeamModel(inst, data, chosen);
    size.columns += team.mip.numCols;
    size.rows += team.mip.numRows;
    const t = run(
      h,
      team.mip,
      { timeLimit: Math.max(0.5, left()), events: false },
      t0,
      notify,
      work,
    );
    if (t.values) {
      const teams = new Map<number, number[]>();
      team.columns.forEach((c, k) => {
        if (c.kind === 'y' && (t.values![k] ?? 0) > 0.5)
          teams.set(c.d, [...(teams.get(c.d) ?? []), c.i]);
      });
      const objective = r.objective! - lmaxCost + t.objective!;
      const bound = bestBound === null ? null : Math.min(bestBound, objective);
      notify({
        kind: 'incumbent',
        objective,
        bound,
        gap: bound === null ? null : gapOf(objective, bound),
        seconds: secs(),
      });
      return done({
        kind: 'plan',
        chosen,
        teams,
        skipped,
        objective,
        bound,
        firstFeasible: secs(),
        scheduleOptimal: r.status === S.optimal,
      });
    }
    if (t.status !== S.infeasible) return fallback('no team found in time');
    if (round === MAX_ROUNDS - 1) {
      trouble = troubleSpots(h, inst, data, chosen, left(), notify, work);
      break;
    }
    // No team exists for this schedule: cut off the parts of it that have none, choose again.
    noGoods.push(...findTeamCuts(h, inst, data, chosen, left, notify, work));
    if (left() < 1) return done({ kind: 'no_plan_in_time', bound: bestBound });
  }
  return fallback(`no team for ${MAX_ROUNDS} schedules`);
}
