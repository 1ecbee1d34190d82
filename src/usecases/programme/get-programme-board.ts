// A saved run as the plan board shows it: the run and its placements (as the actor may see them),
// the placements by month, each inspector's weeks of work (preparation, on site, write-up, QA, by
// the framework's workload per team role), the region's other runs to compare with, and what the
// actor may do (solve again, pin, ask what-if, publish).
import { z } from 'zod';
import { listProgrammeRuns, type ProgrammeRunRecord } from '../../data/repositories/programme.js';
import { policies } from '../../domain/access/policies.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import {
  inspectorPlans,
  placementsByMonth,
  type BoardMonth,
  type InspectorPlan,
} from '../../domain/programme/board.js';
import { addDays } from '../../domain/programme/instance.js';
import type { StoredPlacement } from '../../data/repositories/programme.js';
import type { UseCaseContext } from '../context.js';
import { parse, readRun, type ProgrammeRunView } from './saved-runs.js';

export const GetProgrammeBoardInput = z.object({ runId: z.string().min(1).max(100) });

export interface ProgrammeBoard extends ProgrammeRunView {
  months: BoardMonth<StoredPlacement>[];
  inspectors: InspectorPlan[];
  /** The region's other runs, newest first (to compare with). */
  otherRuns: Omit<ProgrammeRunRecord, 'options' | 'summary'>[];
  /** The weeks of the horizon, for the pin form. */
  weeks: { week: number; start: string }[];
  /** The roster as solved, and its lead-qualified members. */
  roster: { id: string; name: string; leadQualified: boolean }[];
  canSolve: boolean;
  canPublish: boolean;
}

export async function getProgrammeBoard(
  ctx: UseCaseContext,
  raw: z.input<typeof GetProgrammeBoardInput>,
): Promise<ProgrammeBoard> {
  const input = parse(GetProgrammeBoardInput, raw);
  const view = await readRun(ctx, input.runId);
  const { run } = view;
  const region = run.region === 'England' ? null : run.region;
  const planner = policies.viewProgrammeRuns(ctx.actor, region) && !view.ownPlacementsOnly;
  const rules = frameworkRegistry().forDate(run.start, 'short_inspection')?.activityRules ?? null;
  const roster = run.options.inspectors ?? [];
  const others = planner
    ? (await listProgrammeRuns(ctx.db, { region: run.region }))
        .filter((r) => r.id !== run.id)
        .map(({ options: _o, summary: _s, ...r }) => r)
    : [];
  return {
    ...view,
    months: placementsByMonth(view.placements),
    inspectors: inspectorPlans(view.placements, view.ownPlacementsOnly ? [] : roster, rules, {
      start: run.start,
      weeks: run.weeks,
    }),
    otherRuns: others,
    weeks: Array.from({ length: run.weeks }, (_, week) => ({
      week,
      start: addDays(run.start, 7 * week),
    })),
    roster: roster.map((i) => ({ id: i.id, name: i.name ?? i.id, leadQualified: i.leadQualified })),
    canSolve: planner && policies.solveProgramme(ctx.actor, region),
    canPublish: planner && policies.publishProgramme(ctx.actor, region),
  };
}
