// The national thematic codebook: its themes, the latest (or a given) version's mappings, every
// version, and the emergent code names in published inspections that could be mapped.
import {
  codebookMappings,
  listCodebookVersions,
  listThematicCodes,
  publishedEmergentCodeNames,
  type CodebookVersion,
  type ThematicCode,
} from '../../data/repositories/research-studies.js';
import { publishedCriteria } from '../../data/repositories/research.js';
import { policies } from '../../domain/access/policies.js';
import type { Mapping } from '../../domain/research/codebook.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface ThematicCodebook {
  themes: ThematicCode[];
  version: number | null;
  mappings: Mapping[];
  versions: CodebookVersion[];
  emergentNames: Array<{ name: string; inspections: number }>;
  criteria: Array<{ key: string; name: string }>;
  can: { maintain: boolean };
}

export async function getThematicCodebook(
  ctx: UseCaseContext,
  version: number | null = null,
): Promise<ThematicCodebook> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  const current = await codebookMappings(ctx.db, version);
  if (version !== null && current.version === null) throw new AppError('NOT_FOUND');
  return {
    themes: await listThematicCodes(ctx.db),
    version: current.version,
    mappings: current.mappings,
    versions: await listCodebookVersions(ctx.db),
    emergentNames: await publishedEmergentCodeNames(ctx.db),
    criteria: await publishedCriteria(ctx.db),
    can: { maintain: policies.maintainThematicCodebook(ctx.actor) },
  };
}
