// Annex A rows as stored: inserted in large batches through json_to_recordset (one parameter per
// batch), which is fast on both PGlite and PostgreSQL; read back per list for the profile and
// sampling. The imports they belong to are in annex-a.ts.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

/** One stored row, as the profile and sampling features read it. */
export interface AnnexARow {
  list: number;
  row: number;
  childRef: string | null;
  data: Record<string, string | number | boolean | null>;
  extra: Record<string, string> | null;
  flags: { field: string | null; rule: string; severity: 'error' | 'query' }[];
  severity: 'error' | 'query' | null;
}

export interface NewAnnexARow {
  list: number;
  row: number;
  childRef: string | null;
  data: Record<string, unknown>;
  extra: Record<string, string> | null;
  flags: { field: string | null; rule: string; severity: 'error' | 'query' }[];
}

type Db = Kysely<DB> | Transaction<DB>;

/** Rows per list of one import. */
export async function countAnnexARowsOfImport(
  db: Db,
  importId: string,
): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('annex_a_rows')
    .select(['list_no', sql<string>`count(*)`.as('n')])
    .where('import_id', '=', importId)
    .groupBy('list_no')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.list_no, Number(r.n)]));
}

/** Copies the rows of some lists from one import to another (lists a newer file does not hold). */
export async function carryOverAnnexARows(
  trx: Transaction<DB>,
  fromImportId: string,
  toImportId: string,
  lists: number[],
): Promise<number> {
  if (lists.length === 0) return 0;
  const r = await sql`
    insert into annex_a_rows (import_id, activity_id, list_no, row_no, child_ref, data, extra, flags, severity)
    select ${toImportId}::uuid, activity_id, list_no, row_no, child_ref, data, extra, flags, severity
    from annex_a_rows where import_id = ${fromImportId}::uuid and list_no in (${sql.join(lists)})
  `.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Copies up to `limit` rows of one list from one import to another, those after row `afterRow`
 * in file order; returns the last row number copied, or null when none was left.
 */
export async function carryOverAnnexARowsBatch(
  db: Db,
  fromImportId: string,
  toImportId: string,
  list: number,
  afterRow: number,
  limit: number,
): Promise<number | null> {
  const r = await sql<{ last: number | null }>`
    with moved as (
      insert into annex_a_rows (import_id, activity_id, list_no, row_no, child_ref, data, extra, flags, severity)
      select ${toImportId}::uuid, activity_id, list_no, row_no, child_ref, data, extra, flags, severity
      from annex_a_rows
      where import_id = ${fromImportId}::uuid and list_no = ${list} and row_no > ${afterRow}
      order by row_no
      limit ${limit}
      returning row_no
    )
    select max(row_no) as last from moved
  `.execute(db);
  const last = r.rows[0]?.last;
  return last === null || last === undefined ? null : Number(last);
}

/** Deletes up to `limit` rows of an import (superseded, or staged and abandoned); how many. */
export async function deleteAnnexARowsBatch(
  db: Db,
  importId: string,
  limit: number,
): Promise<number> {
  const r = await sql`
    delete from annex_a_rows where ctid in (
      select ctid from annex_a_rows where import_id = ${importId}::uuid limit ${limit}
    )
  `.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Deletes an import's rows (once superseded); returns how many. */
export async function deleteAnnexAImportRows(
  trx: Transaction<DB>,
  importId: string,
): Promise<number> {
  const deleted = await trx
    .deleteFrom('annex_a_rows')
    .where('import_id', '=', importId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

/** Inserts rows in batches; calls onBatch after each with the number inserted so far. */
export async function insertAnnexARows(
  trx: Db,
  importId: string,
  activityId: string,
  rows: NewAnnexARow[],
  onBatch?: (done: number) => void,
  batchSize = 2000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((r) => ({
      l: r.list,
      r: r.row,
      c: r.childRef,
      d: r.data,
      e: r.extra,
      f: r.flags.length > 0 ? r.flags : null,
      s: r.flags.some((f) => f.severity === 'error')
        ? 'error'
        : r.flags.length > 0
          ? 'query'
          : null,
    }));
    await sql`
      insert into annex_a_rows (import_id, activity_id, list_no, row_no, child_ref, data, extra, flags, severity)
      select ${importId}::uuid, ${activityId}::uuid, x.l, x.r, x.c, x.d, x.e, x.f, x.s
      from json_to_recordset(${JSON.stringify(batch)}::json)
        as x(l smallint, r integer, c text, d jsonb, e jsonb, f jsonb, s text)
    `.execute(trx);
    onBatch?.(Math.min(rows.length, i + batchSize));
  }
}

/** Replaces the flags of rows already inserted (cross-row checks run after the last batch). */
export async function updateAnnexARowFlags(
  trx: Transaction<DB>,
  importId: string,
  rows: Pick<NewAnnexARow, 'list' | 'row' | 'flags'>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000).map((r) => ({
      l: r.list,
      r: r.row,
      f: r.flags,
      s: r.flags.some((f) => f.severity === 'error') ? 'error' : 'query',
    }));
    await sql`
      update annex_a_rows a set flags = x.f, severity = x.s
      from json_to_recordset(${JSON.stringify(batch)}::json) as x(l smallint, r integer, f jsonb, s text)
      where a.import_id = ${importId}::uuid and a.list_no = x.l and a.row_no = x.r
    `.execute(trx);
  }
}

/** Fills in an import's counts, summary and report once every row is read. */
/** The current rows of an activity, optionally one list and only flagged ones, in file order. */
export async function listAnnexARows(
  db: Db,
  activityId: string,
  filter: {
    list?: number;
    severity?: 'error' | 'query' | 'flagged';
    limit?: number;
    offset?: number;
  } = {},
): Promise<AnnexARow[]> {
  let q = db
    .selectFrom('annex_a_rows as r')
    .innerJoin('annex_a_imports as i', 'i.id', 'r.import_id')
    .select(['r.list_no', 'r.row_no', 'r.child_ref', 'r.data', 'r.extra', 'r.flags', 'r.severity'])
    .where('i.activity_id', '=', activityId)
    .where('i.status', '=', 'current');
  if (filter.list !== undefined) q = q.where('r.list_no', '=', filter.list);
  if (filter.severity === 'flagged') q = q.where('r.severity', 'is not', null);
  else if (filter.severity) q = q.where('r.severity', '=', filter.severity);
  q = q.orderBy('r.list_no').orderBy('r.row_no');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  if (filter.offset !== undefined) q = q.offset(filter.offset);
  const rows = await q.execute();
  return rows.map((r) => ({
    list: r.list_no,
    row: r.row_no,
    childRef: r.child_ref,
    data: r.data,
    extra: r.extra,
    flags: r.flags ?? [],
    severity: r.severity,
  }));
}

/** Rows per list of the current import. */
export async function countAnnexARows(db: Db, activityId: string): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('annex_a_rows as r')
    .innerJoin('annex_a_imports as i', 'i.id', 'r.import_id')
    .select(['r.list_no', sql<string>`count(*)`.as('n')])
    .where('i.activity_id', '=', activityId)
    .where('i.status', '=', 'current')
    .groupBy('r.list_no')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.list_no, Number(r.n)]));
}
