// The research store's cross-inspection matrix (issue 20): 20 framework criteria by 9 regions over
// published inspections on PostgreSQL, through the use case (context of every inspection, the
// kept counts, suppression, the audit event), then one cell opened, then the raw engine baseline:
// the same aggregate as plain SQL, over the kept counts and over the codings. Synthetic data
// written in bulk by SQL: records spread over inspections (1,000 records each), 5 codings per
// record over 25 codes per inspection; the kept counts computed once after the load (it bypasses
// the triggers).
//   npm run bench -- --only research-matrix --n 20 [--sizes 250000,1000000]
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { refreshResearchCounts } from '../src/data/repositories/research-counts.js';
import { systemActor } from '../src/domain/access/actor.js';
import { openResearchCell } from '../src/usecases/research/open-research-cell.js';
import { runResearchQuery } from '../src/usecases/research/run-research-query.js';
import { seed } from './research-matrix-seed.js';
import { time } from './stats.js';
import { openBenchDatabase, sample } from './support.js';

const load = (): string => loadavg()[0]!.toFixed(1);

/** The matrix's aggregate as plain SQL (what psql would be sent), over the kept counts. */
const RAW_KEPT = `
  select l.ofsted_region, c.framework_key, sum(n.refs) as refs, sum(n.records) as records
  from research_code_counts n
  join codes c on c.id = n.code_id
  join activities a on a.id = n.activity_id and a.state = 'published'
  join local_authorities l on l.id = a.la_id
  where c.framework_key like 'bench.k%' and c.source = 'framework'
  group by 1, 2`;

/** The same aggregate over the codings themselves (live evidence by exclusion, as codedCounts). */
const RAW_CODINGS = `
  select l.ofsted_region, c.framework_key, count(*) as refs, count(distinct k.evidence_id) as records
  from codings k
  join codes c on c.id = k.code_id
  join activities a on a.id = k.activity_id and a.state = 'published'
  join local_authorities l on l.id = a.la_id
  where c.framework_key like 'bench.k%' and c.source = 'framework'
    and k.evidence_id not in (select d.id from evidence_records d where d.deleted_at is not null)
  group by 1, 2`;

export async function benchResearchMatrix(opts: {
  n: number;
  sizes: number[];
  adminUrl?: string;
  /** Runs of the plain aggregate over the codings (about a minute each at 1,000,000). */
  directRuns?: number;
}): Promise<string[]> {
  const out = [
    '## Research store: cross-inspection matrix, 20 criteria x 9 regions (PostgreSQL)',
    '',
    '| evidence records | codings | inspections | seed s | counts s | matrix p50 ms | p95 ms | max ms | cell p50 ms | raw kept p50 ms | raw codings p50 ms | RSS MB | load |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const records of opts.sizes) {
    const bench = await openBenchDatabase('postgres', `research_${records}`, opts.adminUrl);
    try {
      const db = bench.database.db;
      await migrateToLatest(db);
      const [seedMs] = await time(() => seed(db, records));
      const [countMs] = await time(() => refreshResearchCounts(db));
      await sql`vacuum analyze research_code_counts`.execute(db);
      console.error(
        `research-matrix: ${records} records seeded in ${(seedMs / 1000).toFixed(0)} s, counted in ${(countMs / 1000).toFixed(0)} s`,
      );
      const loadBefore = load();
      const ctx = { db, actor: systemActor('bench') };
      const rows = Array.from({ length: 20 }, (_, k) => `criterion:bench.k${k}`);
      const query = { kind: 'matrix' as const, rows, dimension: 'region' };
      const s = await sample(opts.n, () => runResearchQuery(ctx, query), { warmUp: 2 });
      const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
      const cell = await sample(
        Math.min(opts.n, 10),
        () => openResearchCell(ctx, { query, row: 0, column: 'London' }),
        { warmUp: 1 },
      );
      const kept = await sample(opts.n, () => sql.raw(RAW_KEPT).execute(db), { warmUp: 2 });
      const direct = await sample(opts.directRuns ?? 3, () => sql.raw(RAW_CODINGS).execute(db), {
        warmUp: 1,
      });
      out.push(
        `| ${records.toLocaleString('en-GB')} | ${(records * 5).toLocaleString('en-GB')} | ${Math.max(9, Math.round(records / 1000))} | ${(seedMs / 1000).toFixed(0)} | ${(countMs / 1000).toFixed(1)} | ${s.p50} | ${s.p95} | ${s.max} | ${cell.p50} | ${kept.p50} | ${direct.p50} (${direct.n} runs) | ${rss} | ${loadBefore} -> ${load()} |`,
      );
      console.error(out.at(-1));
    } finally {
      await bench.cleanup();
    }
  }
  return [...out, ''];
}
