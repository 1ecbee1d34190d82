// The LA's draft as its form shows it: the framework's questions (from the framework file in
// force), the answers so far, the improvement plan and reform programme, and the files attached.
import { z } from 'zod';
import { listFiles } from '../../data/repositories/self-evaluations.js';
import type { SelfEvaluationFile } from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { workingDraft, type WorkingDraft } from './draft-content.js';
import { laScope } from './scope.js';

export const GetSelfEvaluationDraftInput = z.object({ laId: z.string().max(200) });

export interface SelfEvaluationDraftView {
  la: { id: string; name: string };
  draft: WorkingDraft;
  files: SelfEvaluationFile[];
}

export async function getSelfEvaluationDraft(
  ctx: UseCaseContext,
  raw: z.input<typeof GetSelfEvaluationDraftInput>,
): Promise<SelfEvaluationDraftView> {
  const input = GetSelfEvaluationDraftInput.parse(raw);
  const scope = await laScope(ctx, input.laId);
  if (!scope.writeSelfEvaluation)
    throw new AppError(scope.viewSubmissions ? 'FORBIDDEN' : 'NOT_FOUND');
  const draft = await workingDraft(ctx.db, scope.la.id);
  return {
    la: { id: scope.la.id, name: scope.la.name },
    draft,
    files: await listFiles(ctx.db, scope.la.id, draft.fileIds),
  };
}
