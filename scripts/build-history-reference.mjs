// Builds reference/inspection-history.json: every LA's published inspection history, merged from
// Ofsted's management information and the scraped report history in ../shared/reference/ofsted,
// through the project's own importer (the same source keys and merge rules as
// `triangulate history import`). The demo loads it; re-importing the real files later changes
// nothing. Run after `npm run build`:  node scripts/build-history-reference.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(
  process.env.TRIANGULATE_REFERENCE_DIR ?? path.join(root, '..', 'shared', 'reference'),
);
const dist = (p) => path.join(root, 'dist', 'src', p);
const { openDatabase } = await import(dist('data/database.js'));
const { migrateToLatest } = await import(dist('data/migrate.js'));
const { systemActor } = await import(dist('domain/access/actor.js'));
const { loadLaReference } = await import(dist('usecases/las/load-la-reference.js'));
const { importHistory } = await import(dist('usecases/history/import-history.js'));

const files = [
  'ofsted/ofsted_ilacs_inspection_history_2018-2025.csv',
  'ofsted/ofsted_la_inspection_outcomes_as_at_2025-03-31_latest.csv',
  'ofsted/ofsted_la_inyear_inspections_2024-25.csv',
  'ofsted/d2i-scrape_JT-39_ofsted_csc_ilacs_history.csv',
  'ofsted/sif_judgements_extracted.csv',
];

const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
try {
  await migrateToLatest(database.db);
  const ctx = { db: database.db, actor: systemActor('build-history-reference') };
  await loadLaReference(ctx);
  for (const f of files) {
    const r = await importHistory(ctx, {
      fileName: path.basename(f),
      content: readFileSync(path.join(shared, f)),
      skipInvalid: true,
    });
    process.stderr.write(
      `${f}: ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected\n`,
    );
  }
  const rows = await database.db
    .selectFrom('inspection_history')
    .selectAll()
    .orderBy('la_id')
    .orderBy('start_date')
    .orderBy('source_key')
    .execute();
  const events = rows.map((r) => ({
    sourceKey: r.source_key,
    laId: r.la_id,
    activityType: r.activity_type,
    frameworkId: r.framework_id,
    startDate: r.start_date,
    endDate: r.end_date,
    publicationDate: r.publication_date,
    theme: r.theme,
    grades: r.grades,
    source: r.source,
  }));
  const out = {
    sources: [
      'Ofsted, Local authority children’s services inspection outcomes: ILACS history 2018-2025, outcomes as at 31 March 2025, in-year inspections and visits 2024-25 (Open Government Licence v3.0)',
      'ofsted-ilacs-scrape-tool report history (MIT), grades extracted from published reports',
      'SIF judgements extracted from published SIF reports (Ofsted, Open Government Licence v3.0)',
    ],
    note: 'Facts (dates, types, grades) merged by scripts/build-history-reference.mjs through the project importer.',
    events,
  };
  writeFileSync(
    path.join(root, 'reference', 'inspection-history.json'),
    `${JSON.stringify(out, null, 1)}\n`,
  );
  process.stderr.write(`wrote ${events.length} events\n`);
} finally {
  await database.close();
}
