// Removing one's own coding from a study (others' codings stay: only whoever coded removes).
// Audited with what was removed.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteStudyCoding,
  findStudyCoding,
} from '../../data/repositories/research-study-codings.js';
import { policies } from '../../domain/access/policies.js';
import { studyRecordRef } from '../../domain/research/study-coding.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyFor } from './study-scope.js';

export const RemoveStudyCodingInput = z.object({ studyId: z.string(), codingId: z.string() });
export type RemoveStudyCodingInput = z.input<typeof RemoveStudyCodingInput>;

export async function removeStudyCoding(
  ctx: UseCaseContext,
  raw: RemoveStudyCodingInput,
): Promise<void> {
  const input = RemoveStudyCodingInput.parse(raw);
  const study = await studyFor(ctx, input.studyId);
  const coding = await findStudyCoding(ctx.db, study.id, input.codingId);
  if (!coding) throw new AppError('NOT_FOUND');
  if (!policies.removeStudyCoding(ctx.actor, study, coding))
    throw new AppError('FORBIDDEN', { message: 'Only whoever coded a passage removes it.' });
  await ctx.db.transaction().execute(async (trx) => {
    await deleteStudyCoding(trx, coding.id);
    await writeAudit(trx, ctx.actor, {
      action: 'research.study_coding_removed',
      entityType: 'research_study',
      entityId: study.id,
      before: {
        codingId: coding.id,
        record: studyRecordRef(study.id, coding.evidenceId),
        code: coding.themeKey,
        start: coding.start,
        end: coding.end,
      },
    });
  });
}
