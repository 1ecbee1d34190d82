// A researcher (or national user) opens a thematic review: a title, a question and a selection
// of published inspections by context. LA identity starts hidden; only national staff may show it.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertStudy, type Study } from '../../data/repositories/research-studies.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { StudySelection } from '../../domain/research/selection.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const CreateStudyInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200),
  question: z.string().trim().max(4000).default(''),
  selection: StudySelection.default({}),
});
export type CreateStudyInput = z.input<typeof CreateStudyInput>;

export async function createStudy(ctx: UseCaseContext, raw: CreateStudyInput): Promise<Study> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  const input = CreateStudyInput.parse(raw);
  return ctx.db.transaction().execute(async (trx) => {
    const study = await insertStudy(trx, {
      ...input,
      createdBy: actorUserId(ctx.actor),
      createdByLabel: actorLabel(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'research.study_created',
      entityType: 'research_study',
      entityId: study.id,
      after: { title: study.title, question: study.question, selection: study.selection },
    });
    return study;
  });
}
