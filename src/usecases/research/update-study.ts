// Change a study's title, question or selection of inspections (its researcher or national staff).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findStudy,
  updateStudy as saveStudy,
  type Study,
} from '../../data/repositories/research-studies.js';
import { StudySelection } from '../../domain/research/selection.js';
import { now } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyFor } from './study-scope.js';

export const UpdateStudyInput = z.object({
  studyId: z.string(),
  title: z.string().trim().min(1, 'Enter a title').max(200).optional(),
  question: z.string().trim().max(4000).optional(),
  selection: StudySelection.optional(),
});
export type UpdateStudyInput = z.input<typeof UpdateStudyInput>;

export async function updateStudy(ctx: UseCaseContext, raw: UpdateStudyInput): Promise<Study> {
  const input = UpdateStudyInput.parse(raw);
  const before = await studyFor(ctx, input.studyId);
  return ctx.db.transaction().execute(async (trx) => {
    await saveStudy(trx, before.id, {
      title: input.title,
      question: input.question,
      selection: input.selection,
      at: now(),
    });
    const after = await findStudy(trx, before.id);
    if (!after) throw new AppError('INTERNAL');
    await writeAudit(trx, ctx.actor, {
      action: 'research.study_updated',
      entityType: 'research_study',
      entityId: before.id,
      before: { title: before.title, question: before.question, selection: before.selection },
      after: { title: after.title, question: after.question, selection: after.selection },
    });
    return after;
  });
}
