// Synthetic published inspections for the research matrix benchmark, written in bulk by SQL on one
// connection: 153 LAs over the 9 regions, one inspection per 1,000 records, 25 codes per
// inspection (20 framework criteria bench.k0..k19, 5 emergent), 5 codings per record on 5
// different codes. The secondary indexes of the two big tables are dropped during the load and
// rebuilt after it (one sort each instead of millions of random index inserts); triggers and
// foreign-key checks are off for the load, so the caller computes the kept counts afterwards.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';

export const REGIONS = [
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

export async function seed(db: Kysely<DB>, records: number): Promise<void> {
  const activities = Math.max(9, Math.round(records / 1000));
  await db.connection().execute(async (c) => {
    await sql`set session_replication_role = replica`.execute(c);
    await sql`set maintenance_work_mem = '256MB'`.execute(c);
    // Indexes that back no constraint (constraints' indexes stay: the keys are checked).
    const indexes = await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in ('evidence_records', 'codings')
        and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`.execute(c);
    for (const i of indexes.rows) await sql`drop index ${sql.id(i.name)}`.execute(c);
    await sql`insert into local_authorities (id, name, gss_code, ofsted_region, population_0_17)
      select 'la' || i, 'Authority ' || i, 'E9' || lpad(i::text, 7, '0'), (${sql.val(REGIONS)}::text[])[1 + i % 9], 20000 + i * 1000
      from generate_series(1, 153) i`.execute(c);
    await sql`insert into activities (id, la_id, activity_type, framework_id, state, title)
      select md5('act' || a)::uuid, 'la' || (1 + a % 153), 'standard_inspection', 'ilacs-2023', 'published', 'Inspection ' || a
      from generate_series(0, ${activities - 1}) a`.execute(c);
    await sql`insert into codes (id, activity_id, name, source, framework_key, created_by_label)
      select md5('code' || a || '-' || k)::uuid, md5('act' || a)::uuid, 'Code ' || k,
        case when k < 20 then 'framework' else 'emergent' end,
        case when k < 20 then 'bench.k' || k else null end, 'bench'
      from generate_series(0, ${activities - 1}) a, generate_series(0, 24) k`.execute(c);
    await sql`insert into evidence_records (id, activity_id, ref_no, text, method, observed_on, recorded_by_label, updated_by_label)
      select md5('ev' || i)::uuid, md5('act' || (i % ${activities}))::uuid, i / ${activities} + 1,
        'Supervision was regular and reflective; the plan changed.', 'case_file_reading', '2025-06-03', 'bench', 'bench'
      from generate_series(0, ${records - 1}) i`.execute(c);
    await sql`insert into codings (activity_id, evidence_id, evidence_version, code_id, start_pos, end_pos, span_text, coder_label)
      select md5('act' || (i % ${activities}))::uuid, md5('ev' || i)::uuid, 1,
        md5('code' || (i % ${activities}) || '-' || ((i + j * 5) % 25))::uuid, 0, 11, 'Supervision', 'bench'
      from generate_series(0, ${records - 1}) i, generate_series(0, 4) j`.execute(c);
    for (const i of indexes.rows) await sql.raw(i.def).execute(c);
    await sql`set session_replication_role = origin`.execute(c);
  });
  // Vacuumed as autovacuum leaves a settled database (index-only reads need the visibility map).
  await sql`vacuum analyze`.execute(db);
}
