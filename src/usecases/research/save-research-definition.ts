// Save a cross-inspection query or an outcomes analysis as a named definition, to be run again
// (page button, API, `research run --id`). The definition is checked as a run would check it.
import { z } from 'zod';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { insertDefinition } from '../../data/repositories/research-definitions.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AnalysisDefinition } from '../../domain/research/definitions.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const SaveResearchDefinitionInput = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  saved: AnalysisDefinition,
});
export type SaveResearchDefinitionInput = z.input<typeof SaveResearchDefinitionInput>;

export async function saveResearchDefinition(
  ctx: UseCaseContext,
  raw: SaveResearchDefinitionInput,
): Promise<{ id: string }> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = SaveResearchDefinitionInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const { name, saved } = parsed.data;
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertDefinition(trx, {
      name,
      analysis: saved.analysis,
      definition: saved.definition as Record<string, unknown>,
      createdBy: actorUserId(ctx.actor),
      createdByLabel: actorLabel(ctx.actor),
      createdAt: now(),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'research.definition_saved',
      entityType: 'research_definition',
      entityId: id,
      after: { name, ...saved },
    });
    return { id };
  });
}
