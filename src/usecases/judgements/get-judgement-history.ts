// The change history of an activity's judgements (or one of them): every change to a grade,
// position, nearness, context or narrative with who, when, stage, from, to, reason and the
// evidence cited then; and the stage changes.
import { gradeLabel } from '../../domain/frameworks/index.js';
import {
  listStageChanges,
  type JudgementChange,
  type StageChange,
} from '../../data/repositories/judgements.js';
import { positionLabels } from '../../domain/judgements/judgement-rules.js';
import type { GradePosition } from '../../domain/judgements/report-input.js';
import type { Framework } from '../../domain/frameworks/index.js';
import type { UseCaseContext } from '../context.js';
import { judgementOf, judgementScope, type JudgementScope } from './judgement-access.js';
import { loadJudgementState } from './judgement-state.js';

export interface HistoryEntry extends JudgementChange {
  title: string;
  /** From and to in words (grade and position labels). */
  fromText: string;
  toText: string;
}

export interface JudgementHistory {
  scope: JudgementScope;
  entries: HistoryEntry[];
  stageChanges: StageChange[];
}

export function valueText(fw: Framework, field: string, v: string | null): string {
  if (v === null || v === '') return '(none)';
  if (field === 'grade') return gradeLabel(fw, v);
  if (field === 'position') return positionLabels[v as GradePosition] ?? v;
  return v;
}

export async function getJudgementHistory(
  ctx: UseCaseContext,
  activityId: string,
  judgementKey?: string,
): Promise<JudgementHistory> {
  const scope = await judgementScope(ctx, activityId);
  if (judgementKey) judgementOf(scope, judgementKey);
  const state = await loadJudgementState(ctx.db, scope);
  const titles = new Map(state.rows.map((r) => [r.key, r.shortTitle]));
  const entries = state.changes
    .filter((c) => !judgementKey || c.judgementKey === judgementKey)
    .map((c) => ({
      ...c,
      title: titles.get(c.judgementKey) ?? c.judgementKey,
      fromText: valueText(scope.fw, c.field, c.fromValue),
      toText: valueText(scope.fw, c.field, c.toValue),
    }));
  return { scope, entries, stageChanges: await listStageChanges(ctx.db, scope.activity.id) };
}
