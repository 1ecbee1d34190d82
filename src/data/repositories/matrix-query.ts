// Matrix queries: rows (codes, or judgement areas) by columns (methods, method families,
// evaluative direction, a case attribute, coders, who recorded, judgement areas), counting coding
// references and evidence records in each cell; the passages behind one cell; and the
// co-occurrence of codes in the same records and the same passages. One grouped query each.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { methodFamilies } from '../../domain/evidence/vocabulary.js';
import type { DB } from '../schema.js';
import {
  codingWhere,
  evidenceWhere,
  jsonRows,
  type CodingConditions,
  type EvidenceConditions,
} from './analysis-filters.js';

export type MatrixColumn =
  | { kind: 'method' | 'methodFamily' | 'direction' | 'coder' | 'recordedBy' | 'judgementArea' }
  | { kind: 'attribute'; caseKind: 'child' | 'practitioner' | 'team'; name: string };

/** A row: a code with the codes it stands for, or a judgement area. */
export type MatrixRows =
  | { kind: 'codes'; rows: Array<{ codeIds: string[] }> }
  | { kind: 'judgementAreas'; rows: Array<{ area: string }> };

export const NOT_RECORDED = 'not_recorded';
export const UNFILED = 'unfiled';
export const UNSET = 'unset';

const familyCase = sql`case ${sql.join(
  Object.entries(methodFamilies).flatMap(([family, methods]) =>
    methods.map((m) => sql`when e.method = ${m} then ${family}`),
  ),
  sql` `,
)} else 'written' end`;

const caseColumn = {
  child: sql.ref('e.child_case_id'),
  practitioner: sql.ref('e.practitioner_case_id'),
  team: sql.ref('e.team_case_id'),
} as const;

/** The column's value (and display label) per row, and the joins it needs. */
function columnSql(c: MatrixColumn): {
  value: RawBuilder<string>;
  label: RawBuilder<string>;
  join: RawBuilder<unknown>;
} {
  const none = sql``;
  switch (c.kind) {
    case 'method':
      return { value: sql`e.method`, label: sql`e.method`, join: none };
    case 'methodFamily':
      return {
        value: familyCase as RawBuilder<string>,
        label: familyCase as RawBuilder<string>,
        join: none,
      };
    case 'direction':
      return {
        value: sql`coalesce(e.direction, ${UNSET})`,
        label: sql`coalesce(e.direction, ${UNSET})`,
        join: none,
      };
    case 'coder':
      return {
        value: sql`coalesce(k.coder_id::text, k.coder_label)`,
        label: sql`k.coder_label`,
        join: none,
      };
    case 'recordedBy':
      return {
        value: sql`coalesce(e.recorded_by::text, e.recorded_by_label)`,
        label: sql`e.recorded_by_label`,
        join: none,
      };
    case 'judgementArea':
      return {
        value: sql`ja.area`,
        label: sql`ja.area`,
        join: sql`cross join lateral unnest(case when cardinality(e.judgement_areas) = 0 then array[${UNFILED}]::text[] else e.judgement_areas end) as ja(area)`,
      };
    case 'attribute':
      return {
        value: sql`coalesce(cs.attributes ->> ${c.name}, ${NOT_RECORDED})`,
        label: sql`coalesce(cs.attributes ->> ${c.name}, ${NOT_RECORDED})`,
        join: sql`left join cases cs on cs.id = ${caseColumn[c.caseKind]}`,
      };
  }
}

export interface MatrixCellCount {
  row: number;
  column: string;
  columnLabel: string;
  references: number;
  records: number;
}

export interface MatrixSpec {
  rows: MatrixRows;
  column: MatrixColumn;
  /** Only these column values (all when absent). */
  values?: string[];
  evidence: EvidenceConditions;
  coding: CodingConditions;
}

function restrict(value: RawBuilder<string>, values: string[] | undefined): RawBuilder<boolean> {
  return values?.length ? sql<boolean>`${value} in (${sql.join(values)})` : sql<boolean>`true`;
}

