// A national user maps a framework criterion or an emergent code name to a theme (or unmaps it):
// every change makes a new codebook version, so a query names the version it used and old
// results can be reproduced.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  codebookMappings,
  insertCodebookVersion,
  listThematicCodes,
} from '../../data/repositories/research-studies.js';
import { actorLabel } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { ThemeKey, withMapping } from '../../domain/research/codebook.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const MapToThemeInput = z.object({
  changes: z
    .array(
      z.object({
        sourceKind: z.enum(['criterion', 'emergent']),
        sourceKey: z.string().trim().min(1).max(300),
        thematicKey: ThemeKey.nullable(),
      }),
    )
    .min(1)
    .max(500),
  note: z.string().trim().max(2000).default(''),
});
export type MapToThemeInput = z.input<typeof MapToThemeInput>;

export async function mapToTheme(ctx: UseCaseContext, raw: MapToThemeInput): Promise<number> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  if (!policies.maintainThematicCodebook(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = MapToThemeInput.parse(raw);
  return ctx.db.transaction().execute(async (trx) => {
    const themes = new Set((await listThematicCodes(trx)).map((t) => t.key));
    for (const c of input.changes)
      if (c.thematicKey && !themes.has(c.thematicKey))
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'thematicKey', reason: `No theme "${c.thematicKey}"` }],
        });
    const current = await codebookMappings(trx, null);
    const mappings = input.changes.reduce(withMapping, current.mappings);
    const version = (current.version ?? 0) + 1;
    await insertCodebookVersion(trx, {
      version,
      note: input.note,
      createdByLabel: actorLabel(ctx.actor),
      mappings,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'thematic.mapping_versioned',
      entityType: 'thematic_codebook',
      entityId: String(version),
      before: { version: current.version },
      after: { version, changes: input.changes, note: input.note },
    });
    return version;
  });
}
