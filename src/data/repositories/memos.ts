// Memos (REFI-QDA Notes) on the activity, evidence, codes, codings, cases and lines of enquiry.
import type { Kysely, Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import type { MemoTargetType } from '../schema/evidence.js';
import { isUuid } from './users.js';
import type { Memo, PersonRef } from '../../domain/evidence/records.js';

export type { Memo };

type Row = {
  id: string;
  guid: string;
  activity_id: string;
  target_type: MemoTargetType;
  target_id: string | null;
  title: string | null;
  text: string;
  version: number;
  created_by: string | null;
  created_by_label: string;
  created_at: Date;
  updated_at: Date;
};

function toMemo(r: Row): Memo {
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activity_id,
    targetType: r.target_type,
    targetId: r.target_id,
    title: r.title,
    text: r.text,
    version: r.version,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findMemo(db: Kysely<DB>, id: string): Promise<Memo | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom('memos').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMemo(row) : null;
}

export async function listMemos(
  db: Kysely<DB>,
  f: { activityId: string; targetType?: MemoTargetType; targetId?: string },
): Promise<Memo[]> {
  let q = db.selectFrom('memos').selectAll().where('activity_id', '=', f.activityId);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) {
    if (!isUuid(f.targetId)) return [];
    q = q.where('target_id', '=', f.targetId);
  }
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toMemo);
}

export interface NewMemo {
  activityId: string;
  targetType: MemoTargetType;
  targetId: string | null;
  title: string | null;
  text: string;
  createdBy: PersonRef;
}

/** Inserts a memo; returns its id. */
export async function insertMemo(trx: Transaction<DB>, m: NewMemo): Promise<string> {
  const at = now();
  const row = await trx
    .insertInto('memos')
    .values({
      created_at: at,
      updated_at: at,
      activity_id: m.activityId,
      target_type: m.targetType,
      target_id: m.targetId,
      title: m.title,
      text: m.text,
      created_by: m.createdBy.id,
      created_by_label: m.createdBy.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a memo if it is still at `expectedVersion`; false when someone changed it since. */
export async function updateMemoIfVersion(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  m: { title: string | null; text: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable('memos')
    .set({ ...m, version: expectedVersion + 1, updated_at: now() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function deleteMemoRow(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('memos').where('id', '=', id).execute();
}

/** Deletes the memos on a coding (they go with it). */
export async function deleteCodingMemos(trx: Transaction<DB>, codingId: string): Promise<void> {
  await trx
    .deleteFrom('memos')
    .where('target_type', '=', 'coding')
    .where('target_id', '=', codingId)
    .execute();
}

/** Moves the memos on one code to another; returns how many moved. */
export async function moveCodeMemos(
  trx: Transaction<DB>,
  fromCodeId: string,
  toCodeId: string,
): Promise<number> {
  const moved = await trx
    .updateTable('memos')
    .set({ target_id: toCodeId })
    .where('target_type', '=', 'code')
    .where('target_id', '=', fromCodeId)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

const targetTables = {
  evidence: 'evidence_records',
  code: 'codes',
  coding: 'codings',
  case: 'cases',
  line_of_enquiry: 'lines_of_enquiry',
} as const;

/** Whether the thing a memo would be about exists in the activity. */
export async function memoTargetExists(
  db: Kysely<DB>,
  activityId: string,
  targetType: Exclude<MemoTargetType, 'activity'>,
  targetId: string,
): Promise<boolean> {
  if (!isUuid(targetId)) return false;
  const row = await db
    .selectFrom(targetTables[targetType])
    .select('id')
    .where('id', '=', targetId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  return row !== undefined;
}
