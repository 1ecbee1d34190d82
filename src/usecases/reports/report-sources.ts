// Where a draft's inputs come from. The judgements and the sample statement belong to other
// areas; this small adapter is the only place that knows how to ask them.
import type { Kysely } from 'kysely';
import { listVignettes } from '../../data/repositories/vignettes.js';
import type { DB } from '../../data/schema.js';
import type { ReportJudgement } from '../../domain/judgements/report-input.js';
import type { VignetteInput } from '../../domain/reports/types.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { getJudgementsForReport } from '../judgements/get-judgements-for-report.js';
import { getSampleStatement } from '../sampling/get-sample-statement.js';

/** The activity's judgements as the report needs them. */
export async function judgementsForReport(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ReportJudgement[]> {
  return unlessHidden(getJudgementsForReport(ctx, { activityId }), []);
}

/** The sample transparency statement, or null when no sample was drawn. */
export async function sampleStatementForReport(
  ctx: UseCaseContext,
  activityId: string,
): Promise<SampleStatement | null> {
  return unlessHidden(getSampleStatement(ctx, { activityId }), null);
}

/**
 * Someone who may draft the report but not read the judgements or the sample (an admin drafting
 * for a team, say) gets a draft without them rather than an error: the sections say "not yet
 * graded" and the team fills them in.
 */
async function unlessHidden<T>(pending: Promise<T>, fallback: T): Promise<T> {
  try {
    return await pending;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return fallback;
    throw err;
  }
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
