// The moderation record: what changed after the on-site feedback and why, for the LA once the
// activity is published (and for the team at any time). Built from the change history, panel
// challenges that led to a change and the divergence explanations; panel comments that did not
// lead to a change stay internal. Changes are attributed to a stage, not to a named person.
import { isoDayText } from '../../domain/calendar/format.js';
import { gradeLabel } from '../../domain/frameworks/index.js';
import { stageLabels, type JudgementStage } from '../../domain/judgements/stages.js';
import { listEnquirySources } from '../../data/repositories/enquiry-sources.js';
import type { UseCaseContext } from '../context.js';
import { valueText } from './get-judgement-history.js';
import { judgementScope } from './judgement-access.js';
import { changedBefore, gradeWhenSaid, loadJudgementState } from './judgement-state.js';
import { listViewsOfActivity } from '../../data/repositories/consistency-panels.js';
import { viewsSummary } from '../../domain/consistency/panels.js';
import type { ConsistencyView } from '../../domain/consistency/records.js';
import { cohortLabel } from '../../domain/judgements/case-rating-wording.js';
import { policies } from '../../domain/access/policies.js';
import { caseRatingSpreads } from '../shared/case-rating-spreads.js';

/**
 * Each panel's outcome for the activity. LA users read the outcome, not the queries' wording
 * (as with the activity's own panel, internal challenges stay internal).
 */
function consistencyOutcomes(
  views: ConsistencyView[],
  titles: Map<string, string>,
  internal: boolean,
): ModerationConsistency[] {
  const panels = [...new Set(views.map((v) => v.panelId))];
  return panels.map((id) => {
    const mine = views.filter((v) => v.panelId === id);
    return {
      panelTitle: mine[0]!.panelTitle,
      summary: viewsSummary(mine),
      queries: internal
        ? mine
            .filter((v) => v.outcome === 'query')
            .map((v) => ({
              judgement: v.judgementKey ? (titles.get(v.judgementKey) ?? v.judgementKey) : null,
              reasons: v.reasons,
              response: v.response,
            }))
        : [],
    };
  });
}

export interface ModerationJudgement {
  key: string;
  title: string;
  /** What the LA heard on site (grades indicated, themes). */
  saidOnSite: string[];
  gradeAtFeedback: string | null;
  /**
   * What the LA was told about this judgement, from the feedback log: the grade indicated at the
   * latest meeting that indicated one, else the latest theme's direction, else nothing said.
   */
  saidAtFeedback: string;
  finalGrade: string | null;
  changes: Array<{
    stage: string;
    when: Date;
    field: string;
    from: string;
    to: string;
    reason: string | null;
  }>;
  challenges: Array<{ text: string; response: string | null }>;
  explanations: Array<{ message: string; explanation: string }>;
}

export interface ModerationRecord {
  activityTitle: string;
  laName: string;
  stage: JudgementStage;
  stageLabel: string;
  /** The day of the final feedback (or last keeping-in-touch meeting) changes are counted from. */
  feedbackDay: string | null;
  judgements: ModerationJudgement[];
  /**
   * What informed the inspection: lines of enquiry made from week-zero items. The LA reads only
   * those made from its last report (the rest rest on the inspectorate's intelligence).
   */
  informedBy: { label: string; lineTitle: string }[];
  /** What consistency panels across inspections made of these judgements (issue 15). */
  consistency: ModerationConsistency[];
  /** The spread of case ratings by judgement area ("Of 12 cases, ..."), areas with ratings. */
  caseRatings: { title: string; sentence: string; byCohort: string[] }[];
}

export interface ModerationConsistency {
  panelTitle: string;
  /** "2 consistent, 1 query". */
  summary: string;
  /** Each query with its reasons and the lead's answer; internal readers only. */
  queries: { judgement: string | null; reasons: string; response: string | null }[];
}

const DIRECTIONS: Record<string, string> = {
  strength: 'A strength',
  weakness: 'A weakness',
  mixed: 'Strengths and weaknesses',
};

