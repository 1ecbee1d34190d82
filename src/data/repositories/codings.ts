// Codings: a code applied to a span of an evidence text by one coder at one time (REFI-QDA
// PlainTextSelection + Coding). Offsets are code points, 0-based, end exclusive.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type { Coding, PersonRef } from '../../domain/evidence/records.js';

export type { Coding };

/** A case attribute condition: the attribute `name` of the record's case of `kind` is `value`. */
export interface AttributeCondition {
  kind: 'child' | 'practitioner' | 'team';
  name: string;
  value: string | number | boolean;
}

export interface CodingFilter {
  activityId: string;
  /** Codings of any of these codes. */
  codeIds?: string[];
  evidenceId?: string;
  coderIds?: string[];
  /** Evidence gathered by these methods. */
  methods?: string[];
  directions?: string[];
  judgementArea?: string;
  createdFrom?: Date;
  createdTo?: Date;
  anchorStatus?: Array<'ok' | 'moved' | 'lost'>;
  attributes?: AttributeCondition[];
  /** Include codings on deleted evidence (default: no). */
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
  /** Keyset paging: start after this row's sort key (ref_no, start, end, id); see codingKey. */
  after?: CodingKey;
}

/** Where a coding sorts: its record's number, start, end and id (unique, so pages never overlap). */
export type CodingKey = [refNo: number, start: number, end: number, id: string];

export function codingKey(c: Coding): CodingKey {
  return [Number(c.evidenceReference.slice(1)), c.start, c.end, c.id];
}

const caseColumn = {
  child: 'e.child_case_id',
  practitioner: 'e.practitioner_case_id',
  team: 'e.team_case_id',
} as const;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('codings as k')
    .innerJoin('evidence_records as e', 'e.id', 'k.evidence_id')
    .innerJoin('codes as c', 'c.id', 'k.code_id')
    .select([
      'k.id',
      'k.guid',
      'k.activity_id',
      'k.evidence_id',
      'e.ref_no',
      'k.evidence_version',
      'k.code_id',
      'c.name as code_name',
      'k.start_pos',
      'k.end_pos',
      'k.span_text',
      'k.anchor_status',
      'k.coder_id',
      'k.coder_label',
      'k.created_at',
    ]);
}

type CodingQuery = ReturnType<typeof baseQuery>;
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toCoding(r: Row): Coding {
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activity_id,
    evidenceId: r.evidence_id,
    evidenceReference: `E${r.ref_no}`,
    evidenceVersion: r.evidence_version,
    codeId: r.code_id,
    codeName: r.code_name,
    start: r.start_pos,
    end: r.end_pos,
    spanText: r.span_text,
    anchorStatus: r.anchor_status,
    coder: { id: r.coder_id, label: r.coder_label },
    createdAt: r.created_at,
  };
}

export async function findCoding(db: Kysely<DB>, id: string): Promise<Coding | null> {
  if (!isUuid(id)) return null;
  const row = await baseQuery(db).where('k.id', '=', id).executeTakeFirst();
  return row ? toCoding(row) : null;
}

/** The codings a filter selects, in record order, a page at a time (keyset with `after`). */
export async function listCodings(db: Kysely<DB>, f: CodingFilter): Promise<Coding[]> {
  const q = filtered(baseQuery(db), f);
  if (!q) return [];
  let paged = q;
  if (f.after) {
    const [refNo, start, end, id] = f.after;
    // The plain `ref_no >=` lets the planner seek in the (activity_id, ref_no) index.
    paged = paged
      .where('e.ref_no', '>=', refNo)
      .where(
        sql<boolean>`(e.ref_no, k.start_pos, k.end_pos, k.id) > (${refNo}, ${start}, ${end}, ${id}::uuid)`,
      );
  }
  const rows = await paged
    .orderBy('e.ref_no')
    .orderBy('k.start_pos')
    .orderBy('k.end_pos')
    .orderBy('k.id')
    .limit(f.limit ?? 50_000)
    .offset(f.offset ?? 0)
    .execute();
  return rows.map(toCoding);
}

/** How many codings a filter selects (all of them, not a page). */
export async function countCodings(db: Kysely<DB>, f: CodingFilter): Promise<number> {
  const q = filtered(baseQuery(db), f);
  if (!q) return 0;
  const r = await q
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return r?.n ?? 0;
}

