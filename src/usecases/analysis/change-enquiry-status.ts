import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findLineOfEnquiry,
  setLineOfEnquiryStatus,
  type LineOfEnquiry,
} from '../../data/repositories/lines-of-enquiry.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { loadEnquiry } from './enquiry-challenges.js';
import { assertReadyToClose } from './enquiry-close-check.js';
import { canMove, staleLine } from './enquiry-status-rules.js';

export const ChangeEnquiryStatusInput = z.object({
  /** The activity in the URL: the line must belong to it. */
  activityId: ActivityInPath,
  lineOfEnquiryId: z.string(),
  status: z.enum(['open', 'exploring', 'closed']),
  /** Required to close: what the team concluded and on what evidence. */
  conclusion: z.string().trim().max(5000).optional(),
  /** Required to reopen a closed one. */
  reason: z.string().trim().max(2000).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});
export type ChangeEnquiryStatusInput = z.input<typeof ChangeEnquiryStatusInput>;

/**
 * Moves a line of enquiry or hypothesis between open, exploring and closed. Closing needs a
 * conclusion and every piece of challenging evidence looked at; otherwise INVALID_TRANSITION
 * lists what is unreviewed. A hypothesis must also say what it is about and which way it points.
 */
export async function changeEnquiryStatus(
  ctx: UseCaseContext,
  raw: ChangeEnquiryStatusInput,
): Promise<LineOfEnquiry> {
  const input = ChangeEnquiryStatusInput.parse(raw);
  const loaded = await loadEnquiry(ctx, input.lineOfEnquiryId, 'write', input.activityId);
  const { activity, line } = loaded;
  if (line.status === input.status) return line;
  if (!canMove(line.status, input.status))
    throw new AppError('INVALID_TRANSITION', {
      message: `A ${line.status} line of enquiry cannot become ${input.status}.`,
    });
  if (line.status === 'closed' && !input.reason)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'reason', reason: 'Say why it is being reopened' }],
    });
  let reviewed = 0;
  if (input.status === 'closed') {
    if (!input.conclusion)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'conclusion', reason: 'Write the conclusion before closing' }],
      });
    reviewed = await assertReadyToClose(ctx.db, activity, line);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findLineOfEnquiry(trx, line.id);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.expectedVersion !== undefined && current.version !== input.expectedVersion)
      throw staleLine(current, input.expectedVersion);
    if (current.status !== line.status) throw staleLine(current, line.version);
    await setLineOfEnquiryStatus(trx, line.id, {
      status: input.status,
      conclusion: input.status === 'closed' ? (input.conclusion ?? null) : current.conclusion,
      version: current.version + 1,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.status_changed',
      entityType: 'line_of_enquiry',
      entityId: line.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { status: current.status, version: current.version },
      after: {
        status: input.status,
        version: current.version + 1,
        ...(input.status === 'closed'
          ? { conclusion: input.conclusion, challengesReviewed: reviewed }
          : {}),
      },
      reason: input.reason ?? null,
    });
  });
  const updated = await findLineOfEnquiry(ctx.db, line.id);
  if (!updated) throw new AppError('INTERNAL');
  return updated;
}
