// Memos (REFI-QDA Notes) on the activity, evidence, codes, codings, cases and lines of enquiry.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { MemoTargetType } from '../schema/evidence.js';
import { isUuid } from './users.js';
import type { Memo } from '../../domain/evidence/records.js';

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
