// Annex A storage: per-activity settings (pseudonym key, retention), imports, and the purge of
// an activity's child-level data. The rows themselves are in annex-a-rows.ts.
import type { Kysely, Transaction } from 'kysely';
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
  status: 'staging' | 'current' | 'superseded' | 'purged';
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
    .where('status', '<>', 'staging')
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
    /** 'staging': rows are still being written; nothing reads it until it is made current. */
    status?: 'staging' | 'current';
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
      status: v.status ?? 'current',
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

/** Makes a staged import the current one (the caller superseded the previous one first). */
export async function makeStagedAnnexAImportCurrent(
  trx: Transaction<DB>,
  importId: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('annex_a_imports')
    .set({ status: 'current', imported_at: now() })
    .where('id', '=', importId)
    .where('status', '=', 'staging')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Staged imports of an activity begun before `before` (their server stopped mid-import). */
export async function listStaleStagedAnnexAImports(
  db: Db,
  activityId: string,
  before: Date,
): Promise<string[]> {
  const rows = await db
    .selectFrom('annex_a_imports')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('status', '=', 'staging')
    .where('imported_at', '<', before)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes a staged import that was never made current (its rows first, in batches). */
export async function deleteStagedAnnexAImport(db: Db, importId: string): Promise<void> {
  await db
    .deleteFrom('annex_a_imports')
    .where('id', '=', importId)
    .where('status', '=', 'staging')
    .execute();
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
