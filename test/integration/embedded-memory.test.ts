// The embedded engine's memory settings (issue 19): small PostgreSQL buffers, a limited nursery on
// the database thread, and a report of where the thread's memory is. Limits must never change
// what a query returns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('embedded engine memory', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tri-memory-'));
    database = await openDatabase({ databaseUrl: undefined, dataDir: path.join(dir, 'data') });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a data folder with the small buffers and sort memory', async () => {
    const r = await sql<{ name: string; setting: string; unit: string | null }>`
      select name, setting, unit from pg_settings
      where name in ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'temp_buffers')
      order by name`.execute(database.db);
    const kb = (x: { setting: string; unit: string | null }) =>
      Number(x.setting) * (x.unit === '8kB' ? 8 : 1);
    expect(Object.fromEntries(r.rows.map((x) => [x.name, kb(x)]))).toEqual({
      maintenance_work_mem: 16 * 1024,
      shared_buffers: 32 * 1024,
      temp_buffers: 4 * 1024,
      work_mem: 4 * 1024,
    });
  });

  it('returns a result far larger than the database thread’s nursery whole and unchanged', async () => {
    // About 40 MB of rows through a thread whose young generation is 8 MB.
    const rows = await sql<{ n: number; t: string }>`
      select n, repeat(md5(n::text), 4) || n as t from generate_series(1, 150000) as n`.execute(
      database.db,
    );
    expect(rows.rows).toHaveLength(150_000);
    let sum = 0;
    let chars = 0;
    for (const [i, r] of rows.rows.entries()) {
      expect(r.n).toBe(i + 1);
      sum += r.n;
      chars += r.t.length;
    }
    const check = await sql<{ sum: string; chars: string }>`
      select sum(n)::text as sum, sum(length(repeat(md5(n::text), 4) || n))::text as chars
      from generate_series(1, 150000) as n`.execute(database.db);
    expect(String(sum)).toBe(check.rows[0]!.sum);
    expect(String(chars)).toBe(check.rows[0]!.chars);
    expect(rows.rows[149_999]!.t.endsWith('150000')).toBe(true);
  }, 120_000);

  it('restores a backup into a new folder (created with the same settings) intact', async () => {
    await sql`create table kept (n int, t text)`.execute(database.db);
    await sql`insert into kept select n, md5(n::text) from generate_series(1, 1000) n`.execute(
      database.db,
    );
    const dump = await database.dumpEmbedded!();
    const restored = await openDatabase(
      { databaseUrl: undefined, dataDir: path.join(dir, 'restored') },
      { restoreFrom: dump },
    );
    try {
      const r = await sql<{ n: number; t: string }>`
        select count(*)::int as n, string_agg(t, '' order by n) as t from kept`.execute(
        restored.db,
      );
      const o = await sql<{ n: number; t: string }>`
        select count(*)::int as n, string_agg(t, '' order by n) as t from kept`.execute(
        database.db,
      );
      expect(r.rows[0]).toEqual(o.rows[0]);
      const sb = await sql<{ s: string }>`select current_setting('shared_buffers') as s`.execute(
        restored.db,
      );
      expect(sb.rows[0]!.s).toBe('32MB');
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('reports the database thread’s WebAssembly memory and heap', async () => {
    const m = await database.embeddedMemory!();
    expect(m.wasm).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    expect(m.heapTotal).toBeGreaterThan(0);
    expect(m.heapUsed).toBeGreaterThan(0);
    expect(m.heapUsed).toBeLessThanOrEqual(m.heapTotal);
  });
});
