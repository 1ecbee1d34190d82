// Reads behind coding and matrix queries: the codebook's names and hierarchy, the coded spans of
// chosen codes in the evidence a query looks at (by record), and passages with their context.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import {
  codingWhere,
  evidenceWhere,
  jsonRows,
  type CodingConditions,
  type EvidenceConditions,
} from './analysis-filters.js';
import type { EvidenceHeader } from '../../domain/evidence/records.js';
import { isUuid } from './users.js';

export interface CodeEntry {
  id: string;
  name: string;
  frameworkKey: string | null;
  parentId: string | null;
  isCodable: boolean;
}

/** The live codes and folders of an activity (merged codes left out), by name. */
export async function codebookEntries(db: Kysely<DB>, activityId: string): Promise<CodeEntry[]> {
  const rows = await db
    .selectFrom('codes')
    .select(['id', 'name', 'framework_key', 'parent_id', 'is_codable'])
    .where('activity_id', '=', activityId)
    .where('merged_into_id', 'is', null)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    frameworkKey: r.framework_key,
    parentId: r.parent_id,
    isCodable: r.is_codable,
  }));
}

export interface CodedRecord {
  evidenceId: string;
  refNo: number;
  /** The record's length in code points. */
  length: number;
  spans: Array<{ codeId: string; start: number; end: number }>;
}

/** Records from `fromRefNo` on (inclusive): at most `records` of them, or up to `toRefNo`. */
export type RecordWindow =
  { fromRefNo: number; records: number } | { fromRefNo: number; toRefNo: number };

/**
 * The codings of these codes on the evidence in scope (lost codings left out), grouped by record.
 * The result travels as one text ("evidence,ref,length,code,start,end;..."): thousands of rows
 * cost far more to transfer (above all from the embedded engine) than one string costs to split.
 */
export async function codedRecords(
  db: Kysely<DB>,
  evidence: EvidenceConditions,
  coding: CodingConditions,
  codeIds: string[],
  window?: RecordWindow,
): Promise<CodedRecord[]> {
  const ids = [...new Set(codeIds.filter(isUuid))];
  if (ids.length === 0) return [];
  const codeList = jsonRows(ids.map((id, ix) => ({ ix, id })));
  // The probe is a LATERAL subquery with LIMIT 1, which the planner cannot turn into a join: a
  // plain EXISTS became a hash semi-join that read every coding of the codes and every record
  // from `fromRefNo` to the end of the activity, then sorted, for each page (issue 19, round 6:
  // EXPLAIN at 1x; reading all pages grew with pages x records). Now the (activity_id, ref_no)
  // index is walked in order and the walk stops at the page's last record; each record is
  // probed by record and code together (an index lookup, not the record's every coding).
  const hasCode = sql`cross join lateral (
    select 1 from codings k
    where k.activity_id = e.activity_id and k.code_id in (${sql.join(ids)})
      and k.evidence_id = e.id and ${codingWhere(coding)}
    limit 1) hit`;
  // A window reads its records first and then only their codings (by the record index of
  // codings), so a page costs what its records cost however many codings the codes have
  // elsewhere: the query used to gather every coding of the codes and keep the window's (issue
  // 19: reading all pages of a code grew with pages x codings). `records`: the first that many
  // records from `fromRefNo` on that have any of the codes, found by walking the (activity_id,
  // ref_no) index and stopping there (keyset paging); the probe lists the codes inline (a JSON
  // table there was parsed again for every record walked).
  const r = !window
    ? await sql<{ data: string | null }>`
    select string_agg(concat_ws(',', e.id, e.ref_no, char_length(e.text), c.ix, k.start_pos,
                                k.end_pos), ';') as data
    from codings k
    join jsonb_to_recordset(${codeList}) as c(ix int, id uuid)
      on c.id = k.code_id
    join evidence_records e on e.id = k.evidence_id
    where k.activity_id = ${evidence.activityId} and ${evidenceWhere(evidence)}
      and ${codingWhere(coding)}`.execute(db)
    : await sql<{ data: string | null }>`
    select string_agg(concat_ws(',', w.id, w.ref_no, w.length, c.ix, k.start_pos, k.end_pos),
                      ';') as data
    from (
      select e.id, e.ref_no, char_length(e.text) as length from evidence_records e
        ${'toRefNo' in window ? sql`` : hasCode}
      where ${evidenceWhere(evidence)} and e.ref_no >= ${window.fromRefNo}
        ${'toRefNo' in window ? sql`and e.ref_no <= ${window.toRefNo}` : sql``}
      order by e.ref_no
      ${'toRefNo' in window ? sql`` : sql`limit ${window.records}`}) w
    join codings k on k.evidence_id = w.id and ${codingWhere(coding)}
    join jsonb_to_recordset(${codeList}) as c(ix int, id uuid) on c.id = k.code_id`.execute(db);
  const out = new Map<string, CodedRecord>();
  for (const item of (r.rows[0]?.data ?? '').split(';')) {
    if (!item) continue;
    const [evidenceId = '', refNo, length, ix, start, end] = item.split(',');
    let rec = out.get(evidenceId);
    if (!rec)
      out.set(
        evidenceId,
        (rec = { evidenceId, refNo: Number(refNo), length: Number(length), spans: [] }),
      );
    rec.spans.push({ codeId: ids[Number(ix)]!, start: Number(start), end: Number(end) });
  }
  return [...out.values()];
}

