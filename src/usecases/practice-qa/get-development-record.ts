// An inspector's own development record: every observation of their practice across activities,
// with the ratings per prompt, the development points and their own response. Only ever one's own
// (there is no way to ask for somebody else's record).
import { listInspectorObservations } from '../../data/repositories/practice-qa.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { describeRatings } from '../../domain/practice-qa/observations.js';
import { promptSet } from '../../domain/practice-qa/prompts.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function getDevelopmentRecord(ctx: UseCaseContext) {
  const userId = actorUserId(ctx.actor);
  if (!userId || !policies.viewOwnDevelopmentRecord(ctx.actor)) throw new AppError('NOT_FOUND');
  const observations = (await listInspectorObservations(ctx.db, userId)).map((o) => ({
    ...o,
    described: describeRatings(promptSet({ id: o.promptSetId }), o.ratings),
  }));
  return {
    observations,
    awaitingResponse: observations.filter((o) => o.acknowledgedAt === null).length,
  };
}
export type DevelopmentRecord = Awaited<ReturnType<typeof getDevelopmentRecord>>;
