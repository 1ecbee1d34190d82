// What every evidence-base use case does first: find the activity, check the actor may read (or
// write) its evidence. Unauthorised reads answer NOT_FOUND, revealing nothing; unauthorised writes
// by people who may read answer FORBIDDEN.
import {
  factsOf,
  findActivityOfEvidence,
  findActivityWithTeamRole,
  type Activity,
} from '../../data/repositories/activities.js';
import type { TeamRole } from '../../domain/access/roles.js';
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
  const found = await findActivityWithTeamRole(ctx.db, activityId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  return checkScope(ctx, found.activity, found.teamRole, need);
}

/**
 * The same check for a use case that starts from an evidence record: the record's activity and
 * the actor's role on its team in one read. A record that does not exist, or belongs to another
 * activity than the one in the URL (`activityInPath`), answers NOT_FOUND before any access check.
 */
export async function evidenceScopeOfRecord(
  ctx: UseCaseContext,
  evidenceId: string,
  activityInPath: string | undefined,
  need: 'read' | 'write',
): Promise<EvidenceScope> {
  const found = await findActivityOfEvidence(ctx.db, evidenceId, ctx.actor);
  if (!found || (activityInPath !== undefined && found.activity.id !== activityInPath))
    throw new AppError('NOT_FOUND');
  return checkScope(ctx, found.activity, found.teamRole, need);
}

/**
 * The check alone, for a use case that has read the activity and the actor's role itself (inside
 * its transaction, with the record it works on).
 */
export function checkScope(
  ctx: UseCaseContext,
  activity: Activity,
  teamRole: TeamRole | null,
  need: 'read' | 'write',
): EvidenceScope {
  const facts = factsOf(activity, teamRole);
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