/**
 * Every live coding of the evidence in scope, grouped by record in record order (the export of all
 * passages). One row a record, its codings as one text: the record's length is measured once, not
 * once a coding, and no code list is joined in.
 */
export async function allCodedRecords(
  db: Kysely<DB>,
  evidence: EvidenceConditions,
): Promise<CodedRecord[]> {
  const r = await sql<{ data: string | null }>`
    select string_agg(concat_ws(',', e.id, e.ref_no, char_length(e.text), k.spans), ';'
                      order by e.ref_no) as data
    from (
      select k.evidence_id, string_agg(concat_ws(' ', k.code_id, k.start_pos, k.end_pos), ' ') as spans
      from codings k
      join codes c on c.id = k.code_id and c.merged_into_id is null
      where k.activity_id = ${evidence.activityId} and ${codingWhere({})}
      group by k.evidence_id) k
    join evidence_records e on e.id = k.evidence_id
    where ${evidenceWhere(evidence)}`.execute(db);
  const out: CodedRecord[] = [];
  for (const item of (r.rows[0]?.data ?? '').split(';')) {
    if (!item) continue;
    const [evidenceId = '', refNo, length, spans = ''] = item.split(',');
    const parts = spans.split(' ');
    const rec: CodedRecord = {
      evidenceId,
      refNo: Number(refNo),
      length: Number(length),
      spans: [],
    };
    for (let i = 0; i + 2 < parts.length; i += 3)
      rec.spans.push({ codeId: parts[i]!, start: Number(parts[i + 1]), end: Number(parts[i + 2]) });
    out.push(rec);
  }
  return out;
}

/**
 * The facts and whole text of an activity's records numbered `fromRefNo` to `toRefNo` (a batch
 * of an export, read by the (activity, number) index), by id. The batch travels as one JSON text
 * (thousands of rows cost the embedded engine a copy a field; one string is one copy).
 */
