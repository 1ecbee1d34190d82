// `npm run schema:generate`: migrates a fresh in-memory database and writes what it holds to
// src/data/schema/generated.ts (run after adding a migration; the build comes first, as for
// `npm run conformance`). Then `npm run typecheck` says where the DB type in src/data/schema.ts
// and src/data/schema/* no longer matches.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../dist/src/data/database.js';
import { migrateToLatest } from '../dist/src/data/migrate.js';
import { readSchemaCatalog, renderSchemaTypes } from '../dist/src/data/schema-catalog.js';

const target = path.join(import.meta.dirname, '../src/data/schema/generated.ts');
const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
try {
  await migrateToLatest(database.db);
  const columns = await readSchemaCatalog(database.db);
  writeFileSync(target, renderSchemaTypes(columns));
  console.log(
    `Wrote ${path.relative(process.cwd(), target)}: ${new Set(columns.map((c) => c.table)).size} tables, ${columns.length} columns.`,
  );
} finally {
  await database.close();
}
