import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteEnquiryLink, findEnquiryLink } from '../../data/repositories/enquiry-analysis.js';
import { isUuid } from '../../data/repositories/users.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { loadEnquiry } from './enquiry-challenges.js';

export const UnlinkEnquiryEvidenceInput = z.object({
  /** The activity in the URL: the line must belong to it. */
  activityId: ActivityInPath,
  linkId: z.string(),
  /** When given, the link must belong to this line of enquiry. */
  lineOfEnquiryId: z.string().optional(),
});
export type UnlinkEnquiryEvidenceInput = z.input<typeof UnlinkEnquiryEvidenceInput>;

/** Removes a link (recorded in the audit log with what it was). */
export async function unlinkEnquiryEvidence(
  ctx: UseCaseContext,
  raw: UnlinkEnquiryEvidenceInput,
): Promise<void> {
  const input = UnlinkEnquiryEvidenceInput.parse(raw);
  if (!isUuid(input.linkId)) throw new AppError('NOT_FOUND');
  const link = await findEnquiryLink(ctx.db, input.linkId);
  if (!link || (input.lineOfEnquiryId && link.lineOfEnquiryId !== input.lineOfEnquiryId))
    throw new AppError('NOT_FOUND');
  const { activity, line } = await loadEnquiry(
    ctx,
    link.lineOfEnquiryId,
    'write',
    input.activityId,
  );
  await ctx.db.transaction().execute(async (trx) => {
    await deleteEnquiryLink(trx, link.id);
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.evidence_unlinked',
      entityType: 'line_of_enquiry',
      entityId: line.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        linkId: link.id,
        evidenceId: link.evidenceId,
        start: link.start,
        end: link.end,
        stance: link.stance,
        note: link.note,
      },
    });
  });
}
