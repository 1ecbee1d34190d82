// The research store's reads over published inspections: each inspection's LA context, counts of
// codings by query row and context value, co-occurrence, and the coded passages behind a cell
// with what the pseudonymiser needs (case references, people's names). Only activities in the
// state 'published' are ever read here.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { InspectionContext } from '../../domain/research/selection.js';
import type { DB } from '../schema.js';
import { jsonRows } from './analysis-filters.js';

const OVERALL = 'overall_effectiveness';

/** Every published inspection with its LA context (region, grade, size, deprivation, risk). */
export async function publishedContexts(db: Kysely<DB>): Promise<InspectionContext[]> {
  const r = await sql<{
    id: string;
    la_id: string;
    la_name: string;
    region: string | null;
    framework_id: string;
    published_at: Date | null;
    planned_start: string | null;
    grade: string | null;
    population: number | null;
    deprivation: Array<{ name: string; score: number; decile: number | null }> | null;
    risk: string | null;
  }>`
    select a.id, a.la_id, la.name as la_name, la.ofsted_region as region, a.framework_id,
      (select max(sc.changed_at) from activity_state_changes sc
        where sc.activity_id = a.id and sc.to_state = 'published') as published_at,
      a.planned_start::text as planned_start,
      (select j.grade from judgements j where j.activity_id = a.id and j.judgement_key = ${OVERALL}) as grade,
      la.population_0_17 as population,
      (select jsonb_agg(jsonb_build_object('name', d.index_name, 'score', d.score, 'decile', d.decile))
        from la_deprivation d where d.la_id = a.la_id) as deprivation,
      (select ra.overall_level from risk_assessments ra where ra.la_id = a.la_id
        order by ra.version desc limit 1) as risk
    from activities a join local_authorities la on la.id = a.la_id
    where a.state = 'published'
    order by a.id`.execute(db);
  return r.rows.map((x) => {
    const when = x.published_at ? new Date(x.published_at).toISOString() : x.planned_start;
    return {
      activityId: x.id,
      laId: x.la_id,
      laName: x.la_name,
      region: x.region,
      frameworkId: x.framework_id,
      year: when ? Number(when.slice(0, 4)) : null,
      grade: x.grade,
      population0to17: x.population,
      deprivation: Object.fromEntries(
        (x.deprivation ?? []).map((d) => [d.name, { score: d.score, decile: d.decile }]),
      ),
      riskLevel: x.risk,
      extra: {},
    };
  });
}

export interface StoreRow {
  row: number;
  criterionKeys: string[];
  emergentNames: string[];
}

export interface StoreCount {
  row: number;
  column: string;
  references: number;
  records: number;
}

/** A code (of a published activity in the list) a row stands for, with the activity's column. */
export interface RowCode {
  r: number;
  code_id: string;
  activity_id: string;
  col: string;
}

/**
 * The codes (of published activities in the list) each row stands for. Criteria and emergent
 * names are matched in two branches, each an equality the planner can hash, after narrowing the
 * codes to the wanted keys: one join with "criterion or emergent" compared every row with every
 * code (120,000 comparisons for 20 rows at 250 inspections, most of the matrix's time).
 */
export function rowCodes(rows: StoreRow[], activities: RawBuilder<unknown>): RawBuilder<RowCode> {
  const criteria = rows.flatMap((r) => r.criterionKeys.map((key) => ({ r: r.row, key })));
  const emergent = rows.flatMap((r) => r.emergentNames.map((key) => ({ r: r.row, key })));
  const keys = (x: Array<{ key: string }>) => sql`${[...new Set(x.map((p) => p.key))]}::text[]`;
  const none = sql`select null::int as r, null::uuid as code_id, null::uuid as activity_id where false`;
  const byCriterion = criteria.length
    ? sql`select rw.r, c.id as code_id, c.activity_id
      from (select id, activity_id, framework_key from codes
            where framework_key = any(${keys(criteria)})) c
      join jsonb_to_recordset(${jsonRows(criteria)}) as rw(r int, key text)
        on rw.key = c.framework_key`
    : none;
  // Only when a row stands for emergent names: normalising every emergent code's name costs.
  const byName = emergent.length
    ? sql`select rw.r, c.id, c.activity_id
      from (select id, activity_id, lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) as name
            from codes where source <> 'framework') c
      join jsonb_to_recordset(${jsonRows(emergent)}) as rw(r int, key text) on rw.key = c.name
      where c.name = any(${keys(emergent)})`
    : none;
  // In parentheses: Kysely puts a raw common table expression after "as" as it is.
  return sql<RowCode>`(
    select distinct m.r, m.code_id, m.activity_id, ac.col
    from (${byCriterion} union all ${byName}) m
    join jsonb_to_recordset(${activities}) as ac(a uuid, col text) on ac.a = m.activity_id
    join activities act on act.id = m.activity_id and act.state = 'published')`;
}

