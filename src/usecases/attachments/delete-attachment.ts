import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteAttachmentRow,
  findAttachment,
  type Attachment,
} from '../../data/repositories/attachments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ownerScopeForWrite } from '../shared/attachment-scope.js';

export const DeleteAttachmentInput = z.object({
  activityId: z.string().max(200),
  attachmentId: z.string().max(200),
  reason: z.string().trim().max(2000).nullish(),
});
export type DeleteAttachmentInput = z.input<typeof DeleteAttachmentInput>;

/** Removes a file for good (its bytes are deleted); who removed it and what it was is audited. */
export async function deleteAttachment(
  ctx: UseCaseContext,
  raw: DeleteAttachmentInput,
): Promise<Attachment> {
  const input = DeleteAttachmentInput.parse(raw);
  const attachment = await findAttachment(ctx.db, input.attachmentId);
  if (!attachment || attachment.activityId !== input.activityId) throw new AppError('NOT_FOUND');
  const scope = await ownerScopeForWrite(ctx, input.activityId, attachment.owner);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteAttachmentRow(trx, attachment.id))) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'attachment.deleted',
      entityType: 'attachment',
      entityId: attachment.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: {
        owner: attachment.owner.kind,
        ownerId: attachment.owner.id,
        fileName: attachment.fileName,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
      },
      after: null,
      reason: input.reason ?? null,
    });
  });
  return attachment;
}
