// A memo in a thematic review: what the researcher makes of what they read.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertStudyMemo } from '../../data/repositories/research-studies.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import type { UseCaseContext } from '../context.js';
import { studyFor } from './study-scope.js';

export const AddStudyMemoInput = z.object({
  studyId: z.string(),
  body: z.string().trim().min(1, 'Write the memo').max(20_000),
});
export type AddStudyMemoInput = z.input<typeof AddStudyMemoInput>;

export async function addStudyMemo(ctx: UseCaseContext, raw: AddStudyMemoInput): Promise<string> {
  const input = AddStudyMemoInput.parse(raw);
  const study = await studyFor(ctx, input.studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertStudyMemo(trx, {
      studyId: study.id,
      body: input.body,
      authorId: actorUserId(ctx.actor),
      authorLabel: actorLabel(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'research.memo_added',
      entityType: 'research_study',
      entityId: study.id,
      after: { memoId: id, length: input.body.length },
    });
    return id;
  });
}
