// A fresh, migrated database per test file: in-memory PGlite, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/data/database.js';
import { migrateToLatest } from '../../src/data/migrate.js';
import { readTemplate } from './pglite-template.js';

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) and closes connections. */
  destroy(): Promise<void>;
}

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TRIANGULATE_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (testEngine() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres test engine');
    const name = `triangulate_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      destroy: async () => {
        await database.close();
        await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const template = migrate ? readTemplate() : undefined;
  const database = await openDatabase(
    { databaseUrl: undefined, dataDir: '' },
    { inMemory: true, ...(template ? { restoreFrom: template } : {}) },
  );
  if (migrate) await migrateToLatest(database.db);
  return { ...database, destroy: () => database.close() };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
