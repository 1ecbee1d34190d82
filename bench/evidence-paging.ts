// Keyset paging of the evidence list (issue 19): page 1 against page 100 and page 200 of one
// activity's evidence ("All evidence", 25 a page, in day and E-number order), over HTTP, at 1x
// (6,000 records) and 4x (24,000), on PGlite and PostgreSQL. A later page seeks to its token's
// key instead of skipping the rows before it, so it should cost what page 1 costs (page 1 also
// counts the list; later pages carry the count in the token). Beside them, the same page read
// with OFFSET in raw SQL, to show what the seek saves. Figures go in BENCHMARKS.md.
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { encodeSeek } from '../src/domain/paging/seek.js';
import { searchActivityEvidence } from '../src/data/repositories/evidence-search.js';
import { parseTextQuery } from '../src/domain/analysis/text-query.js';
import type { Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, sample, signedInApp, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  /** 1 for 6,000 records, 4 for 24,000. */
  factor: number;
  adminUrl?: string;
}

const PAGE = 25;

export async function benchEvidencePaging(o: Options): Promise<string[]> {
  process.env.TRIANGULATE_DEMO_PASSWORD = 'bench-password-1';
  const title = `## Evidence list paging: ${o.engine}, ${o.factor}x`;
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, `paging${o.factor}`, o.adminUrl);
  } catch (err) {
    return [title, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  try {
    const db = database.db;
    await migrateToLatest(db);
    const catalog = loadActivityTypeCatalog();
    await seedDemo(db, catalog);
    const scale = {
      ...evidenceScale,
      records: evidenceScale.records * o.factor,
      codings: evidenceScale.codings * o.factor,
      cases: evidenceScale.cases * o.factor,
    };
    const syn = await seedSyntheticEvidence(db, scale);
    await sql`analyze`.execute(db);
    const id = syn.activityId;
    const counted = await sql<{ n: number }>`
      select count(*)::int as n from evidence_records
      where activity_id = ${id} and deleted_at is null`.execute(db);
    const total = counted.rows[0]!.n;
    const { app, headers } = await signedInApp(database, catalog, {
      email: 'admin@triangulate.example',
      password: 'bench-password-1',
    });
    const base = `/activities/${id}/evidence?by=none&group=-`;
    /** The token of page `p`: after the last record of page p - 1, as the "next" link holds it. */
    const tokenOf = async (p: number) => {
      const r = await sql<{ observed_on: string; ref_no: number }>`
        select observed_on::text as observed_on, ref_no from evidence_records
        where activity_id = ${id} and deleted_at is null
        order by observed_on, ref_no offset ${(p - 1) * PAGE - 1} limit 1`.execute(db);
      const last = r.rows[0]!;
      return encodeSeek({
        direction: 'after',
        key: [last.observed_on, last.ref_no],
        total,
        start: (p - 1) * PAGE,
      });
    };
    const get = (url: string, expect: string) => async () => {
      const r = await app.inject({ method: 'GET', url, headers });
      if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
      if (!r.body.includes(expect)) throw new Error(`${url} did not say "${expect}"`);
    };
    const count = (n: number) => n.toLocaleString('en-GB');
    const rows: string[] = [];
    for (const p of [1, 100, 200]) {
      const url = p === 1 ? base : `${base}&after=${await tokenOf(p)}`;
      const showing = `Showing ${count((p - 1) * PAGE + 1)} to ${count(p * PAGE)} of ${count(total)}`;
      const s = await sample(o.n, get(url, showing));
      rows.push(`| GET page ${p} (records ${showing.slice(8)}) | ${s.p50} | ${s.p95} | ${s.max} |`);
    }
    for (const p of [1, 100, 200]) {
      const s = await sample(o.n, () =>
        sql`select id from evidence_records where activity_id = ${id} and deleted_at is null
            order by observed_on, ref_no limit ${PAGE} offset ${(p - 1) * PAGE}`.execute(db),
      );
      rows.push(`| raw SQL, OFFSET: page ${p} ids only | ${s.p50} | ${s.p95} | ${s.max} |`);
    }
    rows.push(...(await searchPages(o, db, id, get)));
    await app.close();
    return [
      `${title} (${count(total)} records, ${count(scale.codings)} codings), n=${o.n} sequential requests as an admin`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      ...rows,
      '',
    ];
  } finally {
    await cleanup();
  }
}

const SEARCH = 'plan';
const SEARCH_PAGE = 20;

/**
 * The search page for a common word: page 1 against a middle page and the last page, each reached
 * with the token its "next" link carries; beside them, the same pages read with OFFSET (the query
 * as it was before, through the repository), to show what the seek saves.
 */
async function searchPages(
  o: Options,
  db: Kysely<DB>,
  id: string,
  get: (url: string, expect: string) => () => Promise<void>,
): Promise<string[]> {
  const keys = await sql<{ rank: number; ref_no: number }>`
    select ts_rank_cd(search, plainto_tsquery('english', ${SEARCH}))::float8 as rank, ref_no
    from evidence_records
    where activity_id = ${id} and deleted_at is null
      and search @@ plainto_tsquery('english', ${SEARCH})
    order by rank desc, ref_no`.execute(db);
  const total = keys.rows.length;
  const pages = Math.ceil(total / SEARCH_PAGE);
  const count = (n: number) => n.toLocaleString('en-GB');
  const base = `/activities/${id}/analysis/search?q=${SEARCH}`;
  const rows: string[] = [];
  for (const p of [...new Set([1, Math.ceil(pages / 2), pages])]) {
    const start = (p - 1) * SEARCH_PAGE;
    const last = keys.rows[start - 1];
    const url = last
      ? `${base}&after=${encodeSeek({ direction: 'after', key: [last.rank, last.ref_no], total, start })}`
      : base;
    const showing = `Showing ${count(start + 1)} to ${count(Math.min(total, start + SEARCH_PAGE))} of ${count(total)}`;
    const s = await sample(o.n, get(url, showing));
    rows.push(
      `| GET search "${SEARCH}" page ${p} of ${pages} (hits ${showing.slice(8)}) | ${s.p50} | ${s.p95} | ${s.max} |`,
    );
    const q = parseTextQuery(SEARCH)!;
    const raw = await sample(o.n, () =>
      searchActivityEvidence(db, {
        filter: { activityId: id },
        query: q,
        limit: SEARCH_PAGE + 1,
        offset: start,
        count: true,
      }),
    );
    rows.push(
      `| search query with OFFSET and count (as before): page ${p} | ${raw.p50} | ${raw.p95} | ${raw.max} |`,
    );
  }
  return rows;
}
