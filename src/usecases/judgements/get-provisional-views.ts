// The provisional views page: my own view per judgement and the team's views side by side, with
// the spread (how far apart the grades are). To avoid anchoring on colleagues' grades, an
// inspecting team member sees the others' views of a judgement only once they have recorded their
// own, until the team decision; the lead, QAM, panel and admins always see them.
import { gradeLabel, gradeRank } from '../../domain/frameworks/index.js';
import type { ProvisionalView } from '../../data/repositories/judgement-workflow.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { judgementScope, type JudgementScope } from './judgement-access.js';
import { loadJudgementState, type JudgementState } from './judgement-state.js';

export interface ViewComparison {
  key: string;
  title: string;
  mine: ProvisionalView | null;
  /** Everyone's views (empty while hidden from me). */
  views: Array<ProvisionalView & { gradeLabel: string }>;
  hidden: boolean;
  /** Number of grade steps between the best and worst view (0 = agreement). */
  spread: number | null;
  /** The spread in words: "Agreement", "2 grades apart" (empty with no views). */
  spreadText: string;
  distinctGrades: string[];
  /** The team decision so far. */
  decided: string | null;
}

export interface ProvisionalViewsPage {
  scope: JudgementScope;
  state: JudgementState;
  canRecord: boolean;
  judgements: ViewComparison[];
  grades: Array<{ key: string; label: string }>;
}

export async function getProvisionalViews(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ProvisionalViewsPage> {
  const scope = await judgementScope(ctx, activityId);
  const state = await loadJudgementState(ctx.db, scope);
  const me = actorUserId(ctx.actor);
  const judgements = state.rows.map((r): ViewComparison => {
    const all = state.views.filter((v) => v.judgementKey === r.key);
    const mine = all.find((v) => v.userId === me) ?? null;
    const hidden = !policies.viewOthersProvisionalViews(
      ctx.actor,
      scope.facts,
      scope.panelMember,
      state.set.stage,
      mine !== null,
    );
    const ranks = all.map((v) => gradeRank(scope.fw, v.grade));
    const spread = hidden || ranks.length === 0 ? null : Math.max(...ranks) - Math.min(...ranks);
    return {
      key: r.key,
      title: r.shortTitle,
      mine,
      hidden,
      views: hidden ? [] : all.map((v) => ({ ...v, gradeLabel: gradeLabel(scope.fw, v.grade) })),
      spread,
      spreadText:
        spread === null
          ? ''
          : spread === 0
            ? 'Agreement'
            : `${spread} grade${spread > 1 ? 's' : ''} apart`,
      distinctGrades: hidden
        ? []
        : [...new Set(all.map((v) => v.grade))].map((g) => gradeLabel(scope.fw, g)),
      decided: r.record?.grade ? gradeLabel(scope.fw, r.record.grade) : null,
    };
  });
  return {
    scope,
    state,
    canRecord:
      state.set.stage === 'team_provisional' &&
      policies.recordProvisionalView(ctx.actor, scope.facts, scope.panelMember),
    judgements,
    grades: scope.fw.grades.map((g) => ({ key: g.key, label: g.label })),
  };
}
