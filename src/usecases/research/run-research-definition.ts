// Run a definition again: a saved one by its id, or one given as JSON (`research run --file`).
// The same use cases as the pages run it, with the same checks, suppression and logging, so a
// re-run on the same data gives the same figures (the outcomes analysis carries its seed).
import { z } from 'zod';
import { findDefinition } from '../../data/repositories/research-definitions.js';
import { policies } from '../../domain/access/policies.js';
import { AnalysisDefinition } from '../../domain/research/definitions.js';
import type { ResearchResult } from '../../domain/research/query.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { analyseOutcomes, type OutcomesAnalysis } from './analyse-outcomes.js';
import { runResearchQuery } from './run-research-query.js';

export const RunResearchDefinitionInput = z.union([
  z.object({ id: z.string().uuid() }),
  z.object({ saved: z.unknown() }),
]);
export type RunResearchDefinitionInput = z.input<typeof RunResearchDefinitionInput>;

export type DefinitionRun =
  | { analysis: 'query'; name: string | null; definition: unknown; result: ResearchResult }
  | { analysis: 'outcomes'; name: string | null; definition: unknown; result: OutcomesAnalysis };

export async function runResearchDefinition(
  ctx: UseCaseContext,
  raw: RunResearchDefinitionInput,
): Promise<DefinitionRun> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  let name: string | null = null;
  let given: unknown;
  if ('id' in raw) {
    const id = z.string().uuid().safeParse(raw.id);
    const found = id.success ? await findDefinition(ctx.db, id.data) : undefined;
    if (!found || !policies.viewResearchDefinition(ctx.actor, found))
      throw new AppError('NOT_FOUND');
    name = found.name;
    given = { analysis: found.analysis, definition: found.definition };
  } else given = raw.saved;
  const parsed = AnalysisDefinition.safeParse(given);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const d = parsed.data;
  if (d.analysis === 'query')
    return {
      analysis: 'query',
      name,
      definition: d.definition,
      result: await runResearchQuery(ctx, d.definition),
    };
  return {
    analysis: 'outcomes',
    name,
    definition: d.definition,
    result: await analyseOutcomes(ctx, d.definition),
  };
}
