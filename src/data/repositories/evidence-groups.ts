// Evidence grouped for the views (under judgement headings, by person, day, case, team, theme,
// method, direction): counts and the first ids of each group, computed in the database so that
// an activity's thousands of records never travel to the application just to be counted.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.js';
import { filtered, type EvidenceFilter } from './evidence.js';

export const evidenceGroupKeys = [
  'area',
  'person',
  'day',
  'case',
  'practitioner',
  'team',
  'theme',
  'method',
  'direction',
  'none',
] as const;
export type EvidenceGroupKey = (typeof evidenceGroupKeys)[number];

export interface EvidenceGroupRow {
  /** The group's key ('' for "none of these": unfiled, no case, not coded...). */
  key: string;
  /** A label the database knows (person, case reference), else null. */
  label: string | null;
  count: number;
  /** The first `limit` record ids in the group, in list order (day, then E-number). */
  ids: string[];
}

const caseColumn = {
  case: 'child_case_id',
  practitioner: 'practitioner_case_id',
  team: 'team_case_id',
} as const;

function source(by: EvidenceGroupKey, activityId: string): RawBuilder<unknown> {
  const row = sql`m.id, m.observed_on, m.ref_no`;
  switch (by) {
    case 'none':
      return sql`select '' as key, null::text as label, ${row} from m`;
    case 'area':
      return sql`select a.key, null::text as label, ${row} from m cross join lateral
        unnest(case when cardinality(m.judgement_areas) = 0 then array['']::text[]
               else m.judgement_areas end) as a(key)`;
    case 'person':
      return sql`select coalesce(m.recorded_by::text, m.recorded_by_label) as key,
        m.recorded_by_label as label, ${row} from m`;
    case 'day':
      return sql`select m.observed_on::text as key, null::text as label, ${row} from m`;
    case 'method':
      return sql`select m.method as key, null::text as label, ${row} from m`;
    case 'direction':
      return sql`select coalesce(m.direction, '') as key, null::text as label, ${row} from m`;
    case 'theme':
      return sql`select coalesce(p.code_id::text, '') as key, null::text as label, ${row} from m
        left join (select distinct evidence_id, code_id from codings
                   where activity_id = ${activityId}) p on p.evidence_id = m.id`;
    case 'case':
    case 'practitioner':
    case 'team': {
      const column = sql.ref(`m.${caseColumn[by]}`);
      return sql`select coalesce(${column}::text, '') as key, c.reference as label, ${row}
        from m left join cases c on c.id = ${column}`;
    }
  }
}

/** The columns the grouping sources read. */
const groupedColumns = [
  'e.id',
  'e.observed_on',
  'e.ref_no',
  'e.judgement_areas',
  'e.recorded_by',
  'e.recorded_by_label',
  'e.method',
  'e.direction',
  'e.child_case_id',
  'e.practitioner_case_id',
  'e.team_case_id',
] as const;

/** Counts and first ids per group, plus the number of matching records. */
export async function groupEvidence(
  db: Kysely<DB>,
  f: EvidenceFilter,
  by: EvidenceGroupKey,
  limit: number,
): Promise<{ total: number; groups: EvidenceGroupRow[] }> {
  const base = filtered(db, f);
  if (!base) return { total: 0, groups: [] };
  const m = base.select(groupedColumns);
  // Each record is in exactly one group, except under headings and themes (several or none).
  const multi = by === 'area' || by === 'theme';
  // Counts only (compact views): no per-group sort of every record's id.
  const ids =
    limit > 0
      ? sql`(array_agg(g.id::text order by g.observed_on, g.ref_no))[1:${limit}] as ids`
      : sql`array[]::text[] as ids`;
  const [groups, total] = await Promise.all([
    sql<EvidenceGroupRow>`
      with m as (${m})
      select g.key, max(g.label) as label, count(*)::int as count,
        ${ids}
      from (${source(by, f.activityId)}) g
      group by g.key`.execute(db),
    multi
      ? sql<{ n: number }>`with m as (${m}) select count(*)::int as n from m`.execute(db)
      : null,
  ]);
  const rows = groups.rows.map((g) => ({ ...g, ids: g.ids ?? [] }));
  return {
    total: total ? (total.rows[0]?.n ?? 0) : rows.reduce((n, g) => n + g.count, 0),
    groups: rows,
  };
}

/** A record's place in a group's list order: day, then E-number (unique in the activity). */
export interface EvidenceListKey {
  id: string;
  observedOn: string;
  refNo: number;
  /** The group's label where the database knows it (person, case reference). */
  groupLabel: string | null;
}

/**
 * The records of one group next to a key, in list order (day, then E-number), at most `limit`:
 * after it (or from the start), or before it, nearest first. A keyset seek: the rows before the
 * key are never sorted, counted or skipped, so a late page costs what the first costs.
 */
export async function seekEvidenceGroup(
  db: Kysely<DB>,
  f: EvidenceFilter,
  by: EvidenceGroupKey,
  groupKey: string,
  at: { direction: 'after' | 'before'; observedOn: string; refNo: number } | null,
  limit: number,
): Promise<EvidenceListKey[]> {
  const base = filtered(db, f);
  if (!base) return [];
  const m = base.select(groupedColumns);
  const back = at?.direction === 'before';
  const seek = at
    ? back
      ? sql`and (g.observed_on, g.ref_no) < (${at.observedOn}::date, ${at.refNo})`
      : sql`and (g.observed_on, g.ref_no) > (${at.observedOn}::date, ${at.refNo})`
    : sql``;
  const order = back ? sql`g.observed_on desc, g.ref_no desc` : sql`g.observed_on, g.ref_no`;
  const r = await sql<{ id: string; observed_on: string; ref_no: number; label: string | null }>`
    with m as (${m})
    select g.id::text as id, g.observed_on::text as observed_on, g.ref_no, g.label
    from (${source(by, f.activityId)}) g
    where g.key = ${groupKey} ${seek}
    order by ${order} limit ${limit}`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    observedOn: x.observed_on,
    refNo: x.ref_no,
    groupLabel: x.label,
  }));
}

/** How many records one group holds. */
export async function countEvidenceGroup(
  db: Kysely<DB>,
  f: EvidenceFilter,
  by: EvidenceGroupKey,
  groupKey: string,
): Promise<number> {
  const base = filtered(db, f);
  if (!base) return 0;
  const r = await sql<{ n: number }>`
    with m as (${base.select(groupedColumns)})
    select count(*)::int as n from (${source(by, f.activityId)}) g
    where g.key = ${groupKey}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
