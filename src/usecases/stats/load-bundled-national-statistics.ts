// Loads the national statistics shipped with the project (reference/national-stats.json, built
// from the DfE extracts by scripts/build-national-stats-reference.mjs) in bulk, through the same
// store step as the import: the demo carries every LA's real figures without ../shared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listLaIds } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import {
  suppressionMarkers,
  type Figure,
  type NeighbourRow,
} from '../../domain/national-stats/indicators.js';
import { AppError } from '../../errors.js';
import { referenceDir } from '../../paths.js';
import type { UseCaseContext } from '../context.js';
import { storeNationalStatistics, type StoreOutcome } from './store-national-statistics.js';

const BundledFile = z.object({
  areas: z.record(z.string(), z.tuple([z.enum(['england', 'region', 'la']), z.string()])),
  values: z.record(
    z.string(),
    z.record(
      z.string(),
      z.array(z.tuple([z.number().int(), z.union([z.number(), z.enum(suppressionMarkers)])])),
    ),
  ),
  neighbours: z.array(
    z.tuple([
      z.string(),
      z.enum(['sn_model_2025', 'groupings_2021']),
      z.number().int(),
      z.string(),
      z.string().nullable(),
    ]),
  ),
});

export async function loadBundledNationalStatistics(
  ctx: UseCaseContext,
  file = path.join(referenceDir(), 'national-stats.json'),
): Promise<StoreOutcome | null> {
  if (!policies.importNationalStatistics(ctx.actor)) throw new AppError('FORBIDDEN');
  if (!existsSync(file)) return null;
  const data = BundledFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const known = await listLaIds(ctx.db);
  const figures: Figure[] = [];
  for (const [indicator, byArea] of Object.entries(data.values))
    for (const [areaCode, pairs] of Object.entries(byArea)) {
      const area = data.areas[areaCode];
      if (!area || (area[0] === 'la' && !known.has(areaCode))) continue;
      for (const [year, v] of pairs)
        figures.push({
          indicator,
          level: area[0],
          areaCode,
          areaName: area[1],
          year,
          value: typeof v === 'number' ? v : null,
          marker: typeof v === 'number' ? null : v,
        });
    }
  const neighbours: NeighbourRow[] = data.neighbours
    .filter(([la, , , n]) => known.has(la) && known.has(n))
    .map(([laId, model, rank, neighbourLaId, closeness]) => ({
      laId,
      model,
      rank,
      neighbourLaId,
      closeness,
    }));
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await storeNationalStatistics(trx, ctx.actor, { figures, neighbours });
    await writeAudit(trx, ctx.actor, {
      action: 'national_statistics.imported',
      entityType: 'national_statistics',
      entityId: 'reference/national-stats.json',
      after: { bundled: true, figures: stored.figures, alerts: stored.alerts },
    });
    return stored;
  });
}
