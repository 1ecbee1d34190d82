// National staff decide whether a study shows LA identity (names in passages, the LA dimension).
// A researcher who asks is refused (FORBIDDEN): they may read the study, not make that choice.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { updateStudy } from '../../data/repositories/research-studies.js';
import { actorLabel } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { now } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyFor } from './study-scope.js';

export const SetStudyLaIdentityInput = z.object({
  studyId: z.string(),
  laIdentity: z.enum(['hidden', 'shown']),
  reason: z.string().trim().min(1, 'Say why').max(2000),
});
export type SetStudyLaIdentityInput = z.input<typeof SetStudyLaIdentityInput>;

export async function setStudyLaIdentity(
  ctx: UseCaseContext,
  raw: SetStudyLaIdentityInput,
): Promise<void> {
  const input = SetStudyLaIdentityInput.parse(raw);
  const study = await studyFor(ctx, input.studyId);
  if (!policies.setStudyLaIdentity(ctx.actor)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    await updateStudy(trx, study.id, {
      laIdentity: input.laIdentity,
      laIdentitySetBy: actorLabel(ctx.actor),
      at: now(),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'research.la_identity_set',
      entityType: 'research_study',
      entityId: study.id,
      before: { laIdentity: study.laIdentity },
      after: { laIdentity: input.laIdentity },
      reason: input.reason,
    });
  });
}
