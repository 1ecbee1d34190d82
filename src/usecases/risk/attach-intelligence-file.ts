// Keep a document beside an intelligence entry (a letter, a notification, the DfE's notice):
// regional staff for their region's LAs. The file is checked as every attachment is
// (usecases/shared/store-attachment.ts: type by content, size, the virus-scan hook) before any
// transaction; then, in one, the entry's limit (as an activity's), the row, the bytes and the
// audit event.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertIntelligenceAttachment,
  lockedIntelligenceAttachmentBytes,
  type IntelligenceAttachment,
} from '../../data/repositories/attachments.js';
import { sizeText } from '../../domain/files/attachment-check.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { attachmentSettings, checkAttachment, refused } from '../shared/store-attachment.js';
import { intelligenceEntryScope } from './intelligence-entry-scope.js';
import { validationError } from './risk-scope.js';

export const AttachIntelligenceFileInput = z.object({
  laId: z.string().max(200),
  entryId: z.string().max(200),
  fileName: z.string().trim().min(1, 'Choose a file').max(1000),
  declaredType: z.string().max(255).nullish(),
});
export type AttachIntelligenceFileInput = z.input<typeof AttachIntelligenceFileInput>;

export async function attachIntelligenceFile(
  ctx: UseCaseContext,
  raw: AttachIntelligenceFileInput,
  bytes: Uint8Array,
): Promise<IntelligenceAttachment> {
  // Who may act comes first: someone who may not see the entry learns nothing from a bad file.
  const scope = await intelligenceEntryScope(
    ctx,
    String(raw.laId ?? ''),
    String(raw.entryId ?? ''),
    'write',
  );
  const parsed = AttachIntelligenceFileInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const checked = await checkAttachment(ctx, {
    fileName: input.fileName,
    declaredType: input.declaredType ?? null,
    bytes,
  });
  const limit = attachmentSettings(ctx).maxActivityBytes;
  return ctx.db.transaction().execute(async (trx) => {
    const used = await lockedIntelligenceAttachmentBytes(trx, scope.entry.id);
    if (used + bytes.length > limit)
      throw refused(
        checked.fileName,
        `the entry’s files would take ${sizeText(used + bytes.length)}, more than its ${sizeText(limit)} limit (${sizeText(used)} used)`,
      );
    const file = await insertIntelligenceAttachment(trx, {
      entryId: scope.entry.id,
      fileName: checked.fileName,
      mediaType: checked.mediaType,
      declaredType: checked.declaredType,
      sha256: checked.sha256,
      scan: checked.scan,
      by: actorRef(ctx.actor),
      bytes: checked.bytes,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'attachment.uploaded',
      entityType: 'attachment',
      entityId: file.id,
      laId: scope.la.id,
      after: {
        owner: 'intelligence_entry',
        ownerId: scope.entry.id,
        origin: 'upload',
        fileName: file.fileName,
        mediaType: file.mediaType,
        declaredType: file.declaredType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        scan: file.scan.status,
      },
    });
    return file;
  });
}
