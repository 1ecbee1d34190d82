// The sample transparency statement of an activity, for the sample page. Null when nothing has
// been sampled yet.
import type { SampleStatement } from '../../domain/sampling/statement.js';
import type { UseCaseContext } from '../context.js';
import { loadSampleStatement } from '../shared/sample-statement.js';
import { sampleScope } from './sample-scope.js';

export async function getSampleStatement(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<SampleStatement | null> {
  const { activity } = await sampleScope(ctx, input.activityId, 'read');
  return loadSampleStatement(ctx.db, activity.id);
}