export async function recordsWithText(
  db: Kysely<DB>,
  activityId: string,
  fromRefNo: number,
  toRefNo: number,
): Promise<Map<string, EvidenceHeader & { text: string }>> {
  const r = await sql<{ data: string }>`
    select coalesce(json_agg(json_build_array(
      e.id, e.ref_no, e.version, e.observed_on, e.method, e.direction, e.judgement_areas,
      cc.reference, e.recorded_by, e.recorded_by_label, e.text)), '[]')::text as data
    from evidence_records e
    left join cases cc on cc.id = e.child_case_id
    where e.activity_id = ${activityId} and e.ref_no >= ${fromRefNo} and e.ref_no <= ${toRefNo}`.execute(
    db,
  );
  type Tuple = [
    string,
    number,
    number,
    string,
    string,
    string | null,
    string[],
    string | null,
    string | null,
    string,
    string,
  ];
  const out = new Map<string, EvidenceHeader & { text: string }>();
  for (const x of JSON.parse(r.rows[0]?.data ?? '[]') as Tuple[])
    out.set(x[0], {
      evidenceId: x[0],
      reference: `E${x[1]}`,
      version: x[2],
      observedOn: x[3],
      method: x[4],
      direction: x[5],
      judgementAreas: x[6],
      childCaseReference: x[7],
      recordedBy: { id: x[8], label: x[9] },
      text: x[10],
    });
  return out;
}

/** Records in scope with their length in code points (for NOT and whole-record results). */
export async function recordsInScope(
  db: Kysely<DB>,
  evidence: EvidenceConditions,
  ids?: string[],
  window?: RecordWindow,
): Promise<Array<{ id: string; refNo: number; length: number }>> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('evidence_records as e')
    .select(['e.id', 'e.ref_no', sql<number>`char_length(e.text)`.as('length')])
    .where(evidenceWhere(evidence));
  if (ids) q = q.where('e.id', 'in', ids);
  if (window) {
    q = q.where('e.ref_no', '>=', window.fromRefNo);
    q = 'toRefNo' in window ? q.where('e.ref_no', '<=', window.toRefNo) : q.limit(window.records);
  }
  const rows = await q.orderBy('e.ref_no').execute();
  return rows.map((r) => ({ id: r.id, refNo: r.ref_no, length: r.length }));
}

export interface PassageRow extends EvidenceHeader {
  start: number;
  end: number;
  before: string;
  text: string;
  after: string;
  /** The passage text was cut at `maxText` code points. */
  truncated: boolean;
}

/**
 * The text of each passage with up to `context` code points before and after it, and the facts
 * of its record, in the order given. Offsets are code points; substr() counts the same units.
 */
export async function passagesWithContext(
  db: Kysely<DB>,
  passages: Array<{ evidenceId: string; start: number; end: number }>,
  opts: { context: number; maxText: number },
): Promise<PassageRow[]> {
  if (passages.length === 0) return [];
  const input = passages.map((p, i) => ({ i, id: p.evidenceId, s: p.start, e: p.end }));
  const r = await sql<{
    i: number;
    id: string;
    ref_no: number;
    version: number;
    observed_on: string;
    method: string;
    direction: string | null;
    judgement_areas: string[];
    child_case_reference: string | null;
    recorded_by: string | null;
    recorded_by_label: string;
    s: number;
    e: number;
    before: string;
    text: string;
    after: string;
  }>`
    select p.i, e.id, e.ref_no, e.version, e.observed_on, e.method, e.direction,
           e.judgement_areas, cc.reference as child_case_reference, e.recorded_by,
           e.recorded_by_label, p.s, p.e,
           substr(e.text, greatest(p.s - ${opts.context}, 0) + 1, least(p.s, ${opts.context})) as before,
           substr(e.text, p.s + 1, least(p.e - p.s, ${opts.maxText})) as text,
           substr(e.text, p.e + 1, ${opts.context}) as after
    from jsonb_to_recordset(${jsonRows(input)}) as p(i int, id uuid, s int, e int)
    join evidence_records e on e.id = p.id
    left join cases cc on cc.id = e.child_case_id
    order by p.i`.execute(db);
  return r.rows.map((x) => ({
    evidenceId: x.id,
    reference: `E${x.ref_no}`,
    version: x.version,
    observedOn: x.observed_on,
    method: x.method,
    direction: x.direction,
    judgementAreas: x.judgement_areas,
    childCaseReference: x.child_case_reference,
    recordedBy: { id: x.recorded_by, label: x.recorded_by_label },
    start: x.s,
    end: x.e,
    before: x.before,
    text: x.text,
    after: x.after,
    truncated: x.e - x.s > opts.maxText,
  }));
}
