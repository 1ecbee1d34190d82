// A national user adds a theme to the national thematic codebook.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertThematicCode, listThematicCodes } from '../../data/repositories/research-studies.js';
import { actorLabel } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { ThemeKey } from '../../domain/research/codebook.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const AddThematicCodeInput = z.object({
  key: ThemeKey,
  name: z.string().trim().min(1, 'Enter a name').max(200),
  description: z.string().trim().max(2000).default(''),
});
export type AddThematicCodeInput = z.input<typeof AddThematicCodeInput>;

export async function addThematicCode(
  ctx: UseCaseContext,
  raw: AddThematicCodeInput,
): Promise<void> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  if (!policies.maintainThematicCodebook(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = AddThematicCodeInput.parse(raw);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await listThematicCodes(trx)).some((t) => t.key === input.key))
      throw new AppError('ALREADY_EXISTS');
    await insertThematicCode(trx, { ...input, createdByLabel: actorLabel(ctx.actor) });
    await writeAudit(trx, ctx.actor, {
      action: 'thematic.code_added',
      entityType: 'thematic_code',
      entityId: input.key,
      after: input,
    });
  });
}
