// The sample transparency statement of an activity, for the sample page. Null when nothing has
// been sampled yet. (The report's draft builds the same statement: domain/sampling/statement-of.ts.)
import { findCurrentDraw, listSampleCases } from '../../data/repositories/sampling.js';
import { sampleStatementOf } from '../../domain/sampling/statement-of.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';
import type { UseCaseContext } from '../context.js';
import { sampleScope } from './sample-scope.js';

export async function getSampleStatement(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<SampleStatement | null> {
  const { activity } = await sampleScope(ctx, input.activityId, 'read');
  const [draw, cases] = await Promise.all([
    findCurrentDraw(ctx.db, activity.id),
    listSampleCases(ctx.db, activity.id),
  ]);
  return sampleStatementOf(draw, cases);
}
