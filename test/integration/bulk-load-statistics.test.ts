// Every bulk load leaves the planner statistics of what it wrote up to date (issue 19): without
// them the first coding query after a 6,000-record import took seconds instead of milliseconds.
// A table has statistics once ANALYZE has run on it: pg_class.reltuples is -1 before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ANNEX_A_TABLES,
  EVIDENCE_BASE_TABLES,
  tablesWithoutStatistics,
} from '../../src/data/repositories/statistics.js';
import { importRefi } from '../../src/usecases/refi/import-refi.js';
import { vendorQdpx, vendorStyles } from '../helpers/refi-vendors.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { importHistory } from '../../src/usecases/history/import-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertLa } from '../helpers/fixtures.js';

const catalog = loadActivityTypeCatalog();
let t: TestDatabase;
let ctx: UseCaseContext;
beforeEach(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: systemActor('test'), catalog };
});
afterEach(async () => t.destroy());

/** When ANALYZE last ran on the table (by hand or by autovacuum), as the engine reports it. */
async function analysedAt(table: string): Promise<Date | null> {
  const r = await sql<{ at: Date | null }>`
    select coalesce(last_analyze, last_autoanalyze) as at from pg_stat_user_tables
    where relname = ${table}`.execute(t.db);
  return r.rows[0]?.at ?? null;
}

/** Rows in every table of the schema. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.relname not like 'kysely_%'`.execute(
    t.db,
  );
  const out: Record<string, number> = {};
  for (const { relname } of tables.rows) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(relname)}`.execute(t.db);
    out[relname] = r.rows[0]!.n;
  }
  return out;
}

describe('planner statistics after bulk loads', () => {
  it('an Annex A import analyses the tables it wrote', async () => {
    await insertLa(t.db, 'stats-la', 'North West');
    const activity = await createActivity(ctx, {
      laId: 'stats-la',
      activityType: 'standard_inspection',
      plannedStart: '2025-07-07',
    });
    expect(await tablesWithoutStatistics(t.db, ['annex_a_rows'])).toEqual([]); // empty: nothing to know
    const bytes = annexAToXlsx(generateAnnexA({ rows: 300, seed: 3, errorRate: 0 }));
    const r = await importAnnexA(ctx, { activityId: activity.id, fileName: 'a.xlsx', bytes });
    expect(r.status).toBe('imported');
    expect(await tablesWithoutStatistics(t.db, ANNEX_A_TABLES)).toEqual([]);
    expect(await analysedAt('annex_a_rows')).not.toBeNull();
    const rel = await sql<{ reltuples: number }>`
      select reltuples::float8 as reltuples from pg_class where relname = 'annex_a_rows'`.execute(
      t.db,
    );
    expect(rel.rows[0]!.reltuples).toBeGreaterThan(0);
  });

  it('a REFI-QDA import analyses the evidence base it wrote', async () => {
    await insertLa(t.db, 'refi-la', 'London');
    expect(await analysedAt('codings')).toBeNull();
    const bytes = vendorQdpx(vendorStyles.find((s) => s.vendor === 'QualCoder 1.3')!);
    const r = await importRefi(ctx, { fileName: 'p.qdpx', bytes, newActivity: {} });
    expect(r.counts.codings).toBeGreaterThan(0);
    expect(await tablesWithoutStatistics(t.db, EVIDENCE_BASE_TABLES)).toEqual([]);
    for (const table of ['evidence_records', 'codings', 'codes'])
      expect(await analysedAt(table), table).not.toBeNull();
  });

  it('a REFI-QDA import into a new activity leaves no table it wrote without statistics', async () => {
    await insertLa(t.db, 'refi-la', 'London');
    const before = await rowCounts();
    const bytes = vendorQdpx(vendorStyles.find((s) => s.vendor === 'QualCoder 1.3')!);
    await importRefi(ctx, { fileName: 'p.qdpx', bytes, newActivity: {} });
    const after = await rowCounts();
    const written = Object.keys(after).filter((table) => after[table]! > (before[table] ?? 0));
    expect(written).toEqual(expect.arrayContaining(['activities', 'evidence_records', 'codings']));
    const missing = await tablesWithoutStatistics(t.db);
    expect(missing.filter((table) => written.includes(table))).toEqual([]);
  });

  it('a history import analyses the events it wrote', async () => {
    await loadLaReference(ctx);
    const file = path.join(import.meta.dirname, '../fixtures/history/ilacs-history.csv');
    await importHistory(ctx, { fileName: 'h.csv', content: readFileSync(file) });
    expect(await tablesWithoutStatistics(t.db, ['inspection_history', 'audit_events'])).toEqual([]);
    expect(await analysedAt('inspection_history')).not.toBeNull();
  });

  it('the demo seed leaves no table that holds rows without statistics', async () => {
    process.env.TRIANGULATE_DEMO_PASSWORD ??= 'demo-password-for-tests-123';
    await seedDemo(t.db, catalog);
    expect(await tablesWithoutStatistics(t.db)).toEqual([]);
    for (const table of ['evidence_records', 'codings', 'annex_a_rows', 'audit_events'])
      expect(await analysedAt(table), table).not.toBeNull();
  }, 120_000);
});
