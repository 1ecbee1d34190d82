import { z } from 'zod';
import {
  listLinesOfEnquiry as queryLines,
  type LineOfEnquiry,
} from '../../data/repositories/lines-of-enquiry.js';
import { lineOfEnquiryStatuses } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const ListLinesOfEnquiryInput = z.object({
  activityId: z.string(),
  status: z.enum(lineOfEnquiryStatuses).optional(),
});
export type ListLinesOfEnquiryInput = z.input<typeof ListLinesOfEnquiryInput>;

export async function listLinesOfEnquiry(
  ctx: UseCaseContext,
  raw: ListLinesOfEnquiryInput,
): Promise<LineOfEnquiry[]> {
  const input = ListLinesOfEnquiryInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  return queryLines(ctx.db, {
    activityId: activity.id,
    ...(input.status ? { status: input.status } : {}),
  });
}
