import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
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
  const link = await ctx.db
    .selectFrom('enquiry_evidence')
    .selectAll()
    .where('id', '=', input.linkId)
    .executeTakeFirst();
  if (!link || (input.lineOfEnquiryId && link.line_of_enquiry_id !== input.lineOfEnquiryId))
    throw new AppError('NOT_FOUND');
  const { activity, line } = await loadEnquiry(
    ctx,
    link.line_of_enquiry_id,
    'write',
    input.activityId,
  );
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('enquiry_evidence').where('id', '=', link.id).execute();
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.evidence_unlinked',
      entityType: 'line_of_enquiry',
      entityId: line.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        linkId: link.id,
        evidenceId: link.evidence_id,
        start: link.start_pos,
        end: link.end_pos,
        stance: link.stance,
        note: link.note,
      },
    });
  });
}
