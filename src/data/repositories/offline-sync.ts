// Capture that works offline: the per-session keys that encrypt a device's local copy, the
// operations devices have synced (the idempotency record), and the sync conflicts kept for the
// inspector to resolve.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../schema.js';

/** The session's device key, or null when the session has none (yet, or any more). */
export async function findDeviceKey(db: Kysely<DB>, sessionId: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('offline_device_keys')
    .select('key')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? row.key : null;
}

/** Keeps a new key for the session; if one was made meanwhile, that one is returned. */
export async function insertDeviceKey(
  db: Kysely<DB>,
  k: { sessionId: string; userId: string; key: Uint8Array; at: Date },
): Promise<Uint8Array> {
  await db
    .insertInto('offline_device_keys')
    .values({ session_id: k.sessionId, user_id: k.userId, key: k.key, created_at: k.at })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute();
  return (await findDeviceKey(db, k.sessionId)) ?? k.key;
}

/** Forgets the session's device key; true when there was one. */
export async function deleteDeviceKey(db: Kysely<DB>, sessionId: string): Promise<boolean> {
  const gone = await db
    .deleteFrom('offline_device_keys')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** Forgets every device key of a person (all their devices); returns how many. */
export async function deleteDeviceKeysOfUser(db: Kysely<DB>, userId: string): Promise<number> {
  const gone = await db
    .deleteFrom('offline_device_keys')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}

export interface SyncedOperation {
  clientId: string;
  kind: 'record' | 'edit' | 'coding';
  outcome: 'applied' | 'conflict';
  activityId: string;
  evidenceId: string | null;
  codingId: string | null;
  conflictId: string | null;
  version: number | null;
  writtenAt: Date;
  receivedAt: Date;
}

/** The operations of these client ids this person has already synced, by client id. */
export async function findSyncedOperations(
  db: Kysely<DB>,
  userId: string,
  clientIds: string[],
): Promise<Map<string, SyncedOperation>> {
  const found = new Map<string, SyncedOperation>();
  if (clientIds.length === 0) return found;
  const rows = await db
    .selectFrom('offline_sync_operations')
    .selectAll()
    .where('user_id', '=', userId)
    .where('client_id', 'in', clientIds)
    .execute();
  for (const r of rows)
    found.set(r.client_id, {
      clientId: r.client_id,
      kind: r.kind,
      outcome: r.outcome,
      activityId: r.activity_id,
      evidenceId: r.evidence_id,
      codingId: r.coding_id,
      conflictId: r.conflict_id,
      version: r.version,
      writtenAt: r.written_at,
      receivedAt: r.received_at,
    });
  return found;
}

/**
 * Records a synced operation under the person's client id; false when that client id was already
 * there (a concurrent replay: the caller's transaction must then be rolled back).
 */
export async function insertSyncedOperation(
  trx: Transaction<DB>,
  userId: string,
  op: SyncedOperation,
): Promise<boolean> {
  const row = await trx
    .insertInto('offline_sync_operations')
    .values(syncRow(userId, op))
    .onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
    .returning('client_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** How many records of an activity arrived by offline sync (for the demo and the checks). */
export async function countOfflineRecords(db: Kysely<DB>, activityId: string): Promise<number> {
  const row = await db
    .selectFrom('offline_sync_operations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('kind', '=', 'record')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SyncConflict {
  id: string;
  activityId: string;
  evidenceId: string;
  userId: string;
  userLabel: string;
  clientId: string;
  baseVersion: number;
  deviceText: string;
  serverVersion: number;
  serverText: string;
  serverByLabel: string;
  writtenAt: Date;
  receivedAt: Date;
  resolution: 'mine' | 'theirs' | 'merged' | null;
  resolvedVersion: number | null;
  resolvedAt: Date | null;
  resolvedByLabel: string | null;
}

export type NewSyncConflict = Omit<
  SyncConflict,
  'id' | 'resolution' | 'resolvedVersion' | 'resolvedAt' | 'resolvedByLabel'
>;

export async function insertSyncConflict(
  trx: Transaction<DB>,
  c: NewSyncConflict,
): Promise<string> {
  const row = await trx
    .insertInto('sync_conflicts')
    .values({
      activity_id: c.activityId,
      evidence_id: c.evidenceId,
      user_id: c.userId,
      user_label: c.userLabel,
      client_id: c.clientId,
      base_version: c.baseVersion,
      device_text: c.deviceText,
      server_version: c.serverVersion,
      server_text: c.serverText,
      server_by_label: c.serverByLabel,
      written_at: c.writtenAt,
      received_at: c.receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function conflictsQuery(db: Kysely<DB>) {
  return db.selectFrom('sync_conflicts').selectAll();
}

type ConflictRow = Selectable<DB['sync_conflicts']>;

function toConflict(r: ConflictRow): SyncConflict {
  return {
    id: r.id,
    activityId: r.activity_id,
    evidenceId: r.evidence_id,
    userId: r.user_id,
    userLabel: r.user_label,
    clientId: r.client_id,
    baseVersion: r.base_version,
    deviceText: r.device_text,
    serverVersion: r.server_version,
    serverText: r.server_text,
    serverByLabel: r.server_by_label,
    writtenAt: r.written_at,
    receivedAt: r.received_at,
    resolution: r.resolution,
    resolvedVersion: r.resolved_version,
    resolvedAt: r.resolved_at,
    resolvedByLabel: r.resolved_by_label,
  };
}

export async function findSyncConflict(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SyncConflict | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  let q = conflictsQuery(db).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toConflict(row) : null;
}

/** A person's conflicts in an activity, open ones first, newest first. */
export async function listSyncConflicts(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
): Promise<SyncConflict[]> {
  const rows = await conflictsQuery(db)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .orderBy((eb) => eb.case().when('resolved_at', 'is', null).then(0).else(1).end())
    .orderBy('received_at', 'desc')
    .execute();
  return rows.map(toConflict);
}

export async function markSyncConflictResolved(
  trx: Transaction<DB>,
  id: string,
  r: { resolution: 'mine' | 'theirs' | 'merged'; version: number; at: Date; byLabel: string },
): Promise<void> {
  await trx
    .updateTable('sync_conflicts')
    .set({
      resolution: r.resolution,
      resolved_version: r.version,
      resolved_at: r.at,
      resolved_by_label: r.byLabel,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records many synced operations; false when any client id was already there (a concurrent
 * replay: the caller's transaction must then be rolled back).
 */
export async function insertSyncedOperations(
  trx: Transaction<DB>,
  userId: string,
  ops: SyncedOperation[],
): Promise<boolean> {
  let inserted = 0;
  for (let i = 0; i < ops.length; i += 2000) {
    const rows = await trx
      .insertInto('offline_sync_operations')
      .values(ops.slice(i, i + 2000).map((op) => syncRow(userId, op)))
      .onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
      .returning('client_id')
      .execute();
    inserted += rows.length;
  }
  return inserted === ops.length;
}

/** The stored row of one synced operation (one at a time, or a batch's). */
function syncRow(userId: string, op: SyncedOperation) {
  return {
    user_id: userId,
    client_id: op.clientId,
    activity_id: op.activityId,
    kind: op.kind,
    outcome: op.outcome,
    evidence_id: op.evidenceId,
    coding_id: op.codingId,
    conflict_id: op.conflictId,
    version: op.version,
    written_at: op.writtenAt,
    received_at: op.receivedAt,
  };
}