/** The filter's conditions on a query over codings k joined to evidence_records e. */
function filtered(query: CodingQuery, f: CodingFilter): CodingQuery | null {
  let q = query.where('k.activity_id', '=', f.activityId);
  if (!f.includeDeleted) q = q.where('e.deleted_at', 'is', null);
  if (f.codeIds) {
    const ids = f.codeIds.filter(isUuid);
    if (ids.length === 0) return null;
    q = q.where('k.code_id', 'in', ids);
  }
  if (f.evidenceId) {
    if (!isUuid(f.evidenceId)) return null;
    q = q.where('k.evidence_id', '=', f.evidenceId);
  }
  if (f.coderIds) {
    const ids = f.coderIds.filter(isUuid);
    if (ids.length === 0) return null;
    q = q.where('k.coder_id', 'in', ids);
  }
  if (f.methods?.length) q = q.where('e.method', 'in', f.methods);
  if (f.directions?.length) q = q.where('e.direction', 'in', f.directions);
  if (f.judgementArea)
    q = q.where(sql<boolean>`e.judgement_areas @> array[${f.judgementArea}]::text[]`);
  if (f.createdFrom) q = q.where('k.created_at', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('k.created_at', '<', f.createdTo);
  if (f.anchorStatus?.length) q = q.where('k.anchor_status', 'in', f.anchorStatus);
  for (const a of f.attributes ?? []) {
    const match = JSON.stringify({ [a.name]: a.value });
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cases as cs')
          .select('cs.id')
          .whereRef('cs.id', '=', caseColumn[a.kind])
          .where(sql<boolean>`cs.attributes @> ${match}::jsonb`),
      ),
    );
  }
  return q;
}

/** Codings of one evidence record, for re-anchoring after an edit (inside its transaction). */
export async function codingAnchors(
  db: Kysely<DB>,
  evidenceId: string,
): Promise<Array<{ id: string; start: number; end: number; spanText: string; status: string }>> {
  const rows = await db
    .selectFrom('codings')
    .select(['id', 'start_pos', 'end_pos', 'span_text', 'anchor_status'])
    .where('evidence_id', '=', evidenceId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    start: r.start_pos,
    end: r.end_pos,
    spanText: r.span_text,
    status: r.anchor_status,
  }));
}

/** Distinct (evidence, code) pairs of an activity's codings (for views by theme). */
export async function codedPairs(
  db: Kysely<DB>,
  activityId: string,
): Promise<Array<{ evidenceId: string; codeId: string }>> {
  const rows = await db
    .selectFrom('codings')
    .select(['evidence_id', 'code_id'])
    .distinct()
    .where('activity_id', '=', activityId)
    .execute();
  return rows.map((r) => ({ evidenceId: r.evidence_id, codeId: r.code_id }));
}

