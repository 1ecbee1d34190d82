import type { Activity } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { WorkItem } from '../../domain/activities/work.js';
import { listLaSummaries, type LaSummary } from '../shared/la-summaries.js';
import { visibleActivities } from '../shared/visible-activities.js';
import { listMyWork } from './list-my-work.js';

export interface HomePage {
  live: Activity[];
  done: Activity[];
  /** Regional staff: their region's authorities; LA users: their own authority. */
  las: LaSummary[];
  /** What waits for me, with due dates (list-my-work.ts). */
  work: WorkItem[];
}

const FINISHED = new Set(['published', 'cancelled']);

/** What each role's home page shows: my activities; my region's LAs; my LA. */
export async function getHome(ctx: UseCaseContext): Promise<HomePage> {
  const activities = await visibleActivities(ctx);
  const actor = ctx.actor;
  let las: LaSummary[] = [];
  if (actor.kind === 'user' && actor.role === 'regional' && actor.region) {
    las = await laSummaries(ctx, actor.region);
  } else if (actor.kind === 'user' && actor.role === 'la_user') {
    las = await laSummaries(ctx);
  }
  return {
    live: activities.filter((a) => !FINISHED.has(a.state)),
    done: activities.filter((a) => FINISHED.has(a.state)),
    las,
    work: await listMyWork(ctx),
  };
}

/** The current authorities the actor may see (in a region), as the LA register lists them. */
async function laSummaries(ctx: UseCaseContext, region?: string): Promise<LaSummary[]> {
  if (!policies.viewLaRegister(ctx.actor)) throw new AppError('NOT_FOUND');
  return listLaSummaries(ctx.db, ctx.actor, {
    region,
    judgement: 'overall_effectiveness',
    includeFormer: false,
  });
}
