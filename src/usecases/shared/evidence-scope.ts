// What every evidence-base use case does first: find the activity, check the actor may read (or
// write) its evidence. Unauthorised reads answer NOT_FOUND, revealing nothing; unauthorised writes
// by people who may read answer FORBIDDEN.
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { EVIDENCE_CLOSED_STATES, policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface EvidenceScope {
  activity: Activity;
  canWrite: boolean;
}

export async function evidenceScope(
  ctx: UseCaseContext,
  activityId: string,
  need: 'read' | 'write',
): Promise<EvidenceScope> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts) || !policies.viewEvidence(ctx.actor, facts))
    throw new AppError('NOT_FOUND');
  const canWrite = policies.writeEvidence(ctx.actor, facts);
  if (need === 'write' && !canWrite) {
    throw new AppError('FORBIDDEN', {
      message: EVIDENCE_CLOSED_STATES.has(activity.state)
        ? `The evidence base is read-only once the activity is ${activity.state}.`
        : 'Only the activity’s team (not people shadowing) can change its evidence.',
    });
  }
  return { activity, canWrite };
}
