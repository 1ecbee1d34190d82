// Where a draft's inputs come from: the judgements, the sample statement and the chosen
// vignettes, read through the repositories. Someone who may draft the report but not read the
// judgements or the sample (reportScope decides) gets a draft without them rather than an error:
// the sections say "not yet graded" and the team fills them in.
import type { Kysely } from 'kysely';
import { findJudgementSet, listJudgements } from '../../data/repositories/judgements.js';
import { findCurrentDraw, listSampleCases } from '../../data/repositories/sampling.js';
import { listVignettes } from '../../data/repositories/vignettes.js';
import type { DB } from '../../data/schema.js';
import type { ReportJudgement } from '../../domain/judgements/report-input.js';
import { reportJudgementsOf } from '../../domain/judgements/report-judgements.js';
import type { VignetteInput } from '../../domain/reports/types.js';
import { sampleStatementOf } from '../../domain/sampling/statement-of.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';
import type { ReportScope } from './report-scope.js';
import { caseRatingSpreads } from '../shared/case-rating-spreads.js';

/** The activity's judgements as the report needs them. */
export async function judgementsForReport(
  db: Kysely<DB>,
  scope: ReportScope,
): Promise<ReportJudgement[]> {
  if (!scope.can.readJudgements) return [];
  const { activity, framework } = scope;
  const [set, records] = await Promise.all([
    findJudgementSet(db, activity.id),
    listJudgements(db, activity.id),
  ]);
  const judgements = reportJudgementsOf(framework, activity.activityType, records, set.stage);
  const spreads = await caseRatingSpreads(
    db,
    activity.id,
    framework,
    judgements.map((j) => j.judgementKey),
  );
  return judgements.map((j) => ({ ...j, caseRatings: spreads.get(j.judgementKey) ?? null }));
}

/** The sample transparency statement, or null when no sample was drawn. */
export async function sampleStatementForReport(
  db: Kysely<DB>,
  scope: ReportScope,
): Promise<SampleStatement | null> {
  if (!scope.can.readSample) return null;
  const [draw, cases] = await Promise.all([
    findCurrentDraw(db, scope.activity.id),
    listSampleCases(db, scope.activity.id),
  ]);
  return sampleStatementOf(draw, cases);
}

/** The vignettes the team selected for the report, in their anonymised report wording. */
export async function chosenVignettes(
  db: Kysely<DB>,
  activityId: string,
): Promise<VignetteInput[]> {
  const rows = await listVignettes(db, { activityId, status: 'selected' });
  return rows.map((v) => ({
    judgementArea: v.judgementArea,
    direction:
      v.direction === 'strength' || v.direction === 'area_for_improvement' ? v.direction : null,
    text: (v.reportText ?? v.spanText).trim(),
  }));
}
