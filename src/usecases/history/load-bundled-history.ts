// Loads the inspection history shipped with the project (reference/inspection-history.json, built
// from Ofsted's published management information by scripts/build-history-reference.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { referenceDir } from '../../paths.js';
import type { UseCaseContext } from '../context.js';

const BundledEvent = z.object({
  sourceKey: z.string(),
  laId: z.string(),
  activityType: z.string(),
  frameworkId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  publicationDate: z.string().nullable(),
  theme: z.string().nullable(),
  grades: z.record(z.string(), z.string()),
  source: z.string(),
});
const BundledFile = z.object({ sources: z.array(z.string()), events: z.array(BundledEvent) });

export async function loadBundledHistory(
  ctx: UseCaseContext,
  file = path.join(referenceDir(), 'inspection-history.json'),
): Promise<number> {
  if (!existsSync(file)) return 0;
  const data = BundledFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const known = new Set(
    (await ctx.db.selectFrom('local_authorities').select('id').execute()).map((r) => r.id),
  );
  const events = data.events.filter((e) => known.has(e.laId));
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < events.length; i += 500) {
      await trx
        .insertInto('inspection_history')
        .values(
          events.slice(i, i + 500).map((e) => ({
            la_id: e.laId,
            activity_type: e.activityType,
            framework_id: e.frameworkId,
            start_date: e.startDate,
            end_date: e.endDate,
            publication_date: e.publicationDate,
            theme: e.theme,
            grades: JSON.stringify(e.grades),
            source: e.source,
            source_key: e.sourceKey,
          })),
        )
        .onConflict((oc) => oc.column('source_key').doNothing())
        .execute();
    }
    await writeAudit(trx, ctx.actor, {
      action: 'history.imported',
      entityType: 'inspection_history',
      entityId: 'bundled',
      after: { file: path.basename(file), events: events.length, sources: data.sources },
    });
  });
  return events.length;
}
