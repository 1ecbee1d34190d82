// The region acknowledges receipt of one submitted version (once; the LA sees who and when).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { acknowledgeVersion, findVersion } from '../../data/repositories/self-evaluations.js';
import type { SelfEvaluation } from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { laScope, validationError } from './scope.js';

export const AcknowledgeSelfEvaluationInput = z.object({
  laId: z.string().max(200),
  version: z.coerce.number().int().min(1).max(100_000),
  note: z.string().trim().max(2000, 'Keep the note to 2,000 characters').default(''),
});
export type AcknowledgeSelfEvaluationInput = z.input<typeof AcknowledgeSelfEvaluationInput>;

export async function acknowledgeSelfEvaluation(
  ctx: UseCaseContext,
  raw: AcknowledgeSelfEvaluationInput,
): Promise<SelfEvaluation> {
  const scope = await laScope(ctx, String(raw.laId ?? ''));
  if (!scope.viewSubmissions) throw new AppError('NOT_FOUND');
  const parsed = AcknowledgeSelfEvaluationInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  return ctx.db.transaction().execute(async (trx) => {
    const v = await findVersion(trx, scope.la.id, input.version, { lock: true });
    if (!v) throw new AppError('NOT_FOUND');
    if (!scope.acknowledge) throw new AppError('FORBIDDEN');
    if (v.acknowledgement)
      throw new AppError('CONFLICT', {
        message: `Version ${v.version} was acknowledged by ${v.acknowledgement.by.label} already.`,
      });
    const done = await acknowledgeVersion(trx, v.id, {
      at: now(),
      by: actorRef(ctx.actor),
      note: input.note || null,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'self_evaluation.acknowledged',
      entityType: 'self_evaluation',
      entityId: v.id,
      laId: scope.la.id,
      after: { version: v.version, note: input.note || null },
    });
    return done;
  });
}
