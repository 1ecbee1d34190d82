import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findLineOfEnquiry,
  updateLineOfEnquiryIfVersion,
  type LineOfEnquiry,
} from '../../data/repositories/lines-of-enquiry.js';
import { lineOfEnquirySources, lineOfEnquiryStatuses } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';
import { assertReadyToClose } from './enquiry-close-check.js';
import { checkAreas } from './create-line-of-enquiry.js';

export const UpdateLineOfEnquiryInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  lineOfEnquiryId: z.string(),
  expectedVersion: z.number().int().min(1),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(10_000).nullable().optional(),
  status: z.enum(lineOfEnquiryStatuses).optional(),
  /** Required to close a line of enquiry. */
  conclusion: z.string().trim().max(10_000).nullable().optional(),
  source: z.enum(lineOfEnquirySources).optional(),
  judgementAreas: z.array(z.string()).max(20).optional(),
});
export type UpdateLineOfEnquiryInput = z.input<typeof UpdateLineOfEnquiryInput>;

export async function updateLineOfEnquiry(
  ctx: UseCaseContext,
  raw: UpdateLineOfEnquiryInput,
): Promise<LineOfEnquiry> {
  const input = UpdateLineOfEnquiryInput.parse(raw);
  const found = foundInActivity(
    await findLineOfEnquiry(ctx.db, input.lineOfEnquiryId),
    input.activityId,
  );
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  const next = {
    title: input.title ?? found.title,
    description: input.description === undefined ? found.description : input.description || null,
    status: input.status ?? found.status,
    conclusion: input.conclusion === undefined ? found.conclusion : input.conclusion || null,
    source: input.source ?? found.source,
    judgementAreas: input.judgementAreas
      ? [...new Set(input.judgementAreas)]
      : found.judgementAreas,
  };
  checkAreas(next.judgementAreas, judgementAreasOf(activity));
  if (next.status === 'closed' && !next.conclusion)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'conclusion', reason: 'Write the conclusion before closing the line of enquiry' },
      ],
    });
  // Closing needs every piece of challenging evidence looked at (evidence analysis).
  if (next.status === 'closed' && found.status !== 'closed')
    await assertReadyToClose(ctx.db, activity, found);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateLineOfEnquiryIfVersion(trx, found.id, input.expectedVersion, next)))
      throw new AppError('CONFLICT', {
        message: `“${found.title}” was changed by someone else since you opened it. Reload and try again.`,
      });
    const before = {
      title: found.title,
      description: found.description,
      status: found.status,
      conclusion: found.conclusion,
      source: found.source,
      judgementAreas: found.judgementAreas,
    };
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.updated',
      entityType: 'line_of_enquiry',
      entityId: found.id,
      activityId: activity.id,
      laId: activity.laId,
      before,
      after: next,
    });
  });
  const line = await findLineOfEnquiry(ctx.db, found.id);
  if (!line) throw new AppError('INTERNAL');
  return line;
}
