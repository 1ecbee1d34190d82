import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findAttachment, readAttachmentBytes } from '../../data/repositories/attachments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ownerScope } from '../shared/attachment-scope.js';

export const DownloadAttachmentInput = z.object({
  activityId: z.string().max(200),
  attachmentId: z.string().max(200),
});
export type DownloadAttachmentInput = z.input<typeof DownloadAttachmentInput>;

export interface AttachmentDownload {
  fileName: string;
  /** The type decided from the content when the file was kept (never the declared one). */
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

/** The file itself, for whoever may read its record; every download is audited. */
export async function downloadAttachment(
  ctx: UseCaseContext,
  raw: DownloadAttachmentInput,
): Promise<AttachmentDownload> {
  const input = DownloadAttachmentInput.parse(raw);
  const attachment = await findAttachment(ctx.db, input.attachmentId);
  if (!attachment || attachment.activityId !== input.activityId) throw new AppError('NOT_FOUND');
  const scope = await ownerScope(ctx, input.activityId, attachment.owner);
  const bytes = await ctx.db.transaction().execute(async (trx) => {
    const b = await readAttachmentBytes(trx, attachment.id);
    if (!b) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'attachment.downloaded',
      entityType: 'attachment',
      entityId: attachment.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { fileName: attachment.fileName, sha256: attachment.sha256 },
    });
    return b;
  });
  return {
    fileName: attachment.fileName,
    contentType: attachment.mediaType,
    bytes,
    sha256: attachment.sha256,
  };
}
