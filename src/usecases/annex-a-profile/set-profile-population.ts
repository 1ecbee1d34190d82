// Enter the 0-17 population an activity's profile rates use (e.g. the LA's own newer estimate),
// or clear it to go back to the ONS mid-year estimate in the benchmark table.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import {
  findProfileSettings,
  saveProfileSettings,
} from '../../data/repositories/annex-a-profile.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';

export const SetProfilePopulationInput = z.object({
  activityId: z.string(),
  population: z.coerce.number().int().min(1).max(5_000_000).nullable(),
  source: z.string().trim().max(300).nullish(),
});
export type SetProfilePopulationInput = z.input<typeof SetProfilePopulationInput>;

export async function setProfilePopulation(
  ctx: UseCaseContext,
  raw: SetProfilePopulationInput,
): Promise<void> {
  const input = SetProfilePopulationInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.importAnnexA(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  const before = await findProfileSettings(ctx.db, activity.id);
  const by = actorRef(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    await saveProfileSettings(trx, activity.id, {
      population: input.population,
      populationSource: input.population ? input.source || null : null,
      byLabel: by.label,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'annex_a.population_set',
      entityType: 'annex_a_profile',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: before ? { population: before.population, source: before.populationSource } : null,
      after: { population: input.population, source: input.source || null },
    });
  });
}
