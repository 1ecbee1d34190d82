// The demo's published programme for Northfield's region (North West): the regional senior HMI
// solves a 52-week plan from the next Monday (the real LAs' latest grades and windows, the demo
// roster's profiles, leave and conflicts) with the real solver, through the same use cases as the
// programme pages, and publishes it as version 1, so the programme page, the board, the
// inspectors' load and the LA timelines show it. LA users never see its planned activities.
import type { UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import type { UseCaseContext } from '../usecases/context.js';
import { publishProgrammeRun } from '../usecases/programme/publish-programme-run.js';
import { runProgrammeSolve } from '../usecases/programme/run-programme-solve.js';
import { todayInEngland } from '../clock.js';

/**
 * The region proves its optimum in about 4 s of CPU time; the limit is only the safety net of a
 * very busy machine (the solve stops at a 1% proven gap or at the limit with its best plan).
 */
export const DEMO_PROGRAMME_SOLVE = { timeLimitSeconds: 60, relativeGap: 0.01 } as const;

export interface DemoProgramme {
  runId: string;
  /** The published version; null when the solver found no plan in time (nothing published). */
  version: number | null;
}

export async function seedDemoProgramme(
  db: UseCaseContext['db'],
  catalog: ActivityTypeCatalog,
  regional: UserActor,
): Promise<DemoProgramme> {
  const ctx: UseCaseContext = { db, actor: regional, catalog };
  const { runId, solved } = await runProgrammeSolve(ctx, {
    region: regional.region ?? 'North West',
    from: todayInEngland(),
    weeks: 52,
    ...DEMO_PROGRAMME_SOLVE,
  });
  const s = solved.solution;
  // A demo on a machine too busy to find a plan keeps the run (its page says why) unpublished.
  if (!s.plan || s.plan.placements.length === 0 || s.hardBreaches.length > 0)
    return { runId, version: null };
  const published = await publishProgrammeRun(ctx, { runId });
  return { runId, version: published.version };
}
