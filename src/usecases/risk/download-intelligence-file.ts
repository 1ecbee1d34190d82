// A file kept beside an intelligence entry, always as a download, for whoever may read the entry
// (intelligence-entry-scope.ts: confidential entries never reach the LA or an inspection team;
// the LA reads only entries shared with it). Every download is audited.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findIntelligenceAttachment,
  readAttachmentBytes,
} from '../../data/repositories/attachments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { intelligenceEntryScope } from './intelligence-entry-scope.js';

export const DownloadIntelligenceFileInput = z.object({
  laId: z.string().max(200),
  entryId: z.string().max(200),
  attachmentId: z.string().max(200),
});

export interface IntelligenceFileDownload {
  fileName: string;
  /** The type decided from the content when the file was kept (never the declared one). */
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

export async function downloadIntelligenceFile(
  ctx: UseCaseContext,
  raw: z.input<typeof DownloadIntelligenceFileInput>,
): Promise<IntelligenceFileDownload> {
  const input = DownloadIntelligenceFileInput.parse(raw);
  const scope = await intelligenceEntryScope(ctx, input.laId, input.entryId);
  const file = await findIntelligenceAttachment(ctx.db, scope.entry.id, input.attachmentId);
  if (!file) throw new AppError('NOT_FOUND');
  const bytes = await ctx.db.transaction().execute(async (trx) => {
    const b = await readAttachmentBytes(trx, file.id);
    if (!b) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'attachment.downloaded',
      entityType: 'attachment',
      entityId: file.id,
      laId: scope.la.id,
      after: { owner: 'intelligence_entry', fileName: file.fileName, sha256: file.sha256 },
    });
    return b;
  });
  return { fileName: file.fileName, contentType: file.mediaType, bytes, sha256: file.sha256 };
}
