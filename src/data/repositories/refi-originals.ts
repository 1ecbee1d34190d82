// The REFI-QDA originals an import keeps (see migrations 2026-12-06T1700_refi_originals and
// 2026-12-07T1500_refi_original_sets) and the files they name. Written once by an import, read by
// the export; re-importing the same file changes nothing the export gives (the first original of
// each kind and GUID counts; one file per activity and name).
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
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

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** One element as a set stores it: kind, GUID, local id, data, XML. */
type Packed = [string, string, string | null, unknown, string | null];

/**
 * Keeps one import's originals as one compressed set (JSON, gzip'd off the main thread; the bytes
 * travel as base64 text, which the embedded engine takes far faster than a bytea parameter).
 * Elements an earlier import already kept are left to it when read back (listRefiOriginals).
 */
export async function insertRefiOriginals(
  trx: Transaction<DB>,
  activityId: string,
  sha256: string,
  rows: StoredOriginal[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const packed: Packed[] = rows.map((o) => [o.kind, o.guid, o.localId, o.data ?? null, o.xml]);
  const content = await gzipAsync(Buffer.from(JSON.stringify(packed), 'utf8'), { level: 1 });
  await trx
    .insertInto('refi_original_sets')
    .values({
      activity_id: activityId,
      import_sha256: sha256,
      elements: rows.length,
      content: sql<Uint8Array>`decode(${content.toString('base64')}, 'base64')`,
    })
    .execute();
  return rows.length;
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

/**
 * The originals kept by imports into the activity, oldest first: rows kept one by one (imports
 * before sets), then each set; the first of each kind and GUID wins, as the rows' unique key had it.
 */
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
  const out: StoredOriginal[] = rows.map((r) => ({
    kind: r.kind,
    guid: r.guid,
    localId: r.local_id,
    data: r.data,
    xml: r.xml,
  }));
  const sets = await db
    .selectFrom('refi_original_sets')
    .select(sql<string>`encode(content, 'base64')`.as('base64'))
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (sets.length === 0) return out;
  const seen = new Set(out.map((o) => `${o.kind}:${o.guid}`));
  for (const set of sets) {
    const json = await gunzipAsync(Buffer.from(set.base64, 'base64'));
    for (const [kind, guid, localId, data, xml] of JSON.parse(json.toString('utf8')) as Packed[]) {
      const key = `${kind}:${guid}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind, guid, localId, data, xml });
    }
  }
  return out;
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
