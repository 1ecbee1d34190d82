// Inspectors' working time on one activity, per person per day, from their own records: the lead
// and the QAM see the whole team; another team member sees only their own days; nobody off the
// team sees named days (NOT_FOUND).
import { listWorkActions } from '../../data/repositories/burden.js';
import { policies } from '../../domain/access/policies.js';
import { inspectorDays, type InspectorDay } from '../../domain/burden/working-time.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { burdenScope } from './burden-scope.js';

export interface WorkingTimeView {
  activity: { id: string; title: string; laName: string };
  scope: 'all' | 'own';
  days: InspectorDay[];
  totals: { inspectorDays: number; daysAfterHours: number; minutesRecorded: number };
}

export async function getWorkingTime(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<WorkingTimeView> {
  const { activity, facts } = await burdenScope(ctx, input.activityId);
  const scope = policies.workingTimeScope(ctx.actor, facts);
  if (scope === 'none') throw new AppError('NOT_FOUND');
  let actions = await listWorkActions(ctx.db, activity.id);
  if (scope === 'own' && ctx.actor.kind === 'user') {
    const me = ctx.actor.userId;
    actions = actions.filter((a) => a.userId === me);
  }
  const days = inspectorDays(actions);
  return {
    activity: { id: activity.id, title: activity.title, laName: activity.laName },
    scope,
    days,
    totals: {
      inspectorDays: days.length,
      daysAfterHours: days.filter((d) => d.afterHoursActions > 0).length,
      minutesRecorded: days.reduce((s, d) => s + d.minutesRecorded, 0),
    },
  };
}
