// Codings inside a study (issue 20): the study's records in pseudonym order (keyset paged), and
// the passages researchers coded with the national thematic codebook. Offsets and passages are
// in the pseudonymised text; the original is only read here to be pseudonymised by the caller.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StudyRecordRow {
  id: string;
  activityId: string;
  /** The inspection's position in the study's ordered selection (1-based). */
  rank: number;
  refNo: number;
  method: string;
  text: string;
  recordedBy: string;
}

/** Ids of the evidence records of these inspections (for resolving a record's study reference). */
export async function studyRecordIds(
  db: Db,
  activityIds: string[],
): Promise<Array<{ id: string; activityId: string }>> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .selectFrom('evidence_records')
    .select(['id', 'activity_id'])
    .where('activity_id', 'in', activityIds)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, activityId: r.activity_id }));
}

/** One page of records, ordered by inspection rank then record number, after the given key
 *  (keyset); or the one record `onlyId`. */
export async function studyRecordsPage(
  db: Db,
  activityIds: string[],
  after: { rank: number; refNo: number } | null,
  limit: number,
  onlyId?: string,
): Promise<StudyRecordRow[]> {
  if (activityIds.length === 0) return [];
  const r = await sql<{
    id: string;
    activity_id: string;
    rank: string | number;
    ref_no: number;
    method: string;
    text: string;
    recorded_by_label: string;
  }>`
    with acts as (
      select t.activity_id::uuid as activity_id, t.rank
      from jsonb_array_elements_text(${JSON.stringify(activityIds)}::jsonb)
        with ordinality as t(activity_id, rank)
    )
    select e.id, e.activity_id, a.rank, e.ref_no, e.method, e.text, e.recorded_by_label
    from acts a
    join evidence_records e on e.activity_id = a.activity_id and e.deleted_at is null
    where ${after ? sql`(a.rank, e.ref_no) > (${after.rank}, ${after.refNo})` : sql`true`}
      and ${onlyId ? sql`e.id = ${onlyId}::uuid` : sql`true`}
    order by a.rank, e.ref_no
    limit ${limit}`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    activityId: x.activity_id,
    rank: Number(x.rank),
    refNo: x.ref_no,
    method: x.method,
    text: x.text,
    recordedBy: x.recorded_by_label,
  }));
}

export interface StudyCoding {
  id: string;
  evidenceId: string;
  activityId: string;
  start: number;
  end: number;
  text: string;
  themeKey: string;
  themeName: string;
  coderId: string | null;
  coderLabel: string;
  createdAt: Date;
}

const codingSelect = (db: Db) =>
  db
    .selectFrom('research_study_codings as k')
    .innerJoin('evidence_records as e', 'e.id', 'k.evidence_id')
    .innerJoin('thematic_codes as t', 't.key', 'k.thematic_key')
    .select([
      'k.id',
      'k.study_id',
      'k.evidence_id',
      'e.activity_id',
      'k.start_pos',
      'k.end_pos',
      'k.span_text',
      'k.thematic_key',
      't.name as theme_name',
      'k.coder_id',
      'k.coder_label',
      'k.created_at',
    ]);

function shape(r: {
  id: string;
  evidence_id: string;
  activity_id: string;
  start_pos: number;
  end_pos: number;
  span_text: string;
  thematic_key: string;
  theme_name: string;
  coder_id: string | null;
  coder_label: string;
  created_at: Date;
}): StudyCoding {
  return {
    id: r.id,
    evidenceId: r.evidence_id,
    activityId: r.activity_id,
    start: r.start_pos,
    end: r.end_pos,
    text: r.span_text,
    themeKey: r.thematic_key,
    themeName: r.theme_name,
    coderId: r.coder_id,
    coderLabel: r.coder_label,
    createdAt: r.created_at,
  };
}

/** A study's codings (all coders), oldest first; optionally only on some records. */
export async function listStudyCodings(
  db: Db,
  studyId: string,
  evidenceIds?: string[],
): Promise<StudyCoding[]> {
  if (evidenceIds && evidenceIds.length === 0) return [];
  let q = codingSelect(db).where('k.study_id', '=', studyId);
  if (evidenceIds) q = q.where('k.evidence_id', 'in', evidenceIds);
  const rows = await q.orderBy('k.created_at').orderBy('k.id').limit(10_000).execute();
  return rows.map(shape);
}

export async function findStudyCoding(
  db: Db,
  studyId: string,
  id: string,
): Promise<StudyCoding | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await codingSelect(db)
    .where('k.study_id', '=', studyId)
    .where('k.id', '=', id)
    .executeTakeFirst();
  return r ? shape(r) : undefined;
}

export async function insertStudyCoding(
  db: Db,
  c: {
    studyId: string;
    evidenceId: string;
    start: number;
    end: number;
    text: string;
    themeKey: string;
    coderId: string | null;
    coderLabel: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('research_study_codings')
    .values({
      study_id: c.studyId,
      evidence_id: c.evidenceId,
      start_pos: c.start,
      end_pos: c.end,
      span_text: c.text,
      thematic_key: c.themeKey,
      coder_id: c.coderId,
      coder_label: c.coderLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteStudyCoding(db: Db, id: string): Promise<void> {
  await db.deleteFrom('research_study_codings').where('id', '=', id).execute();
}

/** Per thematic code: codings and distinct records coded in the study. */
export async function studyCodingCounts(
  db: Db,
  studyId: string,
): Promise<Array<{ key: string; name: string; codings: number; records: number }>> {
  const rows = await db
    .selectFrom('research_study_codings as k')
    .innerJoin('thematic_codes as t', 't.key', 'k.thematic_key')
    .select((eb) => [
      'k.thematic_key as key',
      't.name',
      eb.fn.countAll<number>().as('codings'),
      eb.fn.count<number>('k.evidence_id').distinct().as('records'),
    ])
    .where('k.study_id', '=', studyId)
    .groupBy(['k.thematic_key', 't.name'])
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    codings: Number(r.codings),
    records: Number(r.records),
  }));
}