/** The counts of every non-empty cell. */
export async function matrixCounts(db: Kysely<DB>, s: MatrixSpec): Promise<MatrixCellCount[]> {
  const col = columnSql(s.column);
  if (s.rows.kind === 'codes') {
    const pairs = s.rows.rows.flatMap((r, i) => r.codeIds.map((code) => ({ r: i, code })));
    if (pairs.length === 0) return [];
    const r = await sql<{ r: number; col: string; label: string; refs: number; records: number }>`
      select rc.r, ${col.value} as col, max(${col.label}) as label,
             count(*)::int as refs, count(distinct k.evidence_id)::int as records
      from jsonb_to_recordset(${jsonRows(pairs)}) as rc(r int, code uuid)
      join codings k on k.code_id = rc.code and k.activity_id = ${s.evidence.activityId}
      join evidence_records e on e.id = k.evidence_id
      ${col.join}
      where ${evidenceWhere(s.evidence)} and ${codingWhere(s.coding)} and ${restrict(col.value, s.values)}
      group by rc.r, col`.execute(db);
    return r.rows.map((x) => ({
      row: x.r,
      column: x.col,
      columnLabel: x.label,
      references: x.refs,
      records: x.records,
    }));
  }
  const areas = s.rows.rows.map((r, i) => ({ r: i, area: r.area }));
  const r = await sql<{ r: number; col: string; label: string; records: number }>`
    select ra.r, ${col.value} as col, max(${col.label}) as label, count(distinct e.id)::int as records
    from evidence_records e
    join jsonb_to_recordset(${jsonRows(areas)}) as ra(r int, area text)
      on e.judgement_areas @> array[ra.area]
    ${col.join}
    where ${evidenceWhere(s.evidence)} and ${restrict(col.value, s.values)}
    group by ra.r, col`.execute(db);
  return r.rows.map((x) => ({
    row: x.r,
    column: x.col,
    columnLabel: x.label,
    references: x.records,
    records: x.records,
  }));
}

export interface CellItem {
  evidenceId: string;
  refNo: number;
  /** null for whole records (judgement-area rows). */
  start: number | null;
  end: number | null;
  codeId: string | null;
}

/** What one cell counts: its coding references (code rows) or records (area rows), in order. */
export async function matrixCellItems(
  db: Kysely<DB>,
  s: MatrixSpec & { row: number; value: string },
): Promise<CellItem[]> {
  const col = columnSql(s.column);
  const match = sql<boolean>`${col.value} = ${s.value}`;
  if (s.rows.kind === 'codes') {
    const ids = s.rows.rows[s.row]?.codeIds ?? [];
    if (ids.length === 0) return [];
    const r = await sql<{
      evidence_id: string;
      ref_no: number;
      start_pos: number;
      end_pos: number;
      code_id: string;
    }>`
      select k.evidence_id, e.ref_no, k.start_pos, k.end_pos, k.code_id
      from codings k
      join evidence_records e on e.id = k.evidence_id
      ${col.join}
      where k.activity_id = ${s.evidence.activityId} and k.code_id in (${sql.join(ids)})
        and ${evidenceWhere(s.evidence)} and ${codingWhere(s.coding)} and ${match}
      order by e.ref_no, k.start_pos, k.end_pos, k.id`.execute(db);
    return r.rows.map((x) => ({
      evidenceId: x.evidence_id,
      refNo: x.ref_no,
      start: x.start_pos,
      end: x.end_pos,
      codeId: x.code_id,
    }));
  }
  const area = s.rows.rows[s.row]?.area;
  if (!area) return [];
  const r = await sql<{ id: string; ref_no: number }>`
    select distinct e.id, e.ref_no
    from evidence_records e
    ${col.join}
    where e.judgement_areas @> array[${area}]::text[] and ${evidenceWhere(s.evidence)} and ${match}
    order by e.ref_no`.execute(db);
  return r.rows.map((x) => ({
    evidenceId: x.id,
    refNo: x.ref_no,
    start: null,
    end: null,
    codeId: null,
  }));
}

export interface CoOccurrence {
  a: number;
  b: number;
  /** Records coded with both. */
  records: number;
  /** Records where codings of the two overlap. */
  overlapping: number;
}

/** For each pair of codes (a <= b), records coded with both and records where they overlap. */
export async function coOccurrence(
  db: Kysely<DB>,
  s: {
    codes: Array<{ codeIds: string[] }>;
    evidence: EvidenceConditions;
    coding: CodingConditions;
  },
): Promise<CoOccurrence[]> {
  const pairs = s.codes.flatMap((c, i) => c.codeIds.map((code) => ({ r: i, code })));
  if (pairs.length === 0) return [];
  const r = await sql<{ ra: number; rb: number; records: number; overlapping: number }>`
    with kk as materialized (
      select rc.r, k.evidence_id, k.start_pos as s, k.end_pos as e
      from jsonb_to_recordset(${jsonRows(pairs)}) as rc(r int, code uuid)
      join codings k on k.code_id = rc.code and k.activity_id = ${s.evidence.activityId}
      join evidence_records e on e.id = k.evidence_id
      where ${evidenceWhere(s.evidence)} and ${codingWhere(s.coding)}
    )
    select a.r as ra, b.r as rb, count(distinct a.evidence_id)::int as records,
           (count(distinct a.evidence_id) filter (where a.s < b.e and b.s < a.e))::int as overlapping
    from kk a join kk b on a.evidence_id = b.evidence_id and a.r <= b.r
    group by a.r, b.r`.execute(db);
  return r.rows.map((x) => ({ a: x.ra, b: x.rb, records: x.records, overlapping: x.overlapping }));
}
