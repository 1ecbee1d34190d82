// A coder codes a span of an assigned record in their own layer: by code-point offsets, or by
// pasting the words (for coding without JavaScript). Closed once they have finished.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findCode } from '../../data/repositories/codes.js';
import { insertDoubleCoding } from '../../data/repositories/double-coding.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { cpSlice, spanProblem } from '../../domain/evidence/offsets.js';
import { findPassage } from '../../domain/workbench/passage.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assignmentScope } from './double-coding-scope.js';

export const CodeDoubleCodingInput = z.object({
  activityId: z.string(),
  assignmentId: z.string(),
  evidenceId: z.string(),
  codeId: z.string(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(1).optional(),
  passage: z.string().max(20_000).optional(),
  occurrence: z.number().int().min(1).optional(),
});
export type CodeDoubleCodingInput = z.input<typeof CodeDoubleCodingInput>;

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', { message: reason, details: [{ field, reason }] });

export async function codeDoubleCoding(
  ctx: UseCaseContext,
  raw: CodeDoubleCodingInput,
): Promise<{ id: string | null }> {
  const input = CodeDoubleCodingInput.parse(raw);
  const s = await assignmentScope(ctx, input.activityId, input.assignmentId);
  const me = actorUserId(ctx.actor);
  if (!me || !policies.codeDoubleCoding(ctx.actor, s.facts, s.isCoder))
    throw new AppError('FORBIDDEN', { message: 'Only the assigned coders code here.' });
  if (s.assignment.coders.find((c) => c.userId === me)?.finishedAt)
    throw new AppError('CONFLICT', { message: 'You have finished this double coding.' });
  if (!s.assignment.records.some((r) => r.evidenceId === input.evidenceId))
    throw new AppError('NOT_FOUND');
  const record = await findEvidence(ctx.db, input.evidenceId);
  if (!record) throw new AppError('NOT_FOUND');
  const code = await findCode(ctx.db, input.codeId);
  if (!code || code.activityId !== s.activity.id) throw invalid('codeId', 'Choose a code');
  let start = input.start;
  let end = input.end;
  if (input.passage !== undefined && input.passage.trim() !== '') {
    const found = findPassage(record.text, input.passage, input.occurrence ?? 1);
    if (!found.ok) throw invalid('passage', found.reason);
    ({ start, end } = found);
  }
  if (start === undefined || end === undefined)
    throw invalid('passage', 'Paste the words to code, exactly as in the text');
  const problem = spanProblem(record.text, start, end);
  if (problem) throw invalid('start', problem);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertDoubleCoding(trx, {
      assignmentId: s.assignment.id,
      evidenceId: record.id,
      coderId: me,
      codeId: code.id,
      start: start!,
      end: end!,
      spanText: cpSlice(record.text, start!, end!),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'double_coding.coded',
      entityType: 'double_coding_assignment',
      entityId: s.assignment.id,
      activityId: s.activity.id,
      laId: s.activity.laId,
      after: { record: record.reference, code: code.name, start, end },
    });
    return { id };
  });
}
