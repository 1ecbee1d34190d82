// Removing one's own coding of a published report from a study (only whoever coded removes it).
// Audited with what was removed.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteCorpusCoding, findCorpusCoding } from '../../data/repositories/corpus-codings.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyForCorpus } from './study-corpus.js';

export const RemoveStudyCorpusCodingInput = z.object({
  studyId: z.string(),
  codingId: z.string().max(80),
});
export type RemoveStudyCorpusCodingInput = z.input<typeof RemoveStudyCorpusCodingInput>;

export async function removeStudyCorpusCoding(
  ctx: UseCaseContext,
  raw: RemoveStudyCorpusCodingInput,
): Promise<{ documentId: string }> {
  const input = RemoveStudyCorpusCodingInput.parse(raw);
  const study = await studyForCorpus(ctx, input.studyId);
  const coding = await findCorpusCoding(ctx.db, study.id, input.codingId);
  if (!coding) throw new AppError('NOT_FOUND');
  if (!policies.removeStudyCoding(ctx.actor, study, coding))
    throw new AppError('FORBIDDEN', { message: 'Only whoever coded a passage removes it.' });
  await ctx.db.transaction().execute(async (trx) => {
    await deleteCorpusCoding(trx, coding.id);
    await writeAudit(trx, ctx.actor, {
      action: 'research.study_corpus_coding_removed',
      entityType: 'research_study',
      entityId: study.id,
      before: {
        codingId: coding.id,
        documentId: coding.documentId,
        code: coding.themeKey,
        start: coding.start,
        end: coding.end,
      },
    });
  });
  return { documentId: coding.documentId };
}
