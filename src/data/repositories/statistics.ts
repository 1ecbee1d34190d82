// Planner statistics after bulk writes. Without them the planner guesses: a coding query right
// after a 6,000-record import took 17.9 s instead of 0.09 s (issue 19). PostgreSQL's autovacuum
// gets round to it eventually (after a minute or more); the embedded engine has no autovacuum at
// all. So every bulk load refreshes the statistics of the tables it wrote, after its commit, in
// the same job. ANALYZE samples at most 30,000 rows a table, so it stays cheap at any size.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export type TableName = keyof DB & string;

/** What an evidence-base import writes (REFI-QDA, evidence files, the demo's fieldwork). */
export const EVIDENCE_BASE_TABLES = [
  'evidence_records',
  'evidence_versions',
  'codes',
  'codings',
  'cases',
  'memos',
  'lines_of_enquiry',
  'audit_events',
] as const satisfies readonly TableName[];

/**
 * What a REFI-QDA import writes: the evidence base, and the activity it may create (with its
 * team and codebook) and the originals and files it keeps.
 */
export const REFI_IMPORT_TABLES = [
  ...EVIDENCE_BASE_TABLES,
  'activities',
  'activity_state_changes',
  'team_members',
  'refi_original_sets',
  'refi_files',
] as const satisfies readonly TableName[];

/** What an Annex A import writes. */
export const ANNEX_A_TABLES = [
  'annex_a_imports',
  'annex_a_rows',
  'annex_a_settings',
  'audit_events',
] as const satisfies readonly TableName[];

/**
 * Refreshes the planner statistics of these tables (one ANALYZE). Call it after the bulk write
 * has committed, on the database rather than inside the write's transaction, so the statistics
 * describe committed rows and the write's locks are not held any longer.
 */
export async function refreshStatistics(
  db: Kysely<DB>,
  tables: readonly TableName[],
): Promise<void> {
  const names = [...new Set(tables)];
  if (names.length === 0) return;
  await sql`analyze ${sql.join(names.map((t) => sql.table(t)))}`.execute(db);
}

/** Refreshes the statistics of every table (after loads that touch most of them: the demo). */
export async function refreshAllStatistics(db: Kysely<DB>): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * Tables that hold rows but have never had statistics gathered (pg_class.reltuples is -1 until
 * the first ANALYZE or VACUUM), among these tables or, without a list, all of the schema's.
 */
export async function tablesWithoutStatistics(
  db: Kysely<DB>,
  tables?: readonly TableName[],
): Promise<string[]> {
  const r = await sql<{ relname: string }>`
    select c.relname from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0
      and c.relname not like 'kysely_%'
    order by c.relname`.execute(db);
  const wanted = tables ? new Set<string>(tables) : null;
  const out: string[] = [];
  for (const { relname } of r.rows) {
    if (wanted && !wanted.has(relname)) continue;
    const rows = await sql<{ n: number }>`select count(*)::int as n from (select 1 from ${sql.table(
      relname,
    )} limit 1) x`.execute(db);
    if ((rows.rows[0]?.n ?? 0) > 0) out.push(relname);
  }
  return out;
}

/** How many records of each kind an evidence-base import writes are stored, in all activities. */
export type StoredRecordCounts = Record<
  'activities' | 'codes' | 'evidence' | 'memos' | 'auditEvents',
  number
>;

export async function countStoredRecords(db: Kysely<DB>): Promise<StoredRecordCounts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('activities').select(eb.fn.countAll<string>().as('n')).as('activities'),
      eb.selectFrom('codes').select(eb.fn.countAll<string>().as('n')).as('codes'),
      eb.selectFrom('evidence_records').select(eb.fn.countAll<string>().as('n')).as('evidence'),
      eb.selectFrom('memos').select(eb.fn.countAll<string>().as('n')).as('memos'),
      eb.selectFrom('audit_events').select(eb.fn.countAll<string>().as('n')).as('auditEvents'),
    ])
    .executeTakeFirstOrThrow();
  return {
    activities: Number(row.activities),
    codes: Number(row.codes),
    evidence: Number(row.evidence),
    memos: Number(row.memos),
    auditEvents: Number(row.auditEvents),
  };
}
