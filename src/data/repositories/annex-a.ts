// Annex A storage: per-activity settings (pseudonym key, retention), imports and rows. Rows are
// inserted in large batches through json_to_recordset (one parameter per batch), which is fast
// on both PGlite and PostgreSQL.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { now } from '../../clock.js';

export interface AnnexASettings {
  activityId: string;
  pseudonymKey: string | null;
  retainUntil: string;
  purgedAt: Date | null;
}

export interface AnnexAImport {
  id: string;
  activityId: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  format: 'xlsx' | 'ods' | 'csv';
  layout: '2019' | '2023';
  referenceDate: string;
  status: 'current' | 'superseded' | 'purged';
  acceptedFlagged: boolean;
  rowCount: number;
  flaggedRows: number;
  errorCount: number;
  queryCount: number;
  summary: Record<string, unknown>;
  importedBy: string | null;
  importedByLabel: string;
  importedAt: Date;
  supersededBy: string | null;
  supersededAt: Date | null;
  purgedAt: Date | null;
}

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

export async function findAnnexASettings(
  db: Db,
  activityId: string,
): Promise<AnnexASettings | null> {
  const r = await db
    .selectFrom('annex_a_settings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  return r
    ? {
        activityId: r.activity_id,
        pseudonymKey: r.pseudonym_key,
        retainUntil: r.retain_until,
        purgedAt: r.purged_at,
      }
    : null;
}

/** Creates the settings row if missing; gives a purged activity a new key. Returns the key. */
export async function ensureAnnexASettings(
  trx: Transaction<DB>,
  activityId: string,
  values: { pseudonymKey: string; retainUntil: string },
): Promise<AnnexASettings> {
  await trx
    .insertInto('annex_a_settings')
    .values({
      activity_id: activityId,
      pseudonym_key: values.pseudonymKey,
      retain_until: values.retainUntil,
    })
    .onConflict((oc) => oc.column('activity_id').doNothing())
    .execute();
  await trx
    .updateTable('annex_a_settings')
    .set({ pseudonym_key: values.pseudonymKey, purged_at: null, updated_at: now() })
    .where('activity_id', '=', activityId)
    .where('pseudonym_key', 'is', null)
    .execute();
  const s = await findAnnexASettings(trx, activityId);
  if (!s) throw new Error('annex_a_settings row missing');
  return s;
}

export async function setAnnexARetainUntil(
  trx: Transaction<DB>,
  activityId: string,
  retainUntil: string,
): Promise<void> {
  await trx
    .updateTable('annex_a_settings')
    .set({ retain_until: retainUntil, updated_at: now() })
    .where('activity_id', '=', activityId)
    .execute();
}

function importBase(db: Db) {
  return db.selectFrom('annex_a_imports').selectAll();
}
type ImportRow = Awaited<ReturnType<ReturnType<typeof importBase>['executeTakeFirstOrThrow']>>;

function toImport(r: ImportRow): AnnexAImport {
  return {
    id: r.id,
    activityId: r.activity_id,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileSize: Number(r.file_size),
    format: r.format,
    layout: r.layout,
    referenceDate: r.reference_date,
    status: r.status,
    acceptedFlagged: r.accepted_flagged,
    rowCount: r.row_count,
    flaggedRows: r.flagged_rows,
    errorCount: r.error_count,
    queryCount: r.query_count,
    summary: r.summary,
    importedBy: r.imported_by,
    importedByLabel: r.imported_by_label,
    importedAt: r.imported_at,
    supersededBy: r.superseded_by,
    supersededAt: r.superseded_at,
    purgedAt: r.purged_at,
  };
}

export async function findCurrentAnnexAImport(
  db: Db,
  activityId: string,
): Promise<AnnexAImport | null> {
  const r = await importBase(db)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'current')
    .executeTakeFirst();
  return r ? toImport(r) : null;
}

export async function listAnnexAImports(db: Db, activityId: string): Promise<AnnexAImport[]> {
  const rows = await importBase(db)
    .where('activity_id', '=', activityId)
    .orderBy('imported_at', 'desc')
    .execute();
  return rows.map(toImport);
}

/** The stored validation report of an import (values of identifying columns were never kept). */
export async function annexAImportIssues(db: Db, importId: string): Promise<unknown[]> {
  const r = await db
    .selectFrom('annex_a_imports')
    .select('issues')
    .where('id', '=', importId)
    .executeTakeFirst();
  return r?.issues ?? [];
}

