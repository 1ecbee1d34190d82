// What the edit page for one judgement needs: the judgement as recorded, the framework's grades
// and criteria for it, the evidence it can cite, the stage and whether a reason is required.
import {
  listEvidenceOptions,
  type EvidenceOption,
} from '../../data/repositories/judgement-evidence.js';
import type { JudgementRecord } from '../../data/repositories/judgements.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import { changeNeedsReason, mayEditIn } from '../../domain/judgements/stages.js';
import { EVIDENCE_CLOSED_STATES } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { judgementOf, judgementScope, type JudgementScope } from './judgement-access.js';
import { loadJudgementState, type JudgementState } from './judgement-state.js';

export interface JudgementEditForm {
  scope: JudgementScope;
  state: JudgementState;
  key: string;
  title: string;
  headline: boolean;
  record: JudgementRecord | null;
  grades: Array<{ key: string; label: string }>;
  criteria: Array<{ key: string; text: string }>;
  /** Evidence filed under this judgement first, then the rest. */
  evidence: EvidenceOption[];
  canEdit: boolean;
  reasonRequired: boolean;
}

export async function getJudgementEditForm(
  ctx: UseCaseContext,
  activityId: string,
  judgementKey: string,
): Promise<JudgementEditForm> {
  const scope = await judgementScope(ctx, activityId);
  const j = judgementOf(scope, judgementKey);
  const state = await loadJudgementState(ctx.db, scope);
  const options = await listEvidenceOptions(ctx.db, scope.activity.id);
  const mine = (o: EvidenceOption) => (o.areas.includes(j.key) ? 0 : 1);
  return {
    scope,
    state,
    key: j.key,
    title: j.title,
    headline: j.key === scope.headline,
    record: state.rows.find((r) => r.key === j.key)?.record ?? null,
    grades: scope.fw.grades.map((g) => ({ key: g.key, label: g.label })),
    criteria: criteriaOf(scope.fw, j.key),
    evidence: [...options].sort((a, b) => mine(a) - mine(b)),
    canEdit:
      !EVIDENCE_CLOSED_STATES.has(scope.activity.state) && mayEditIn(state.set.stage, scope.who),
    reasonRequired: changeNeedsReason(state.set.stage),
  };
}
