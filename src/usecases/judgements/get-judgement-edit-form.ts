// What the edit page for one judgement needs: the judgement as recorded, the framework's grades
// and criteria for it, the evidence it can cite, the stage and whether a reason is required.
import {
  listEvidenceOptions,
  type EvidenceOption,
} from '../../data/repositories/judgement-evidence.js';
import type { JudgementRecord } from '../../data/repositories/judgements.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import { changeNeedsReason } from '../../domain/judgements/stages.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { judgementOf, judgementScope, type JudgementScope } from './judgement-access.js';
import { loadJudgementState, type JudgementState } from './judgement-state.js';

/** The most citable items the edit form offers. */
export const MAX_OPTIONS = 150;

export interface JudgementEditForm {
  scope: JudgementScope;
  state: JudgementState;
  key: string;
  title: string;
  headline: boolean;
  record: JudgementRecord | null;
  grades: Array<{ key: string; label: string }>;
  criteria: Array<{ key: string; text: string }>;
  /** Evidence already cited, then evidence filed under this judgement (at most MAX_OPTIONS). */
  evidence: EvidenceOption[];
  /** How many citable items the activity has in all (the form shows a relevant subset). */
  evidenceTotal: number;
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
  const record = state.rows.find((r) => r.key === j.key)?.record ?? null;
  const cited = new Set(record?.links.map((l) => l.id) ?? []);
  // A form with thousands of selects is unusable: offer what is cited, then this judgement's
  // evidence and lines of enquiry, up to a cap.
  const evidence = [
    ...options.filter((o) => cited.has(o.id)),
    ...options.filter((o) => !cited.has(o.id) && o.areas.includes(j.key)),
  ].slice(0, Math.max(MAX_OPTIONS, cited.size));
  return {
    scope,
    state,
    key: j.key,
    title: j.title,
    headline: j.key === scope.headline,
    record,
    grades: scope.fw.grades.map((g) => ({ key: g.key, label: g.label })),
    criteria: criteriaOf(scope.fw, j.key),
    evidence,
    evidenceTotal: options.length,
    canEdit: policies.editJudgements(ctx.actor, scope.facts, scope.panelMember, state.set.stage),
    reasonRequired: changeNeedsReason(state.set.stage),
  };
}
