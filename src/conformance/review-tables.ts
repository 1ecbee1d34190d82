// The 2019 review's Tables 1, 2, 3, 4 and 7 recomputed from Ofsted's real files (read at run time
// from ../shared/reference/ofsted, loaded as the app loads them) and printed beside the figures the
// review published (reference/review-2019-tables.json, with their paragraphs), each difference
// explained. It reports; it fails only when a file cannot be read or parsed, or a table cannot be
// computed at all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import { systemActor } from '../domain/access/actor.js';
import {
  compareWithPublished,
  PublishedTables,
  type RecomputedSet,
} from '../domain/review-tables/published.js';
import { referenceDir as ownReferenceDir } from '../paths.js';
import { computeReviewTables } from '../usecases/history/compute-review-tables.js';
import { importHistory } from '../usecases/history/import-history.js';
import { loadLaReference } from '../usecases/las/load-la-reference.js';
import type { UseCaseContext } from '../usecases/context.js';
import { HISTORY_FILES } from './history.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

export const checkReviewTables: ConformanceCheck = async (referenceDir) => {
  const result: ConformanceResult = {
    name: 'review tables (2019 ILACS review, Tables 1, 2, 3, 4 and 7)',
    passed: true,
    summary: [],
    failures: [],
  };
  const fail = (msg: string) => {
    result.passed = false;
    result.failures.push(msg);
  };
  let published: PublishedTables;
  try {
    const raw = await readFile(path.join(ownReferenceDir(), 'review-2019-tables.json'), 'utf8');
    published = PublishedTables.parse(JSON.parse(raw));
  } catch (err) {
    fail(`reference/review-2019-tables.json: ${err instanceof Error ? err.message : String(err)}`);
    return result;
  }
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
  try {
    await migrateToLatest(database.db);
    const ctx: UseCaseContext = { db: database.db, actor: systemActor('conformance') };
    await loadLaReference(ctx);
    for (const rel of HISTORY_FILES) {
      const r = await importHistory(ctx, {
        fileName: path.basename(rel),
        content: await readFile(path.join(referenceDir, rel)),
        skipInvalid: true,
      }).catch((err: unknown) => {
        throw new Error(`${rel}: ${err instanceof Error ? err.message : String(err)}`);
      });
      const kept = r.inserted + r.updated + r.unchanged;
      result.summary.push(`read ${rel}: ${r.rows} rows [${r.format}], ${kept} kept`);
      if (kept === 0) fail(`${rel}: no row could be read`);
    }
    const set: RecomputedSet = {
      calendar: await computeReviewTables(ctx, { source: 'history', yearStartMonth: 1 }),
      academic: await computeReviewTables(ctx, { source: 'history', yearStartMonth: 9 }),
      april: await computeReviewTables(ctx, { source: 'history', yearStartMonth: 4 }),
    };
    if (set.calendar.table1.length === 0 || set.calendar.table2.length === 0)
      fail('the history gave no rows for Tables 1 and 2');
    for (const s of compareWithPublished(published, set)) {
      result.summary.push(`${s.table} (§${s.paragraph}): published | recomputed from the MI`);
      for (const l of s.lines) result.summary.push(`  ${l.item}: ${l.published} | ${l.recomputed}`);
      for (const d of s.differences) result.summary.push(`  Why: ${d}`);
    }
  } catch (err) {
    fail(`could not recompute: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await database.close();
  }
  return result;
};
