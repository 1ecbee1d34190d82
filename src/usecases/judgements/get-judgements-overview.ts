// The judgements overview of an activity: each judgement with grade, position, stage, the
// aggregation check, and what the person may do next (with what blocks each move).
import { gradeLabel } from '../../domain/frameworks/index.js';
import { positionLabels } from '../../domain/judgements/judgement-rules.js';
import { moveProblems, nextStages, type JudgementStage } from '../../domain/judgements/stages.js';
import { EVIDENCE_CLOSED_STATES, policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { caseRatingSpreads } from '../shared/case-rating-spreads.js';
import { judgementScope, type JudgementScope } from './judgement-access.js';
import { loadJudgementState, type JudgementState } from './judgement-state.js';

export interface OverviewRow {
  key: string;
  title: string;
  headline: boolean;
  grade: string | null;
  gradeLabel: string | null;
  position: string | null;
  positionLabel: string | null;
  version: number;
  links: { strengths: number; weaknesses: number };
  /** The spread of case ratings for this area ("Of 12 cases, ..."); null for a headline. */
  caseRatings: string | null;
}

export interface JudgementsOverview {
  scope: JudgementScope;
  state: JudgementState;
  rows: OverviewRow[];
  moves: Array<{ stage: JudgementStage; problems: string[] }>;
  /** The aggregation check in words: hard rules broken, soft rules with whether explained. */
  checks: {
    hard: Array<{ title: string; explanation: string }>;
    soft: Array<{ title: string; explanation: string; explained: boolean }>;
    pending: boolean;
    /** No judgement has a grade yet: there is nothing to check. */
    noGrades: boolean;
  };
  can: {
    edit: boolean;
    move: boolean;
    assignPanel: boolean;
    writeFeedback: boolean;
    comment: boolean;
    answer: boolean;
    explain: boolean;
  };
}

export async function getJudgementsOverview(
  ctx: UseCaseContext,
  activityId: string,
): Promise<JudgementsOverview> {
  const scope = await judgementScope(ctx, activityId);
  const state = await loadJudgementState(ctx.db, scope);
  const stage = state.set.stage;
  const spreads = await caseRatingSpreads(
    ctx.db,
    scope.activity.id,
    scope.fw,
    state.rows.filter((r) => !r.headline).map((r) => r.key),
  );
  const rows = state.rows.map((r): OverviewRow => {
    const rec = r.record;
    return {
      key: r.key,
      title: r.shortTitle,
      headline: r.headline,
      grade: rec?.grade ?? null,
      gradeLabel: rec?.grade ? gradeLabel(scope.fw, rec.grade) : null,
      position: rec?.position ?? null,
      positionLabel: rec?.position ? positionLabels[rec.position] : null,
      version: rec?.version ?? 0,
      links: {
        strengths: rec?.links.filter((l) => l.direction === 'strength').length ?? 0,
        weaknesses: rec?.links.filter((l) => l.direction === 'weakness').length ?? 0,
      },
      caseRatings: spreads.get(r.key)?.sentence ?? null,
    };
  });
  // The can flags are the policies' answers; a stage with nowhere to go offers no move.
  const args = [ctx.actor, scope.facts, scope.panelMember] as const;
  const open = !EVIDENCE_CLOSED_STATES.has(scope.activity.state) && stage !== 'final';
  const canMove = policies.moveJudgements(...args, stage) && nextStages(stage).length > 0;
  const agg = state.aggregation;
  const unexplained = new Set(agg.unexplainedSoft.map((x) => x.ruleId));
  return {
    scope,
    state,
    rows,
    checks: {
      hard: agg.hard.map((h) => ({ title: h.title, explanation: h.explanation })),
      soft: agg.result.soft.map((x) => ({
        title: x.title,
        explanation: x.explanation,
        explained: !unexplained.has(x.ruleId),
      })),
      pending: agg.result.notApplicable.length > 0,
      noGrades: rows.every((r) => r.grade === null),
    },
    moves: canMove
      ? nextStages(stage).map((s) => ({
          stage: s,
          problems: moveProblems(stage, s, state.facts, 'reason given'),
        }))
      : [],
    can: {
      edit: policies.editJudgements(...args, stage),
      move: canMove,
      assignPanel: open && policies.assignJudgementPanel(ctx.actor, scope.facts),
      writeFeedback: open && policies.writeFeedbackLog(ctx.actor, scope.facts),
      comment: stage === 'consistency_panel' && policies.commentOnJudgements(...args),
      answer: stage === 'consistency_panel' && policies.answerPanelComments(...args),
      explain: stage !== 'final' && policies.explainDivergence(...args),
    },
  };
}
