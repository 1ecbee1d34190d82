// Annex A data profile speed and memory: a seeded synthetic 150,000-row Annex A is imported into a
// fresh database (not timed), then the profile is computed from the stored rows (read 10,000 at a
// time per list and folded into the indicators) and the page's use case is timed again with the
// profile cached. Wall time, CPU time and peak RSS (the PGlite worker thread included).
//   npm run bench -- --only annex-a-profile [--rows 150000]
import { migrateToLatest } from '../src/data/migrate.js';
import { annexAToXlsx, generateAnnexA } from '../src/synthetic/annex-a.js';
import {
  computeProfile,
  getAnnexAProfile,
} from '../src/usecases/annex-a-profile/get-annex-a-profile.js';
import { importAnnexA } from '../src/usecases/annex-a/import-annex-a.js';
import {
  openBenchDatabase,
  type BenchDatabase,
  benchInspection,
  measure,
  type Measured,
} from './support.js';

async function benchEngine(
  engine: 'pglite' | 'postgres',
  adminUrl: string,
  bytes: Uint8Array,
): Promise<string[]> {
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(engine, 'profile', adminUrl);
  } catch (err) {
    return [`| ${engine} | not run (${(err as Error).message}) | | | |`];
  }
  const { database, cleanup } = opened;
  try {
    await migrateToLatest(database.db);
    const { ctx, activityId } = await benchInspection(database);
    const imported = await importAnnexA(ctx, {
      activityId: activityId,
      fileName: 'annex-a.xlsx',
      bytes,
      acceptFlagged: true,
    });
    const importId = imported.importId ?? '';
    const compute = await measure(() =>
      computeProfile(database.db, importId, imported.referenceDate ?? '2025-07-07', 261392),
    );
    const page = await measure(() => getAnnexAProfile(ctx, activityId));
    const row = (label: string, m: Measured<unknown>) =>
      `| ${engine}: ${label} | ${(m.ms / 1000).toFixed(2)} s | ${(m.cpuMs / 1000).toFixed(2)} s | ${Math.round(m.peakRssMb)} MiB | ${Math.round(m.startRssMb)} MiB |`;
    return [
      row(
        `compute the profile from ${imported.totals.rows.toLocaleString('en-GB')} stored rows`,
        compute,
      ),
      row('the page’s use case again (profile cached; benchmarks, candidates)', page),
    ];
  } finally {
    await cleanup();
  }
}

export async function benchAnnexAProfile(
  options: { rows?: number; adminUrl?: string } = {},
): Promise<string[]> {
  const rows = options.rows ?? 150_000;
  const adminUrl = options.adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const bytes = annexAToXlsx(generateAnnexA({ rows, seed: 2026, mess: 0.3, errorRate: 0.002 }));
  const lines = [
    `## Annex A data profile (${rows.toLocaleString('en-GB')} rows, seed 2026)`,
    '',
    '| step | wall time | CPU time | peak RSS | RSS at start |',
    '|---|---|---|---|---|',
    ...(await benchEngine('pglite', adminUrl, bytes)),
    ...(await benchEngine('postgres', adminUrl, bytes)),
    '',
  ];
  return lines;
}
