// A self-evaluation document, always as a download: whoever reads the LA's submissions reads the
// files a submitted version carries; the LA's own writers also read the files in their draft.
// Every download is audited.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listVersions, readFileBytes } from '../../data/repositories/self-evaluations.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { workingDraft } from './draft-content.js';
import { laScope } from './scope.js';

export const DownloadSelfEvaluationFileInput = z.object({
  laId: z.string().max(200),
  fileId: z.string().max(200),
});

export interface SelfEvaluationDownload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

export async function downloadSelfEvaluationFile(
  ctx: UseCaseContext,
  raw: z.input<typeof DownloadSelfEvaluationFileInput>,
): Promise<SelfEvaluationDownload> {
  const input = DownloadSelfEvaluationFileInput.parse(raw);
  const scope = await laScope(ctx, input.laId);
  if (!scope.viewSubmissions) throw new AppError('NOT_FOUND');
  const submitted = (await listVersions(ctx.db, scope.la.id)).some((v) =>
    v.fileIds.includes(input.fileId),
  );
  const inDraft =
    scope.writeSelfEvaluation &&
    (await workingDraft(ctx.db, scope.la.id)).fileIds.includes(input.fileId);
  if (!submitted && !inDraft) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (trx) => {
    const found = await readFileBytes(trx, scope.la.id, input.fileId);
    if (!found) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'self_evaluation.file_downloaded',
      entityType: 'self_evaluation_file',
      entityId: found.file.id,
      laId: scope.la.id,
      after: { fileName: found.file.fileName, sha256: found.file.sha256 },
    });
    return {
      fileName: found.file.fileName,
      contentType: found.file.mediaType,
      bytes: found.bytes,
      sha256: found.file.sha256,
    };
  });
}
