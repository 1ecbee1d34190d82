// The REFI-QDA originals an import keeps (see migration 2026-12-06T1700_refi_originals) and the
// files they name. Written once by an import, read by the export; re-importing the same file adds
// nothing (one row per activity, kind and GUID; one file per activity and name).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

export interface StoredOriginal {
  kind: string;
  guid: string;
  localId: string | null;
  data: unknown;
  xml: string | null;
}

export interface StoredFile {
  name: string;
  bytes: Uint8Array;
}

const BATCH = 500;

export async function insertRefiOriginals(
  trx: Transaction<DB>,
  activityId: string,
  sha256: string,
  rows: StoredOriginal[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const r = await trx
      .insertInto('refi_originals')
      .values(
        rows.slice(i, i + BATCH).map((o, j) => ({
          activity_id: activityId,
          kind: o.kind,
          guid: o.guid,
          local_id: o.localId,
          data: o.data === null || o.data === undefined ? null : JSON.stringify(o.data),
          xml: o.xml,
          position: i + j,
          import_sha256: sha256,
        })),
      )
      .onConflict((oc) => oc.columns(['activity_id', 'kind', 'guid']).doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function insertRefiFiles(
  trx: Transaction<DB>,
  activityId: string,
  files: Array<StoredFile & { sha256: string }>,
): Promise<void> {
  for (const f of files)
    await trx
      .insertInto('refi_files')
      .values({ activity_id: activityId, name: f.name, bytes: f.bytes, sha256: f.sha256 })
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function listRefiOriginals(
  db: Kysely<DB>,
  activityId: string,
): Promise<StoredOriginal[]> {
  const rows = await db
    .selectFrom('refi_originals')
    .select(['kind', 'guid', 'local_id', 'data', 'xml'])
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    guid: r.guid,
    localId: r.local_id,
    data: r.data,
    xml: r.xml,
  }));
}

export async function listRefiFiles(db: Kysely<DB>, activityId: string): Promise<StoredFile[]> {
  const rows = await db
    .selectFrom('refi_files')
    .select(['name', 'bytes'])
    .where('activity_id', '=', activityId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ name: r.name, bytes: new Uint8Array(r.bytes) }));
}
