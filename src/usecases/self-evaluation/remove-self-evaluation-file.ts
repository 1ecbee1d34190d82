// Take a document out of the LA's draft. A file no submitted version carries is deleted; one a
// version carries stays with that version (versions never change).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteUnsubmittedFile,
  lockDraft,
  saveDraft,
} from '../../data/repositories/self-evaluations.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { workingDraft, writableScope } from './draft-content.js';

export const RemoveSelfEvaluationFileInput = z.object({
  laId: z.string().max(200),
  fileId: z.string().max(200),
});

export async function removeSelfEvaluationFile(
  ctx: UseCaseContext,
  raw: z.input<typeof RemoveSelfEvaluationFileInput>,
): Promise<void> {
  const input = RemoveSelfEvaluationFileInput.parse(raw);
  const scope = await writableScope(ctx, input.laId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockDraft(trx, scope.la.id);
    const draft = await workingDraft(trx, scope.la.id);
    if (!draft.fileIds.includes(input.fileId)) throw new AppError('NOT_FOUND');
    const by = actorRef(ctx.actor);
    const fileIds = draft.fileIds.filter((id) => id !== input.fileId);
    await saveDraft(trx, scope.la.id, { ...draft, fileIds }, by, now());
    await deleteUnsubmittedFile(trx, scope.la.id, input.fileId);
    await writeAudit(trx, ctx.actor, {
      action: 'self_evaluation.file_removed',
      entityType: 'self_evaluation_file',
      entityId: input.fileId,
      laId: scope.la.id,
    });
  });
}
