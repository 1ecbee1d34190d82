// The LA's recorded effort on one inspection, every kind listed (zeros where nothing is recorded),
// with the totals; whether the actor may record it.
import { listEffortLines } from '../../data/repositories/burden.js';
import { policies } from '../../domain/access/policies.js';
import {
  effortKindLabels,
  effortKinds,
  totalsOf,
  type EffortKind,
  type EffortTotals,
} from '../../domain/burden/la-effort.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { burdenScope } from './burden-scope.js';

export interface LaEffortView {
  activity: { id: string; title: string; laName: string; state: string; activityType: string };
  lines: Array<{
    kind: EffortKind;
    label: string;
    linkPersonHours: number;
    staffDays: number;
    note: string | null;
    recordedByLabel: string | null;
    recordedAt: Date | null;
  }>;
  totals: EffortTotals;
  recorded: boolean;
  can: { record: boolean };
}

export async function getLaEffort(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<LaEffortView> {
  const { activity, facts } = await burdenScope(ctx, input.activityId);
  if (!policies.viewLaEffort(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const stored = new Map((await listEffortLines(ctx.db, activity.id)).map((l) => [l.kind, l]));
  const lines = effortKinds.map((kind) => {
    const l = stored.get(kind);
    return {
      kind,
      label: effortKindLabels[kind],
      linkPersonHours: l?.linkPersonHours ?? 0,
      staffDays: l?.staffDays ?? 0,
      note: l?.note ?? null,
      recordedByLabel: l?.recordedByLabel ?? null,
      recordedAt: l?.recordedAt ?? null,
    };
  });
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      laName: activity.laName,
      state: activity.state,
      activityType: activity.activityType,
    },
    lines,
    totals: totalsOf(lines),
    recorded: stored.size > 0,
    can: { record: policies.recordLaEffort(ctx.actor, facts) },
  };
}