function saidAbout(
  feedback: {
    themes: { judgementKey: string; direction: string; indicatedGrade: string | null }[];
  }[],
  key: string,
  label: (g: string | null) => string | null,
): string {
  const themes = feedback.flatMap((f) => f.themes.filter((t) => t.judgementKey === key));
  const graded = themes.filter((t) => t.indicatedGrade).at(-1);
  if (graded) return label(graded.indicatedGrade) ?? '';
  const last = themes.at(-1);
  if (!last) return 'Not discussed';
  return `${DIRECTIONS[last.direction] ?? last.direction}, no grade indicated`;
}

export async function getModerationRecord(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ModerationRecord> {
  const scope = await judgementScope(ctx, activityId, { moderationRecord: true });
  const state = await loadJudgementState(ctx.db, scope);
  const finals = state.feedback.filter((f) => f.kind === 'final_feedback');
  const cutoff = finals.at(-1) ?? state.feedback.at(-1) ?? null;
  const gradeThen = gradeWhenSaid(state.changes, state.feedback);
  const label = (g: string | null) => (g ? gradeLabel(scope.fw, g) : null);
  // Moderation is what happened after the LA was told: later days, or any stage after the team's.
  const moderated = state.changes.filter(
    (c) =>
      c.stage !== 'team_provisional' || (cutoff !== null && !changedBefore(c.changedAt, cutoff)),
  );
  const judgements = state.rows.map((r): ModerationJudgement => {
    const changes = moderated.filter((c) => c.judgementKey === r.key);
    const firstChange = changes[0]?.changedAt;
    return {
      key: r.key,
      title: r.shortTitle,
      saidOnSite: state.feedback.flatMap((f) =>
        f.themes
          .filter((t) => t.judgementKey === r.key)
          .map(
            (t) =>
              `${isoDayText(f.heldOn)}: ${t.direction} – ${t.text}${t.indicatedGrade ? ` (${label(t.indicatedGrade)} indicated)` : ''}`,
          ),
      ),
      gradeAtFeedback: cutoff ? label(gradeThen(r.key, cutoff.id)) : null,
      saidAtFeedback: saidAbout(state.feedback, r.key, label),
      finalGrade: label(r.record?.grade ?? null),
      changes: changes.map((c) => ({
        stage: stageLabels[c.stage],
        when: c.changedAt,
        field: c.field,
        from: valueText(scope.fw, c.field, c.fromValue),
        to: valueText(scope.fw, c.field, c.toValue),
        reason: c.reason,
      })),
      challenges: firstChange
        ? state.comments
            .filter((c) => c.kind === 'challenge' && c.judgementKey === r.key)
            .map((c) => ({ text: c.text, response: c.response }))
        : [],
      explanations: state.flags
        .filter((f) => f.judgementKey === r.key && f.explanation)
        .map((f) => ({ message: f.message, explanation: f.explanation?.explanation ?? '' })),
    };
  });
  const laReader = ctx.actor.kind === 'user' && ctx.actor.role === 'la_user';
  const informedBy = (await listEnquirySources(ctx.db, scope.activity.id))
    .filter((s) => !laReader || s.kind === 'improvement')
    .map((s) => ({ label: s.label, lineTitle: s.lineTitle }));
  const [views, spreads] = await Promise.all([
    listViewsOfActivity(ctx.db, scope.activity.id),
    caseRatingSpreads(
      ctx.db,
      scope.activity.id,
      scope.fw,
      scope.judgements.filter((j) => j.kind !== 'headline').map((j) => j.key),
    ),
  ]);
  const titles = new Map(scope.judgements.map((j) => [j.key, j.shortTitle]));
  const internal = policies.viewJudgements(ctx.actor, scope.facts, scope.panelMember);
  return {
    consistency: consistencyOutcomes(views, titles, internal),
    caseRatings: [...spreads]
      .filter(([, s]) => s.cases > 0)
      .map(([key, s]) => ({
        title: titles.get(key) ?? key,
        sentence: s.sentence,
        byCohort: s.byCohort
          .filter((c) => c.cases > 0)
          .map(
            (c) =>
              `${cohortLabel(c.cohort)}: ${c.sentence.charAt(0).toLowerCase()}${c.sentence.slice(1)}`,
          ),
      })),
    activityTitle: scope.activity.title,
    laName: scope.activity.laName,
    informedBy,
    stage: state.set.stage,
    stageLabel: stageLabels[state.set.stage],
    feedbackDay: cutoff?.heldOn ?? null,
    judgements,
  };
}
