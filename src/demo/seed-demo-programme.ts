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
 * On most dates the region proves its optimum in about 4 s of CPU time; on some (the weeks after
 * a Christmas blackout, say) it needs far longer, so the demo stops at a 5% proven gap or after
 * 20 s with its best plan: the demo must be ready within a minute whatever the date.
 */
export const DEMO_PROGRAMME_SOLVE = { timeLimitSeconds: 20, relativeGap: 0.05 } as const;

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
