// The evidence and analysis pages over HTTP on the synthetic activity (bench/synthetic-evidence.ts:
// 6,000 records, 30,000 codings, 250 codes, 400 cases), on PGlite and PostgreSQL: the evidence
// list under the judgement headings, a record's page, search, a three-code coding query, the
// default matrix (the 20 codes in use by method) and the balance views; beside each, the raw SQL
// of its main query in the same engine. No figures are asserted: they go in BENCHMARKS.md.
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, sample, signedInApp, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
}

export async function benchEvidencePages(o: Options): Promise<string[]> {
  process.env.TRIANGULATE_DEMO_PASSWORD = 'bench-password-1';
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'pages', o.adminUrl);
  } catch (err) {
    return [`## Evidence pages (${o.engine})`, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  try {
    const db = database.db;
    await migrateToLatest(db);
    const catalog = loadActivityTypeCatalog();
    await seedDemo(db, catalog);
    const syn = await seedSyntheticEvidence(db, evidenceScale);
    const id = syn.activityId;
    const top = await sql<{ code_id: string }>`
      select code_id from codings where activity_id = ${id}
      group by code_id order by count(*) desc, code_id limit 3`.execute(db);
    const [a, b, c] = top.rows.map((r) => r.code_id);
    const { app, headers } = await signedInApp(database, catalog, {
      email: 'admin@triangulate.example',
      password: 'bench-password-1',
    });
    const get = (p: string) => async () => {
      const r = await app.inject({
        method: 'GET',
        url: p,
        headers,
      });
      if (r.statusCode !== 200) throw new Error(`${p} answered ${r.statusCode}`);
    };
    const base = `/activities/${id}`;
    const pages: Array<[string, string]> = [
      ['evidence list under the judgement headings', `${base}/evidence`],
      ['evidence list by theme (250 codes)', `${base}/evidence?by=theme`],
      ['one record (text, codings, versions)', `${base}/evidence/${syn.evidenceIds[100]}`],
      [
        'search "plan AND (delay OR drift)"',
        `${base}/analysis/search?q=${encodeURIComponent('plan AND (delay OR drift)')}`,
      ],
      [
        'coding query (a OR b) AND NOT c',
        `${base}/analysis/coding-query?c1=${a}&op2=or&c2=${b}&op3=not&c3=${c}`,
      ],
      ['matrix: 20 codes in use by method', `${base}/analysis/matrix`],
      ['balance and bias views', `${base}/analysis/balance`],
    ];
    const rows: string[] = [];
    for (const [label, url] of pages) {
      const s = await sample(o.n, get(url));
      rows.push(`| GET ${label} | ${s.p50} | ${s.p95} | ${s.max} |`);
    }
    const raw = await sample(o.n, () =>
      sql`select a.key, count(*)::int from evidence_records e
          cross join lateral unnest(e.judgement_areas) a(key)
          where e.activity_id = ${id} and e.deleted_at is null group by a.key`.execute(db),
    );
    rows.push(`| raw SQL: records per judgement area | ${raw.p50} | ${raw.p95} | ${raw.max} |`);
    await app.close();
    return [
      `## Evidence pages over HTTP: ${o.engine} (synthetic activity: ${syn.evidenceIds.length} records, ${evidenceScale.codings} codings, ${evidenceScale.codes} codes), n=${o.n} sequential requests as an admin`,
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
