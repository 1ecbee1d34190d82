// Everything known about an activity's judgements at one moment, assembled once for the pages,
// the stage checks and the report contract: records, aggregation check, views, panel, feedback,
// divergence flags and their explanations.
import { dateInEngland } from '../../clock.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../data/schema.js';
import {
  findJudgementSet,
  listChanges,
  listJudgements,
  type JudgementChange,
  type JudgementRecord,
  type JudgementSet,
} from '../../data/repositories/judgements.js';
import {
  listExplanations,
  listFeedback,
  listPanelComments,
  listPanelMembers,
  listProvisionalViews,
  type Explanation,
  type FeedbackRecord,
  type PanelComment,
  type PanelMember,
  type ProvisionalView,
} from '../../data/repositories/judgement-workflow.js';
import type { Judgement } from '../../domain/frameworks/index.js';
import { findDivergence, type DivergenceFlag } from '../../domain/judgements/divergence.js';
import {
  checkAggregation,
  type AggregationCheck,
} from '../../domain/judgements/judgement-rules.js';
import type { StageFacts } from '../../domain/judgements/stages.js';
import type { JudgementScope } from './judgement-access.js';

export interface JudgementRow {
  key: string;
  title: string;
  shortTitle: string;
  headline: boolean;
  record: JudgementRecord | null;
}

export interface FlagWithExplanation extends DivergenceFlag {
  explanation: Explanation | null;
}

export interface JudgementState {
  set: JudgementSet;
  rows: JudgementRow[];
  aggregation: AggregationCheck;
  views: ProvisionalView[];
  panel: PanelMember[];
  comments: PanelComment[];
  feedback: FeedbackRecord[];
  changes: JudgementChange[];
  flags: FlagWithExplanation[];
  facts: StageFacts;
}

/** The day (in England) a moment falls on, as YYYY-MM-DD. */
const dayOf = dateInEngland;

/**
 * Whether a change happened before feedback was given: on an earlier day, or on the day itself
 * before the feedback was recorded (the meeting's time of day is not recorded).
 */
export function changedBefore(at: Date, f: { heldOn: string; recordedAt: Date }): boolean {
  const day = dayOf(at);
  return day < f.heldOn || (day === f.heldOn && at <= f.recordedAt);
}

/** The grade a judgement had when a piece of feedback was given, from the change history. */
export function gradeWhenSaid(changes: JudgementChange[], feedback: FeedbackRecord[]) {
  return (key: string, entryId: string): string | null => {
    const f = feedback.find((x) => x.id === entryId);
    if (!f) return null;
    let grade: string | null = null;
    for (const c of changes)
      if (c.judgementKey === key && c.field === 'grade' && changedBefore(c.changedAt, f))
        grade = c.toValue;
    return grade;
  };
}

export function currentGrades(rows: JudgementRow[]): Record<string, string | null> {
  return Object.fromEntries(rows.map((r) => [r.key, r.record?.grade ?? null]));
}

export async function loadJudgementState(
  db: Kysely<DB>,
  scope: JudgementScope,
): Promise<JudgementState> {
  const id = scope.activity.id;
  const set = await findJudgementSet(db, id);
  const records = await listJudgements(db, id);
  const rows: JudgementRow[] = scope.judgements.map((j: Judgement) => ({
    key: j.key,
    title: j.title,
    shortTitle: j.shortTitle,
    headline: j.key === scope.headline,
    record: records.get(j.key) ?? null,
  }));
  const grades = currentGrades(rows);
  const headlineRecord = rows.find((r) => r.headline)?.record ?? null;
  const aggregation = checkAggregation(scope.fw, grades, headlineRecord?.aggregationRules ?? []);
  const views = await listProvisionalViews(db, id);
  const panel = await listPanelMembers(db, id);
  const comments = await listPanelComments(db, id);
  const feedback = await listFeedback(db, id);
  const changes = await listChanges(db, id);
  const explanations = await listExplanations(db, id);
  const flags = findDivergence(scope.fw, {
    entries: feedback,
    current: grades,
    gradeWhenSaid: gradeWhenSaid(changes, feedback),
    titles: Object.fromEntries(rows.map((r) => [r.key, r.shortTitle])),
  }).map((f) => ({ ...f, explanation: explanations.get(f.key) ?? null }));
  const missing = (pick: (r: JudgementRecord) => boolean) =>
    rows.filter((r) => !r.record || pick(r.record)).map((r) => r.shortTitle);
  const facts: StageFacts = {
    ungraded: missing((r) => r.grade === null),
    missingNearness: rows
      .filter(
        (r) => r.record?.position && r.record.position !== 'secure' && !r.record.nearness.trim(),
      )
      .map((r) => r.shortTitle),
    missingContext: missing((r) => !r.context.trim()),
    missingNarrative: missing((r) => !r.narrative.trim()),
    hardViolations: aggregation.hard.map((h) => `${h.title}: ${h.explanation}`),
    unexplainedSoft: aggregation.unexplainedSoft.map((s) => s.title),
    openChallenges: comments.filter((c) => c.kind === 'challenge' && !c.response).length,
    panelMembers: panel.length,
    unexplainedDivergence: flags.filter((f) => !f.explanation).length,
  };
  return { set, rows, aggregation, views, panel, comments, feedback, changes, flags, facts };
}
