// The research store's cross-inspection matrix (issue 20): 20 framework criteria by 9 regions over
// published inspections on PostgreSQL, through the use case (context of every inspection, the
// grouped count, suppression, the audit event). Synthetic data written in bulk by SQL: records
// spread over inspections (1,000 records each), 5 codings per record over 25 codes per inspection.
//   npm run bench -- --only research-matrix --n 20 [--sizes 100000,1000000]
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { systemActor } from '../src/domain/access/actor.js';
import { runResearchQuery } from '../src/usecases/research/run-research-query.js';
import { time } from './stats.js';
import { openBenchDatabase, sample } from './support.js';

const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];

type Db = Awaited<ReturnType<typeof openBenchDatabase>>['database']['db'];

export async function seed(db: Db, records: number): Promise<void> {
  const activities = Math.max(9, Math.round(records / 1000));
  // Bulk load: triggers and foreign-key checks off for this session only.
  await sql`set session_replication_role = replica`.execute(db);
  await sql`insert into local_authorities (id, name, gss_code, ofsted_region, population_0_17)
    select 'la' || i, 'Authority ' || i, 'E9' || lpad(i::text, 7, '0'), (${sql.val(REGIONS)}::text[])[1 + i % 9], 20000 + i * 1000
    from generate_series(1, 153) i`.execute(db);
  await sql`insert into activities (id, la_id, activity_type, framework_id, state, title)
    select md5('act' || a)::uuid, 'la' || (1 + a % 153), 'standard_inspection', 'ilacs-2023', 'published', 'Inspection ' || a
    from generate_series(0, ${activities - 1}) a`.execute(db);
  await sql`insert into codes (id, activity_id, name, source, framework_key, created_by_label)
    select md5('code' || a || '-' || k)::uuid, md5('act' || a)::uuid, 'Code ' || k,
      case when k < 20 then 'framework' else 'emergent' end,
      case when k < 20 then 'bench.k' || k else null end, 'bench'
    from generate_series(0, ${activities - 1}) a, generate_series(0, 24) k`.execute(db);
  await sql`insert into evidence_records (id, activity_id, ref_no, text, method, observed_on, recorded_by_label, updated_by_label)
    select md5('ev' || i)::uuid, md5('act' || (i % ${activities}))::uuid, i / ${activities} + 1,
      'Supervision was regular and reflective; the plan changed.', 'case_file_reading', '2025-06-03', 'bench', 'bench'
    from generate_series(0, ${records - 1}) i`.execute(db);
  await sql`insert into codings (activity_id, evidence_id, evidence_version, code_id, start_pos, end_pos, span_text, coder_label)
    select md5('act' || (i % ${activities}))::uuid, md5('ev' || i)::uuid, 1,
      md5('code' || (i % ${activities}) || '-' || ((i + j * 5) % 25))::uuid, 0, 11, 'Supervision', 'bench'
    from generate_series(0, ${records - 1}) i, generate_series(0, 4) j`.execute(db);
  await sql`set session_replication_role = origin`.execute(db);
  // Vacuumed as autovacuum leaves a settled database (index-only reads need the visibility map).
  await sql`vacuum analyze`.execute(db);
}

export async function benchResearchMatrix(opts: {
  n: number;
  sizes: number[];
  adminUrl?: string;
}): Promise<string[]> {
  const out = [
    '## Research store: cross-inspection matrix, 20 criteria x 9 regions (PostgreSQL)',
    '',
    '| evidence records | codings | inspections | seed s | p50 ms | p95 ms | max ms | RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const records of opts.sizes) {
    const bench = await openBenchDatabase('postgres', `research_${records}`, opts.adminUrl);
    try {
      const db = bench.database.db;
      await migrateToLatest(db);
      const [seedMs] = await time(() => seed(db, records));
      console.error(
        `research-matrix: ${records} records seeded in ${(seedMs / 1000).toFixed(0)} s`,
      );
      const ctx = { db, actor: systemActor('bench') };
      const rows = Array.from({ length: 20 }, (_, k) => `criterion:bench.k${k}`);
      const s = await sample(
        opts.n,
        () => runResearchQuery(ctx, { kind: 'matrix', rows, dimension: 'region' }),
        { warmUp: 2 },
      );
      const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
      out.push(
        `| ${records.toLocaleString('en-GB')} | ${(records * 5).toLocaleString('en-GB')} | ${Math.max(9, Math.round(records / 1000))} | ${(seedMs / 1000).toFixed(0)} | ${s.p50} | ${s.p95} | ${s.max} | ${rss} |`,
      );
    } finally {
      await bench.cleanup();
    }
  }
  return [...out, ''];
}