/** Evidence records coded with both rows (a's and b's codes), per pair of rows. */
export async function storeCoOccurrence(
  db: Kysely<DB>,
  rows: StoreRow[],
  activityIds: string[],
): Promise<Array<{ a: number; b: number; records: number }>> {
  if (rows.length === 0 || activityIds.length === 0) return [];
  const acts = jsonRows(activityIds.map((a) => ({ a, col: '' })));
  const r = await sql<{ a: number; b: number; records: number }>`
    with rc as (${rowCodes(rows, acts)}),
    re as (
      select distinct rc.r, k.evidence_id from rc
      join codings k on k.activity_id = rc.activity_id and k.code_id = rc.code_id
      join evidence_records e on e.id = k.evidence_id and e.deleted_at is null)
    select x.r as a, y.r as b, count(*)::int as records
    from re x join re y on y.evidence_id = x.evidence_id and y.r >= x.r
    group by x.r, y.r`.execute(db);
  return r.rows;
}

export interface StorePassage {
  activityId: string;
  method: string;
  text: string;
  recordedBy: string;
  coder: string;
}

/**
 * The coded passages behind one cell, in a stable order (inspection, record, position), at most
 * `limit`. Read a few inspections at a time in that order, doubling, until enough: a cell over a
 * region's hundred inspections holds tens of thousands of codings, and all of them were joined
 * and sorted to show the first 200.
 */
export async function storePassages(
  db: Kysely<DB>,
  row: StoreRow,
  activityIds: string[],
  limit: number,
): Promise<StorePassage[]> {
  // PostgreSQL orders uuids as their lower-case hex text.
  const ordered = [...new Set(activityIds)].sort();
  const out: StorePassage[] = [];
  for (let i = 0, size = 4; i < ordered.length && out.length < limit; i += size, size *= 2)
    out.push(...(await passagesOf(db, row, ordered.slice(i, i + size), limit - out.length)));
  return out;
}

async function passagesOf(
  db: Kysely<DB>,
  row: StoreRow,
  activityIds: string[],
  limit: number,
): Promise<StorePassage[]> {
  const acts = jsonRows(activityIds.map((a) => ({ a, col: '' })));
  const r = await sql<{
    activity_id: string;
    method: string;
    span_text: string;
    recorded_by_label: string;
    coder_label: string;
  }>`
    with rc as (${rowCodes([row], acts)})
    select k.activity_id, e.method, k.span_text, e.recorded_by_label, k.coder_label
    from rc
    join codings k on k.activity_id = rc.activity_id and k.code_id = rc.code_id
    join evidence_records e on e.id = k.evidence_id and e.deleted_at is null
    order by k.activity_id, e.ref_no, k.start_pos
    limit ${limit}`.execute(db);
  return r.rows.map((x) => ({
    activityId: x.activity_id,
    method: x.method,
    text: x.span_text,
    recordedBy: x.recorded_by_label,
    coder: x.coder_label,
  }));
}

/** What the pseudonymiser must hide for these inspections: case references and people's names. */
export async function identifyingTerms(
  db: Kysely<DB>,
  activityIds: string[],
): Promise<{ references: string[]; people: string[] }> {
  if (activityIds.length === 0) return { references: [], people: [] };
  const refs = await db
    .selectFrom('cases')
    .select('reference')
    .where('activity_id', 'in', activityIds)
    .execute();
  const people = await db
    .selectFrom('team_members as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select('u.display_name')
    .where('t.activity_id', 'in', activityIds)
    .execute();
  return {
    references: refs.map((r) => r.reference),
    people: people.map((p) => p.display_name),
  };
}

/** The framework criteria coded in published inspections: key and the name the codebook gave. */
export async function publishedCriteria(
  db: Kysely<DB>,
): Promise<Array<{ key: string; name: string }>> {
  const rows = await db
    .selectFrom('codes as c')
    .innerJoin('activities as a', 'a.id', 'c.activity_id')
    .select((eb) => ['c.framework_key as key', eb.fn.min('c.name').as('name')])
    .where('a.state', '=', 'published')
    .where('c.framework_key', 'is not', null)
    .groupBy('c.framework_key')
    .orderBy('c.framework_key')
    .execute();
  return rows.map((r) => ({ key: r.key ?? '', name: r.name }));
}
