import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { migrateToLatest } from '../../src/data/migrate.js';
import { migrations } from '../../src/data/migrations/index.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.destroy());

describe('database', () => {
  it('migrating again changes nothing', async () => {
    const r = await migrateToLatest(t.db);
    expect(r.applied).toEqual([]);
  });

  it('a failing migration leaves the database exactly as it was', async () => {
    const before = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(
      t.db,
    );
    const failing = {
      ...migrations,
      '2099-01-01T0000_good': {
        up: async (db: typeof t.db) =>
          void (await sql`create table should_vanish (id int)`.execute(db)),
      },
      '2099-01-02T0000_bad': {
        up: async (db: typeof t.db) => void (await sql`select * from no_such_table`.execute(db)),
      },
    };
    await expect(migrateToLatest(t.db, failing as never)).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
    });
    const exists = await sql<{
      t: string | null;
    }>`select to_regclass('should_vanish')::text as t`.execute(t.db);
    expect(exists.rows[0]?.t).toBeNull();
    const after = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(
      t.db,
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('returns the same JavaScript types on both engines', async () => {
    const r = await sql<{ n: number; d: string; ts: Date; big: number }>`
      select 1::int as n, date '2026-01-02' as d, now() as ts, 9007199254740::bigint as big`.execute(
      t.db,
    );
    expect(r.rows[0]).toMatchObject({ n: 1, d: '2026-01-02', big: 9007199254740 });
    expect(r.rows[0]?.ts).toBeInstanceOf(Date);
  });

  it('keeps answering HTTP while a long query runs', async () => {
    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database: t,
      catalog: loadActivityTypeCatalog(),
    });
    try {
      let queryDone = false;
      const long = sql`select pg_sleep(1.5)`.execute(t.db).then(() => (queryDone = true));
      await new Promise((r) => setTimeout(r, 100));
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      // The answer came while the query was still running: the event loop was never blocked.
      expect(queryDone).toBe(false);
      await long;
    } finally {
      await app.close();
    }
  });
});

describe.runIf(testEngine() === 'pglite')('embedded data folder', () => {
  it('refuses a second opener while the folder is in use, and persists data across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tri-test-'));
    try {
      const first = await openDatabase({ databaseUrl: undefined, dataDir: dir });
      await migrateToLatest(first.db);
      await sql`insert into app_meta (key, value) values ('k', '"v"')`.execute(first.db);
      await expect(openDatabase({ databaseUrl: undefined, dataDir: dir })).rejects.toMatchObject({
        code: 'DATA_DIR_LOCKED',
      });
      await first.close();
      const second = await openDatabase({ databaseUrl: undefined, dataDir: dir });
      const row = await second.db
        .selectFrom('app_meta')
        .select('value')
        .where('key', '=', 'k')
        .executeTakeFirst();
      expect(row?.value).toBe('v');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
