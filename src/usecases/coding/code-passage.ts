import { z } from 'zod';
import { findEvidence } from '../../data/repositories/evidence.js';
import { findPassage } from '../../domain/workbench/passage.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { ActivityInPath, foundInActivity } from '../shared/found-in-activity.js';
import { CodeSpanInput, codeSpanOf, type CodeSpanOutcome } from './code-span.js';

export const CodePassageInput = z.object({
  /** The activity in the URL: the record must belong to it. */
  activityId: ActivityInPath,
  evidenceId: z.string().max(100),
  codeId: z.uuid('Choose a code'),
  /** The exact words to code, pasted from the record. */
  passage: z.string().max(100_000),
  /** Which appearance of the words, when they appear more than once (1-based; default 1). */
  occurrence: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce
      .number('Enter the occurrence as a number, like 2')
      .int('Enter the occurrence as a whole number, like 2')
      .min(1, 'Enter the occurrence as a number from 1')
      .optional(),
  ),
});
export type CodePassageInput = z.input<typeof CodePassageInput>;

/**
 * Codes a passage given by its words rather than its offsets (the workbench without
 * JavaScript): finds the words in the current text of the record, then codes that span exactly
 * as the JSON API does (same checks, same audit event).
 */
export async function codePassage(
  ctx: UseCaseContext,
  raw: CodePassageInput,
): Promise<CodeSpanOutcome> {
  // Access first, so that people who may not code learn nothing from validation messages.
  const record = foundInActivity(
    await findEvidence(ctx.db, String(raw.evidenceId ?? '')),
    raw.activityId,
  );
  const { activity } = await evidenceScope(ctx, record.activityId, 'write');
  const input = CodePassageInput.parse(raw);
  const match = findPassage(record.text, input.passage, input.occurrence ?? 1);
  if (!match.ok)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: match.occurrences > 0 ? 'occurrence' : 'passage', reason: match.reason }],
    });
  const span = CodeSpanInput.parse({
    evidenceId: record.id,
    codeIds: [input.codeId],
    start: match.start,
    end: match.end,
    evidenceVersion: record.version,
  });
  return codeSpanOf(ctx, activity, record.id, span);
}
