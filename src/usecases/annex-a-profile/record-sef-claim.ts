// Record what the LA's self-evaluation (SEF) says about one profile indicator ("strong",
// "improving", "weak"), or clear it. The profile flags a claim the data contradicts.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import {
  deleteSefClaim,
  listSefClaims,
  saveSefClaim,
} from '../../data/repositories/annex-a-profile.js';
import { policies } from '../../domain/access/policies.js';
import { sefClaims } from '../../domain/annex-a-profile/candidates.js';
import { indicatorDefinition } from '../../domain/annex-a-profile/indicators.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';

export const RecordSefClaimInput = z.object({
  activityId: z.string(),
  indicatorKey: z.string().min(1).max(100),
  /** null clears the claim. */
  claim: z.enum(sefClaims).nullable(),
  note: z.string().trim().max(2000).nullish(),
});
export type RecordSefClaimInput = z.input<typeof RecordSefClaimInput>;

export async function recordSefClaim(ctx: UseCaseContext, raw: RecordSefClaimInput): Promise<void> {
  const input = RecordSefClaimInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.decideDataCandidates(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  if (!indicatorDefinition(input.indicatorKey))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'indicatorKey', value: input.indicatorKey, reason: 'Not a profile indicator' },
      ],
    });
  const before =
    (await listSefClaims(ctx.db, activity.id)).find((c) => c.indicatorKey === input.indicatorKey) ??
    null;
  const by = actorRef(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    if (input.claim) {
      await saveSefClaim(
        trx,
        activity.id,
        { indicatorKey: input.indicatorKey, claim: input.claim, note: input.note || null },
        by,
      );
    } else {
      await deleteSefClaim(trx, activity.id, input.indicatorKey);
    }
    await writeAudit(trx, ctx.actor, {
      action: 'annex_a.sef_claim_recorded',
      entityType: 'annex_a_sef_claim',
      entityId: `${activity.id}:${input.indicatorKey}`,
      activityId: activity.id,
      laId: activity.laId,
      before: before ? { claim: before.claim, note: before.note } : null,
      after: input.claim ? { claim: input.claim, note: input.note || null } : null,
    });
  });
}
