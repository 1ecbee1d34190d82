// Creating an embedded database runs initdb, which costs seconds. The integration suite builds one
// migrated database once, keeps it as a tarball, and every test file starts from a copy of it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/data/database.js';
import { migrateToLatest } from '../../src/data/migrate.js';
import { migrations } from '../../src/data/migrations/index.js';
import { projectRoot } from '../../src/paths.js';

export function templatePath(): string {
  const key = createHash('sha256')
    .update(Object.keys(migrations).join('\n'))
    .update(readFileSync(path.join(projectRoot(), 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);
  return path.join(
    projectRoot(),
    'node_modules',
    '.cache',
    'triangulate-test',
    `template-${key}.tar.gz`,
  );
}

export async function buildTemplate(): Promise<void> {
  const file = templatePath();
  if (existsSync(file)) return;
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
  try {
    await migrateToLatest(database.db);
    const dump = await database.dumpEmbedded!();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, dump);
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.tmp`, file);
  } finally {
    await database.close();
  }
}

export function readTemplate(): Uint8Array | undefined {
  const file = templatePath();
  return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
}
