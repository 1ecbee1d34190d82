// Where a draft's inputs come from. The judgements and the sample statement belong to other
// areas; this small adapter is the only place that knows how to ask them.
import type { Kysely } from 'kysely';
import { listVignettes } from '../../data/repositories/vignettes.js';
import type { DB } from '../../data/schema.js';
import type { ReportJudgement } from '../../domain/judgements/report-input.js';
import type { VignetteInput } from '../../domain/reports/types.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';
import type { UseCaseContext } from '../context.js';

/** The activity's judgements as the report needs them. */
export async function judgementsForReport(
  _ctx: UseCaseContext,
  _activityId: string,
): Promise<ReportJudgement[]> {
  // LEAD: wire to getJudgementsForReport / getSampleStatement after merge
  return [];
}

/** The sample transparency statement, or null when no sample was drawn. */
export async function sampleStatementForReport(
  _ctx: UseCaseContext,
  _activityId: string,
): Promise<SampleStatement | null> {
  // LEAD: wire to getJudgementsForReport / getSampleStatement after merge
  return null;
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
