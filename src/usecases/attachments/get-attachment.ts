import { z } from 'zod';
import { findAttachment, type Attachment } from '../../data/repositories/attachments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ownerScope } from '../shared/attachment-scope.js';

export const GetAttachmentInput = z.object({
  activityId: z.string().max(200),
  attachmentId: z.string().max(200),
});
export type GetAttachmentInput = z.input<typeof GetAttachmentInput>;

export interface AttachmentDetail {
  attachment: Attachment;
  activity: { id: string; title: string };
  /** The owner for people ("E12", "the comment"). */
  ownerLabel: string;
  canWrite: boolean;
}

/** One file's details (not its bytes), for whoever may read its record. */
export async function getAttachment(
  ctx: UseCaseContext,
  raw: GetAttachmentInput,
): Promise<AttachmentDetail> {
  const input = GetAttachmentInput.parse(raw);
  const attachment = await findAttachment(ctx.db, input.attachmentId);
  if (!attachment || attachment.activityId !== input.activityId) throw new AppError('NOT_FOUND');
  const scope = await ownerScope(ctx, input.activityId, attachment.owner);
  return {
    attachment,
    activity: { id: scope.activity.id, title: scope.activity.title },
    ownerLabel: scope.label,
    canWrite: scope.canWrite,
  };
}
