// Blind double coding: assignments of evidence records to two or more coders, and the coders'
// codings in a layer of their own (never the evidence base's codings until reconciled).
import type { Kysely, Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface DoubleCodingAssignment {
  id: string;
  activityId: string;
  title: string;
  createdBy: string;
  createdAt: Date;
  records: {
    evidenceId: string;
    evidenceVersion: number;
    reconciledBy: string | null;
    reconciledAt: Date | null;
  }[];
  coders: { userId: string; label: string; finishedAt: Date | null }[];
}

export interface DoubleCoding {
  id: string;
  evidenceId: string;
  coderId: string;
  codeId: string;
  start: number;
  end: number;
  spanText: string;
}

export async function insertAssignment(
  trx: Transaction<DB>,
  a: {
    activityId: string;
    title: string;
    records: { evidenceId: string; version: number }[];
    coders: { userId: string; label: string }[];
  },
  by: { id: string | null; label: string },
): Promise<string> {
  const row = await trx
    .insertInto('double_coding_assignments')
    .values({
      activity_id: a.activityId,
      title: a.title,
      created_by: by.id,
      created_by_label: by.label,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('double_coding_records')
    .values(
      a.records.map((r) => ({
        assignment_id: row.id,
        evidence_id: r.evidenceId,
        evidence_version: r.version,
      })),
    )
    .execute();
  await trx
    .insertInto('double_coding_coders')
    .values(
      a.coders.map((c) => ({ assignment_id: row.id, user_id: c.userId, user_label: c.label })),
    )
    .execute();
  return row.id;
}

async function assignmentsWhere(
  db: Db,
  where: { id?: string; activityId?: string },
): Promise<DoubleCodingAssignment[]> {
  let q = db.selectFrom('double_coding_assignments').selectAll();
  if (where.id !== undefined) {
    if (!isUuid(where.id)) return [];
    q = q.where('id', '=', where.id);
  }
  if (where.activityId !== undefined) q = q.where('activity_id', '=', where.activityId);
  const rows = await q.orderBy('created_at', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [records, coders] = await Promise.all([
    db
      .selectFrom('double_coding_records as r')
      .innerJoin('evidence_records as e', 'e.id', 'r.evidence_id')
      .selectAll('r')
      .where('r.assignment_id', 'in', ids)
      .orderBy('e.ref_no')
      .execute(),
    db
      .selectFrom('double_coding_coders')
      .selectAll()
      .where('assignment_id', 'in', ids)
      .orderBy('user_label')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    title: r.title,
    createdBy: r.created_by_label,
    createdAt: r.created_at,
    records: records
      .filter((x) => x.assignment_id === r.id)
      .map((x) => ({
        evidenceId: x.evidence_id,
        evidenceVersion: x.evidence_version,
        reconciledBy: x.reconciled_by_label,
        reconciledAt: x.reconciled_at,
      })),
    coders: coders
      .filter((c) => c.assignment_id === r.id)
      .map((c) => ({ userId: c.user_id, label: c.user_label, finishedAt: c.finished_at })),
  }));
}

export async function findAssignment(db: Db, id: string): Promise<DoubleCodingAssignment | null> {
  const [found] = await assignmentsWhere(db, { id });
  return found ?? null;
}

export async function listAssignments(
  db: Db,
  activityId: string,
): Promise<DoubleCodingAssignment[]> {
  return assignmentsWhere(db, { activityId });
}

/** The assignment's codings on a record: every coder's, or one coder's only. */
export async function listDoubleCodings(
  db: Db,
  assignmentId: string,
  filter: { evidenceId?: string; coderId?: string } = {},
): Promise<DoubleCoding[]> {
  let q = db.selectFrom('double_codings').selectAll().where('assignment_id', '=', assignmentId);
  if (filter.evidenceId) q = q.where('evidence_id', '=', filter.evidenceId);
  if (filter.coderId) q = q.where('coder_id', '=', filter.coderId);
  const rows = await q.orderBy('start_pos').orderBy('end_pos').execute();
  return rows.map((r) => ({
    id: r.id,
    evidenceId: r.evidence_id,
    coderId: r.coder_id,
    codeId: r.code_id,
    start: r.start_pos,
    end: r.end_pos,
    spanText: r.span_text,
  }));
}

/** Adds a coder's coding; null when they already coded exactly this span with this code. */
export async function insertDoubleCoding(
  trx: Transaction<DB>,
  c: Omit<DoubleCoding, 'id'> & { assignmentId: string },
): Promise<string | null> {
  const row = await trx
    .insertInto('double_codings')
    .values({
      assignment_id: c.assignmentId,
      evidence_id: c.evidenceId,
      coder_id: c.coderId,
      code_id: c.codeId,
      start_pos: c.start,
      end_pos: c.end,
      span_text: c.spanText,
      created_at: now(),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function deleteDoubleCoding(
  trx: Transaction<DB>,
  assignmentId: string,
  codingId: string,
  coderId: string,
): Promise<boolean> {
  if (!isUuid(codingId)) return false;
  const done = await trx
    .deleteFrom('double_codings')
    .where('id', '=', codingId)
    .where('assignment_id', '=', assignmentId)
    .where('coder_id', '=', coderId)
    .executeTakeFirst();
  return Number(done.numDeletedRows) === 1;
}

export async function markCoderFinished(
  trx: Transaction<DB>,
  assignmentId: string,
  userId: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('double_coding_coders')
    .set({ finished_at: now() })
    .where('assignment_id', '=', assignmentId)
    .where('user_id', '=', userId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function markRecordReconciled(
  trx: Transaction<DB>,
  assignmentId: string,
  evidenceId: string,
  by: { id: string | null; label: string },
): Promise<void> {
  await trx
    .updateTable('double_coding_records')
    .set({ reconciled_by: by.id, reconciled_by_label: by.label, reconciled_at: now() })
    .where('assignment_id', '=', assignmentId)
    .where('evidence_id', '=', evidenceId)
    .execute();
}

/** The double codings a person has still to code and finish, for "Your work". */
export async function listDoubleCodingWorkFacts(
  db: Db,
  userId: string,
): Promise<
  {
    assignmentId: string;
    title: string;
    activityId: string;
    activityTitle: string;
    laName: string;
    state: string;
    plannedEnd: string | null;
  }[]
> {
  if (!isUuid(userId)) return [];
  const rows = await db
    .selectFrom('double_coding_coders as c')
    .innerJoin('double_coding_assignments as d', 'd.id', 'c.assignment_id')
    .innerJoin('activities as a', 'a.id', 'd.activity_id')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .select([
      'd.id',
      'd.title',
      'a.id as activity_id',
      'a.title as activity_title',
      'la.name as la_name',
      'a.state',
      'a.planned_end',
    ])
    .where('c.user_id', '=', userId)
    .where('c.finished_at', 'is', null)
    .orderBy('d.created_at')
    .execute();
  return rows.map((r) => ({
    assignmentId: r.id,
    title: r.title,
    activityId: r.activity_id,
    activityTitle: r.activity_title,
    laName: r.la_name,
    state: r.state,
    plannedEnd: r.planned_end,
  }));
}
