import { z } from 'zod';
import { findAttachment, type Attachment } from '../../data/repositories/attachments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { checkAttachment, saveAttachment, type IncomingFile } from '../shared/store-attachment.js';
import { ownerScopeForWrite } from '../shared/attachment-scope.js';

export const AttachmentOwnerInput = z.object({
  kind: z.enum(['evidence', 'report_comment']),
  id: z.string().max(200),
});

export const AttachFileInput = z.object({
  /** The activity in the URL: the owner must belong to it. */
  activityId: z.string().max(200),
  owner: AttachmentOwnerInput,
  fileName: z.string().trim().min(1, 'Choose a file').max(1000),
  declaredType: z.string().max(255).nullish(),
});
export type AttachFileInput = z.input<typeof AttachFileInput>;

/**
 * Keeps a file beside an evidence record (the team) or an LA's factual-accuracy comment (the LA,
 * while the window is open): checked by content, size and virus scan first, then stored with an
 * audit event in one transaction.
 */
export async function attachFile(
  ctx: UseCaseContext,
  raw: AttachFileInput,
  bytes: Uint8Array,
): Promise<Attachment> {
  const input = AttachFileInput.parse(raw);
  const scope = await ownerScopeForWrite(ctx, input.activityId, input.owner);
  const file: IncomingFile = {
    fileName: input.fileName,
    declaredType: input.declaredType ?? null,
    bytes,
  };
  const checked = await checkAttachment(ctx, file);
  const id = await ctx.db
    .transaction()
    .execute((trx) => saveAttachment(trx, ctx, scope.activity, scope.owner, checked));
  const stored = await findAttachment(ctx.db, id);
  if (!stored) throw new AppError('INTERNAL');
  return stored;
}
