// One lifecycle step of an activity inside the caller's transaction, with its audit event. The
// activity page moves an activity through this, and so do the steps the work itself takes
// (judgements approved as final, report signed off, released, published), so the lifecycle's
// rules hold whichever way the state changes.
import type { Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertStateChange,
  moveActivityState,
  type Activity,
} from '../../data/repositories/activities.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { checkTransition, type ActivityState } from '../../domain/activities/lifecycle.js';
import { AppError } from '../../errors.js';

export interface StateStep {
  toState: ActivityState;
  reason: string | null;
  hasWrittenOutput: boolean;
  /** The activity version the caller saw; a mismatch is a CONFLICT. */
  expectedVersion: number;
}

/**
 * Checks the transition, moves the activity (optimistically, against the version the caller
 * saw), records the change and audits it.
 */
export async function applyStateChange(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  change: StateStep,
): Promise<void> {
  const check = checkTransition(activity.state, change.toState, {
    pausedFrom: activity.pausedFrom,
    hasWrittenOutput: change.hasWrittenOutput,
    reason: change.reason,
  });
  if (!check.allowed) {
    throw new AppError('INVALID_TRANSITION', {
      message: check.problem,
      details: [
        {
          field: check.problem?.startsWith('Give') ? 'reason' : 'toState',
          reason: check.problem ?? 'Not allowed',
        },
      ],
    });
  }
  if (!(await moveActivityState(trx, activity, change.toState, change.expectedVersion)))
    throw new AppError('CONFLICT');
  await insertStateChange(trx, {
    activityId: activity.id,
    fromState: activity.state,
    toState: change.toState,
    reason: change.reason,
    changedBy: actor.kind === 'user' ? actor.userId : null,
  });
  await writeAudit(trx, actor, {
    action: 'activity.state_changed',
    entityType: 'activity',
    entityId: activity.id,
    activityId: activity.id,
    laId: activity.laId,
    before: { state: activity.state },
    after: { state: change.toState },
    reason: change.reason,
  });
}
