// Attach a document (the improvement plan, the reform programme, another) to the LA's draft:
// checked by content, size and the virus-scan hook first (usecases/shared/store-attachment.ts, as
// every attachment is), then kept and named by the draft, with an audit event, in one transaction.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertFile,
  listFiles,
  lockDraft,
  saveDraft,
} from '../../data/repositories/self-evaluations.js';
import { sizeText } from '../../domain/files/attachment-check.js';
import {
  fileSections,
  type SelfEvaluationFile,
} from '../../domain/self-evaluation/self-evaluation.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { attachmentSettings, checkAttachment, refused } from '../shared/store-attachment.js';
import { workingDraft, writableScope } from './draft-content.js';
import { validationError } from './scope.js';

export const AddSelfEvaluationFileInput = z.object({
  laId: z.string().max(200),
  section: z.enum(fileSections, { error: 'Choose what the document is' }),
  fileName: z.string().trim().min(1, 'Choose a file').max(1000),
  declaredType: z.string().max(255).nullish(),
});
export type AddSelfEvaluationFileInput = z.input<typeof AddSelfEvaluationFileInput>;

/** An LA's self-evaluation documents may take as much room as one activity's attachments. */
export async function addSelfEvaluationFile(
  ctx: UseCaseContext,
  raw: AddSelfEvaluationFileInput,
  bytes: Uint8Array,
): Promise<SelfEvaluationFile> {
  const scope = await writableScope(ctx, String(raw.laId ?? ''));
  const parsed = AddSelfEvaluationFileInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const checked = await checkAttachment(ctx, {
    fileName: input.fileName,
    declaredType: input.declaredType ?? null,
    bytes,
  });
  const limit = attachmentSettings(ctx).maxActivityBytes;
  return ctx.db.transaction().execute(async (trx) => {
    await lockDraft(trx, scope.la.id);
    const draft = await workingDraft(trx, scope.la.id);
    const kept = await listFiles(trx, scope.la.id, draft.fileIds);
    const used = kept.reduce((n, f) => n + f.sizeBytes, 0);
    if (used + bytes.length > limit)
      throw refused(
        checked.fileName,
        `the self-evaluation’s documents would take ${sizeText(used + bytes.length)}, more than its ${sizeText(limit)} limit`,
      );
    const by = actorRef(ctx.actor);
    const file = await insertFile(trx, {
      laId: scope.la.id,
      section: input.section,
      fileName: checked.fileName,
      mediaType: checked.mediaType,
      declaredType: checked.declaredType,
      sha256: checked.sha256,
      scan: checked.scan,
      by,
      bytes: checked.bytes,
      at: now(),
    });
    await saveDraft(
      trx,
      scope.la.id,
      { ...draft, fileIds: [...draft.fileIds, file.id] },
      by,
      now(),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'self_evaluation.file_added',
      entityType: 'self_evaluation_file',
      entityId: file.id,
      laId: scope.la.id,
      after: {
        section: file.section,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        scan: file.scan.status,
      },
    });
    return file;
  });
}
