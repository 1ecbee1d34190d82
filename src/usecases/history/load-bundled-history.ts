// Loads the inspection history shipped with the project (reference/inspection-history.json, built
// from Ofsted's published management information by scripts/build-history-reference.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertHistoryEvents, listAllHistory } from '../../data/repositories/inspection-history.js';
import { listLaIds } from '../../data/repositories/local-authorities.js';
import {
  activityTypes,
  gradeKeys,
  historySources,
  judgementKeys,
} from '../../domain/history/types.js';
import { referenceDir } from '../../paths.js';
import type { UseCaseContext } from '../context.js';
import { syncOutcomeEntries } from '../shared/outcome-intelligence.js';

const BundledEvent = z.object({
  sourceKey: z.string(),
  laId: z.string(),
  activityType: z.enum(activityTypes),
  frameworkId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  publicationDate: z.string().nullable(),
  theme: z.string().nullable(),
  grades: z.partialRecord(z.enum(judgementKeys), z.enum(gradeKeys)),
  source: z.enum(historySources),
});
const BundledFile = z.object({ sources: z.array(z.string()), events: z.array(BundledEvent) });

export async function loadBundledHistory(
  ctx: UseCaseContext,
  file = path.join(referenceDir(), 'inspection-history.json'),
): Promise<number> {
  if (!existsSync(file)) return 0;
  const data = BundledFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const known = await listLaIds(ctx.db);
  const events = data.events.filter((e) => known.has(e.laId));
  await ctx.db.transaction().execute(async (trx) => {
    await insertHistoryEvents(trx, events, { ifAbsent: true });
    // Every outcome held is an intelligence entry of its LA (issue 13); again changes nothing.
    const outcomeEntries = await syncOutcomeEntries(trx, await listAllHistory(trx));
    await writeAudit(trx, ctx.actor, {
      action: 'history.imported',
      entityType: 'inspection_history',
      entityId: 'bundled',
      after: {
        file: path.basename(file),
        events: events.length,
        sources: data.sources,
        outcomeEntries,
      },
    });
  });
  return events.length;
}
