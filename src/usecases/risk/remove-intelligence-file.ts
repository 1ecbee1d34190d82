// Removes a document kept beside an intelligence entry, for good (its bytes are deleted): the
// same people as may attach one (intelligence-entry-scope.ts 'write', policies.writeRiskPicture:
// regional staff of the LA's region). Someone who may not read the entry learns nothing (404);
// a reader who may not write is refused (403). What it was, with its SHA-256, is audited.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteAttachmentRow,
  findIntelligenceAttachment,
  type IntelligenceAttachment,
} from '../../data/repositories/attachments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { intelligenceEntryScope } from './intelligence-entry-scope.js';

export const RemoveIntelligenceFileInput = z.object({
  laId: z.string().max(200),
  entryId: z.string().max(200),
  attachmentId: z.string().max(200),
  reason: z.string().trim().max(2000).nullish(),
});

export async function removeIntelligenceFile(
  ctx: UseCaseContext,
  raw: z.input<typeof RemoveIntelligenceFileInput>,
): Promise<IntelligenceAttachment> {
  const input = RemoveIntelligenceFileInput.parse(raw);
  const scope = await intelligenceEntryScope(ctx, input.laId, input.entryId, 'write');
  const file = await findIntelligenceAttachment(ctx.db, scope.entry.id, input.attachmentId);
  if (!file) throw new AppError('NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteAttachmentRow(trx, file.id))) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'attachment.deleted',
      entityType: 'attachment',
      entityId: file.id,
      laId: scope.la.id,
      before: {
        owner: 'intelligence_entry',
        ownerId: scope.entry.id,
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
      },
      after: null,
      reason: input.reason ?? null,
    });
  });
  return file;
}