/** Whether any coding (on live or deleted evidence) uses the code. */
export async function codeHasCodings(db: Kysely<DB>, codeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('codings')
    .select('id')
    .where('code_id', '=', codeId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Deletes the codings of `fromCodeId` that `toCodeId` already has on the same span by the same
 * coder; returns how many.
 */
export async function deleteDuplicateCodings(
  trx: Transaction<DB>,
  fromCodeId: string,
  toCodeId: string,
): Promise<number> {
  const gone = await sql<{ id: string }>`
      delete from codings s using codings t
      where s.code_id = ${fromCodeId} and t.code_id = ${toCodeId}
        and s.evidence_id = t.evidence_id and s.start_pos = t.start_pos and s.end_pos = t.end_pos
        and s.coder_id is not distinct from t.coder_id
      returning s.id`.execute(trx);
  return gone.rows.length;
}

/** Re-points every coding of one code at another; returns how many moved. */
export async function moveCodings(
  trx: Transaction<DB>,
  fromCodeId: string,
  toCodeId: string,
): Promise<number> {
  const moved = await trx
    .updateTable('codings')
    .set({ code_id: toCodeId })
    .where('code_id', '=', fromCodeId)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** Deletes a coding; false when it was already gone. */
export async function deleteCoding(trx: Transaction<DB>, id: string): Promise<boolean> {
  const gone = await trx.deleteFrom('codings').where('id', '=', id).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

export interface NewCoding {
  createdAt: Date;
  activityId: string;
  evidenceId: string;
  evidenceVersion: number;
  codeId: string;
  start: number;
  end: number;
  spanText: string;
  coder: PersonRef;
}

/**
 * Inserts a coding; null when the coder already has this code on exactly this span (the unique
 * constraint decides, so two at once cannot both succeed).
 */
export async function insertCoding(
  trx: Transaction<DB>,
  c: NewCoding,
): Promise<Pick<Coding, 'id' | 'guid' | 'anchorStatus' | 'createdAt'> | null> {
  const row = await trx
    .insertInto('codings')
    .values(codingRow(c))
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'guid', 'anchor_status', 'created_at'])
    .executeTakeFirst();
  return row
    ? { id: row.id, guid: row.guid, anchorStatus: row.anchor_status, createdAt: row.created_at }
    : null;
}

/** The code a coding was asked for, as the insert found it. */
export interface CodeToApply {
  id: string;
  name: string;
  activityId: string;
  isCodable: boolean;
  mergedIntoId: string | null;
}

/**
 * Reads the code and inserts the coding in one statement, when the code is a live, codable code
 * of the activity: `code` is null when there is no such code; `row` is null when the code cannot
 * take codings (a folder, merged, another activity's) or the coder already has this code on
 * exactly this span (the unique constraint decides).
 */
export async function insertCodingOfCode(
  trx: Transaction<DB>,
  c: NewCoding,
): Promise<{
  code: CodeToApply | null;
  row: Pick<Coding, 'id' | 'guid' | 'anchorStatus' | 'createdAt'> | null;
}> {
  if (!isUuid(c.codeId)) return { code: null, row: null };
  const { rows } = await sql<{
    code_id: string;
    name: string;
    activity_id: string;
    is_codable: boolean;
    merged_into_id: string | null;
    id: string | null;
    guid: string | null;
    anchor_status: string | null;
    created_at: Date | null;
  }>`
    with c as (
      select id, name, activity_id, is_codable, merged_into_id from codes where id = ${c.codeId}
    ), ins as (
      insert into codings (created_at, activity_id, evidence_id, evidence_version, code_id,
                           start_pos, end_pos, span_text, coder_id, coder_label)
      select ${c.createdAt}::timestamptz, ${c.activityId}::uuid, ${c.evidenceId}::uuid,
             ${c.evidenceVersion}::int, c.id, ${c.start}::int, ${c.end}::int, ${c.spanText}::text,
             ${c.coder.id}::uuid, ${c.coder.label}::text
        from c
       where c.activity_id = ${c.activityId}::uuid and c.merged_into_id is null and c.is_codable
      on conflict do nothing
      returning id, guid, anchor_status, created_at
    )
    select c.id as code_id, c.name, c.activity_id, c.is_codable, c.merged_into_id,
           ins.id, ins.guid, ins.anchor_status, ins.created_at
      from c left join ins on true`.execute(trx);
  const r = rows[0];
  if (!r) return { code: null, row: null };
  return {
    code: {
      id: r.code_id,
      name: r.name,
      activityId: r.activity_id,
      isCodable: r.is_codable,
      mergedIntoId: r.merged_into_id,
    },
    row:
      r.id !== null && r.guid !== null && r.created_at !== null
        ? {
            id: r.id,
            guid: r.guid,
            anchorStatus: r.anchor_status as Coding['anchorStatus'],
            createdAt: r.created_at,
          }
        : null,
  };
}

/** Where a coding now sits after its record's text changed, and the version it refers to. */
export async function updateCodingAnchor(
  trx: Transaction<DB>,
  id: string,
  a: { start: number; end: number; status: Coding['anchorStatus']; evidenceVersion: number },
): Promise<void> {
  await trx
    .updateTable('codings')
    .set({
      start_pos: a.start,
      end_pos: a.end,
      anchor_status: a.status,
      evidence_version: a.evidenceVersion,
    })
    .where('id', '=', id)
    .execute();
}

/** The stored row of a new coding (one at a time, or in a bulk insert: codings-bulk.ts). */
export function codingRow(c: NewCoding) {
  return {
    created_at: c.createdAt,
    activity_id: c.activityId,
    evidence_id: c.evidenceId,
    evidence_version: c.evidenceVersion,
    code_id: c.codeId,
    start_pos: c.start,
    end_pos: c.end,
    span_text: c.spanText,
    coder_id: c.coder.id,
    coder_label: c.coder.label,
  };
}
