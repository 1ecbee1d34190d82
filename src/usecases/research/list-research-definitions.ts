// The saved research definitions the caller may run: a researcher's own, every one for the
// national team and admins.
import {
  listDefinitions,
  type SavedDefinition,
} from '../../data/repositories/research-definitions.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function listResearchDefinitions(ctx: UseCaseContext): Promise<SavedDefinition[]> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  return (await listDefinitions(ctx.db)).filter((d) =>
    policies.viewResearchDefinition(ctx.actor, d),
  );
}