export async function insertAnnexAImport(
  trx: Transaction<DB>,
  v: {
    id: string;
    activityId: string;
    fileName: string;
    fileSha256: string;
    fileSize: number;
    format: 'xlsx' | 'ods' | 'csv';
    layout: '2019' | '2023';
    referenceDate: string;
    acceptedFlagged: boolean;
    rowCount: number;
    flaggedRows: number;
    errorCount: number;
    queryCount: number;
    summary: Record<string, unknown>;
    issues: unknown[];
    importedBy: string | null;
    importedByLabel: string;
  },
): Promise<void> {
  await trx
    .insertInto('annex_a_imports')
    .values({
      id: v.id,
      activity_id: v.activityId,
      file_name: v.fileName,
      file_sha256: v.fileSha256,
      file_size: v.fileSize,
      format: v.format,
      layout: v.layout,
      reference_date: v.referenceDate,
      status: 'current',
      accepted_flagged: v.acceptedFlagged,
      row_count: v.rowCount,
      flagged_rows: v.flaggedRows,
      error_count: v.errorCount,
      query_count: v.queryCount,
      summary: JSON.stringify(v.summary),
      issues: JSON.stringify(v.issues),
      imported_by: v.importedBy,
      imported_by_label: v.importedByLabel,
    })
    .execute();
}

/** Marks the current import superseded (its rows stay until deleteAnnexAImportRows). */
export async function markAnnexAImportSuperseded(
  trx: Transaction<DB>,
  importId: string,
): Promise<void> {
  await trx
    .updateTable('annex_a_imports')
    .set({ status: 'superseded', superseded_at: now() })
    .where('id', '=', importId)
    .execute();
}

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

export async function linkSupersededAnnexAImport(
  trx: Transaction<DB>,
  oldId: string,
  newId: string,
): Promise<void> {
  await trx
    .updateTable('annex_a_imports')
    .set({ superseded_by: newId })
    .where('id', '=', oldId)
    .execute();
}

/** Inserts rows in batches; calls onBatch after each with the number inserted so far. */
export async function insertAnnexARows(
  trx: Transaction<DB>,
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
export async function completeAnnexAImport(
  trx: Transaction<DB>,
  importId: string,
  v: {
    format: 'xlsx' | 'ods' | 'csv';
    layout: '2019' | '2023';
    acceptedFlagged: boolean;
    rowCount: number;
    flaggedRows: number;
    errorCount: number;
    queryCount: number;
    summary: Record<string, unknown>;
    issues: unknown[];
  },
): Promise<void> {
  await trx
    .updateTable('annex_a_imports')
    .set({
      format: v.format,
      layout: v.layout,
      accepted_flagged: v.acceptedFlagged,
      row_count: v.rowCount,
      flagged_rows: v.flaggedRows,
      error_count: v.errorCount,
      query_count: v.queryCount,
      summary: JSON.stringify(v.summary),
      issues: JSON.stringify(v.issues),
    })
    .where('id', '=', importId)
    .execute();
}

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

/** Activities whose retention date has passed and that still hold child-level data or a key. */
export async function listExpiredAnnexA(db: Db, today: string): Promise<AnnexASettings[]> {
  const rows = await db
    .selectFrom('annex_a_settings')
    .selectAll()
    .where('retain_until', '<', today)
    .where((eb) => eb.or([eb('purged_at', 'is', null), eb('pseudonym_key', 'is not', null)]))
    .orderBy('retain_until')
    .execute();
  return rows.map((r) => ({
    activityId: r.activity_id,
    pseudonymKey: r.pseudonym_key,
    retainUntil: r.retain_until,
    purgedAt: r.purged_at,
  }));
}

/** Deletes an activity's child-level rows and reports, keeps import summaries, destroys the key. */
export async function purgeAnnexA(
  trx: Transaction<DB>,
  activityId: string,
): Promise<{ rows: number; imports: number }> {
  const deleted = await trx
    .deleteFrom('annex_a_rows')
    .where('import_id', 'in', (eb) =>
      eb.selectFrom('annex_a_imports').select('id').where('activity_id', '=', activityId),
    )
    .executeTakeFirst();
  const updated = await trx
    .updateTable('annex_a_imports')
    .set({ status: 'purged', purged_at: now(), issues: JSON.stringify([]) })
    .where('activity_id', '=', activityId)
    .where('status', '<>', 'purged')
    .executeTakeFirst();
  await trx
    .updateTable('annex_a_settings')
    .set({ pseudonym_key: null, purged_at: now(), updated_at: now() })
    .where('activity_id', '=', activityId)
    .execute();
  return { rows: Number(deleted.numDeletedRows), imports: Number(updated.numUpdatedRows) };
}
