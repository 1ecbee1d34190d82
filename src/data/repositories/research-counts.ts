// The research store's counts of codings and distinct evidence records per query row and column
// (the activity's context value). The matrix reads them from research_code_counts, one row per
// code of a published inspection kept exact by triggers (migration
// 2026-12-07T1400_research_code_counts), instead of aggregating millions of codings (issue 20's
// benchmark: 5,000,000). codedCounts is the same answer counted from the codings themselves: the
// reference the kept counts are tested against, and the benchmark's baseline.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { jsonRows } from './analysis-filters.js';
import { rowCodes, type StoreCount, type StoreRow } from './research.js';

type Columns = Array<{ a: string; col: string }>;

/**
 * Per row and column, from the kept counts. Distinct records add up across inspections (a record
 * belongs to one), and within one when a row has a single code there. Where a row stands for
 * several codes with codings in the same inspection (a theme mapping two criteria; a code merged
 * into another), a record coded with both must count once: those inspections' records are counted
 * from their codings, so the answer is exactly codedCounts'.
 */
export async function storeCounts(
  db: Kysely<DB>,
  rows: StoreRow[],
  activityColumns: Columns,
): Promise<StoreCount[]> {
  if (rows.length === 0 || activityColumns.length === 0) return [];
  const r = await db
    .with('rc', () => rowCodes(rows, jsonRows(activityColumns)))
    .with('per', (qb) =>
      qb
        .selectFrom('rc')
        .innerJoin('research_code_counts as n', 'n.code_id', 'rc.code_id')
        .where('n.refs', '>', 0)
        .groupBy(['rc.r', 'rc.col', 'rc.activity_id'])
        .select((eb) => [
          'rc.r',
          'rc.col',
          'rc.activity_id',
          eb.fn.sum<number>('n.refs').as('refs'),
          eb.fn.sum<number>('n.records').as('records'),
          eb.fn.countAll<number>().as('codes'),
        ]),
    )
    .selectFrom('per')
    .groupBy(['per.r', 'per.col'])
    .select((eb) => [
      'per.r',
      'per.col',
      eb.cast<number>(eb.fn.sum('per.refs'), 'integer').as('refs'),
      eb
        .cast<number>(
          eb.fn.sum(
            eb
              .case()
              .when('per.codes', '=', 1)
              .then(eb.ref('per.records'))
              .else(
                eb
                  .selectFrom('rc as x')
                  .innerJoin('codings as k', (j) =>
                    j
                      .onRef('k.activity_id', '=', 'x.activity_id')
                      .onRef('k.code_id', '=', 'x.code_id'),
                  )
                  .whereRef('x.r', '=', 'per.r')
                  .whereRef('x.activity_id', '=', 'per.activity_id')
                  .where('k.evidence_id', 'not in', deletedRecords(db))
                  .select((s) => s.fn.count<number>('k.evidence_id').distinct().as('n')),
              )
              .end(),
          ),
          'integer',
        )
        .as('records'),
    ])
    .execute();
  return r.map((x) => ({ row: x.r, column: x.col, references: x.refs, records: x.records }));
}

/** The (few) deleted evidence records, hashed once by the planner. */
function deletedRecords(db: Kysely<DB>) {
  return db
    .selectFrom('evidence_records as d')
    .select('d.id')
    .where('d.deleted_at', 'is not', null);
}

/**
 * The same counts aggregated from the codings. Live evidence is "not among the deleted records"
 * (a small set, hashed once), not a join to every record: the join cost one index probe per
 * coding.
 */
export async function codedCounts(
  db: Kysely<DB>,
  rows: StoreRow[],
  activityColumns: Columns,
): Promise<StoreCount[]> {
  if (rows.length === 0 || activityColumns.length === 0) return [];
  const r = await db
    .with('rc', () => rowCodes(rows, jsonRows(activityColumns)))
    .selectFrom('rc')
    .innerJoin('codings as k', (j) =>
      j.onRef('k.activity_id', '=', 'rc.activity_id').onRef('k.code_id', '=', 'rc.code_id'),
    )
    .where('k.evidence_id', 'not in', deletedRecords(db))
    .groupBy(['rc.r', 'rc.col'])
    .select((eb) => [
      'rc.r',
      'rc.col',
      eb.cast<number>(eb.fn.countAll(), 'integer').as('refs'),
      eb.cast<number>(eb.fn.count('k.evidence_id').distinct(), 'integer').as('records'),
    ])
    .execute();
  return r.map((x) => ({ row: x.r, column: x.col, references: x.refs, records: x.records }));
}

/**
 * Recomputes every published inspection's kept counts from its codings: for data written with
 * the triggers off (the benchmark's bulk load), or to check them. The triggers keep them otherwise.
 */
export async function refreshResearchCounts(db: Kysely<DB>): Promise<void> {
  await sql`select research_counts_compute(array(
    select id from activities where state = 'published'))`.execute(db);
}

/** The kept counts as stored (tests compare them with a recomputation). */
export async function keptCodeCounts(
  db: Kysely<DB>,
): Promise<Array<{ codeId: string; activityId: string; refs: number; records: number }>> {
  const r = await db
    .selectFrom('research_code_counts')
    .select(['code_id', 'activity_id', 'refs', 'records'])
    .where('refs', '>', 0)
    .orderBy('code_id')
    .execute();
  return r.map((x) => ({
    codeId: x.code_id,
    activityId: x.activity_id,
    refs: x.refs,
    records: x.records,
  }));
}
