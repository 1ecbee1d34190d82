import { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { ensureCodebook } from '../shared/codebook.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const SeedCodebookInput = z.object({ activityId: z.string() });
export type SeedCodebookInput = z.input<typeof SeedCodebookInput>;

/**
 * Seeds the codebook from the activity's framework once (judgement areas as folders, criteria as
 * codes inside them). Safe to call any number of times, concurrently too. Returns how many codes
 * were created (0 when already seeded).
 */
export async function seedCodebook(
  ctx: UseCaseContext,
  raw: SeedCodebookInput,
): Promise<{ created: number }> {
  const input = SeedCodebookInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const created = await ctx.db
    .transaction()
    .execute((trx) => ensureCodebook(trx, ctx.actor, activity));
  return { created };
}
