// Save the LA's draft: the answers (in the order of the draft's questions), the improvement plan
// and the reform programme. Files are added and taken out on their own (add-self-evaluation-file).
import { z } from 'zod';
import type { SelfEvaluationDraft } from '../../domain/self-evaluation/self-evaluation.js';
import type { UseCaseContext } from '../context.js';
import { DraftContentInput, writableScope, writeDraft } from './draft-content.js';
import { validationError } from './scope.js';

export const SaveSelfEvaluationDraftInput = DraftContentInput.extend({
  laId: z.string().max(200),
});
export type SaveSelfEvaluationDraftInput = z.input<typeof SaveSelfEvaluationDraftInput>;

export async function saveSelfEvaluationDraft(
  ctx: UseCaseContext,
  raw: SaveSelfEvaluationDraftInput,
): Promise<SelfEvaluationDraft> {
  const scope = await writableScope(ctx, String(raw.laId ?? ''));
  const parsed = SaveSelfEvaluationDraftInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return ctx.db.transaction().execute((trx) => writeDraft(trx, ctx, scope, parsed.data));
}
