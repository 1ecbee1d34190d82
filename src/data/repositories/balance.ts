// The facts behind the balance and bias views: per judgement area, counts by method and
// direction, by day, by the child's cohort, by team, practitioner and locality; and what the
// activity knows of (teams, localities, practitioners, sampled children's cases).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** What the evidence filed under one judgement area adds up to. */
export interface AreaAggregate {
  records: number;
  childVoice: number;
  livedExperience: number;
  /** Distinct children's cases in the current sample (not every child case with evidence). */
  childCases: number;
  byMethodDirection: Array<{ method: string; direction: string | null; records: number }>;
  byDay: Map<string, number>;
  byCohort: Array<{ cohort: string; records: number; childVoice: number }>;
  teams: Map<string, number>;
  practitioners: Map<string, number>;
  /** Lower-cased. */
  localities: Map<string, number>;
}

export const emptyAggregate = (): AreaAggregate => ({
  records: 0,
  childVoice: 0,
  livedExperience: 0,
  childCases: 0,
  byMethodDirection: [],
  byDay: new Map(),
  byCohort: [],
  teams: new Map(),
  practitioners: new Map(),
  localities: new Map(),
});

/**
 * Every count the balance views need, per judgement area, in one grouped query (GROUPING SETS):
 * a record filed under two areas counts for both. GROUPING() tells the sets apart: its bits are
 * method 64, direction 32, day 16, cohort 8, team 4, practitioner 2, locality 1 (1 = not grouped).
 */
export async function balanceAggregates(
  db: Kysely<DB>,
  activityId: string,
): Promise<Map<string, AreaAggregate>> {
  // One JSON text rather than some 1,500 rows: far cheaper to transfer from the embedded engine.
  // The CTE is read twice (the grouping sets, and distinct children per area, which
  // count(distinct) inside the grouping sets would force every set to sort for), so it is
  // materialised once: one pass over the records.
  const r = await sql<{ data: string }>`
    with m as materialized (
      select a.area, e.method, e.direction, e.observed_on::text as day, e.child_voice,
             e.lived_experience, tc.reference as team, pc.reference as practitioner,
             e.child_case_id, cc.attributes ->> 'cohort' as cohort,
             lower(nullif(trim(coalesce(e.locality, tc.attributes ->> 'locality')), '')) as locality
      from evidence_records e
      cross join lateral unnest(e.judgement_areas) as a(area)
      left join cases tc on tc.id = e.team_case_id
      left join cases pc on pc.id = e.practitioner_case_id
      left join cases cc on cc.id = e.child_case_id
      where e.activity_id = ${activityId} and e.deleted_at is null
    )
    select json_build_object(
      'sets', (select coalesce(json_agg(sets), '[]') from (
        select area, method, direction, day, cohort, team, practitioner, locality,
               grouping(method, direction, day, cohort, team, practitioner, locality) as g,
               count(*)::int as records,
               (count(*) filter (where child_voice))::int as child_voice,
               (count(*) filter (where lived_experience))::int as lived
        from m
        group by grouping sets ((area, method, direction), (area, day), (area, cohort),
                                (area, team), (area, practitioner), (area, locality), (area))
      ) sets),
      'children', (select coalesce(json_agg(c), '[]') from (
        select area, count(distinct child_case_id)::int as children from m
        where child_case_id in (select case_id from sample_cases
          where activity_id = ${activityId} and removed_at is null)
        group by area
      ) c)
    )::text as data`.execute(db);
  const parsed = JSON.parse(r.rows[0]?.data ?? '{}') as {
    sets?: unknown[];
    children?: Array<{ area: string; children: number }>;
  };
  const groups = (parsed.sets ?? []) as Array<{
    area: string;
    method: string | null;
    direction: string | null;
    day: string | null;
    cohort: string | null;
    team: string | null;
    practitioner: string | null;
    locality: string | null;
    g: number;
    records: number;
    child_voice: number;
    lived: number;
  }>;
  const out = new Map<string, AreaAggregate>();
  for (const x of groups) {
    let a = out.get(x.area);
    if (!a) out.set(x.area, (a = emptyAggregate()));
    const g = Number(x.g);
    if ((g & 64) === 0)
      a.byMethodDirection.push({
        method: x.method ?? '',
        direction: x.direction,
        records: x.records,
      });
    else if ((g & 16) === 0) {
      if (x.day) a.byDay.set(x.day, x.records);
    } else if ((g & 8) === 0) {
      if (x.cohort)
        a.byCohort.push({ cohort: x.cohort, records: x.records, childVoice: x.child_voice });
    } else if ((g & 4) === 0) {
      if (x.team) a.teams.set(x.team, x.records);
    } else if ((g & 2) === 0) {
      if (x.practitioner) a.practitioners.set(x.practitioner, x.records);
    } else if ((g & 1) === 0) {
      if (x.locality) a.localities.set(x.locality, x.records);
    } else {
      a.records = x.records;
      a.childVoice = x.child_voice;
      a.livedExperience = x.lived;
    }
  }
  for (const c of parsed.children ?? []) {
    const a = out.get(c.area);
    if (a) a.childCases = c.children;
  }
  return out;
}

export interface ActivityReach {
  teams: number;
  practitioners: number;
  localities: number;
  /** Cases in the current sample (removed ones excluded), as the sample page counts them. */
  sampledChildren: number;
  /** Every day with evidence, in order. */
  days: string[];
}

/** What the activity knows of, whatever the area: the denominators of coverage. */
export async function activityReach(db: Kysely<DB>, activityId: string): Promise<ActivityReach> {
  const r = await sql<{
    teams: number;
    practitioners: number;
    children: number;
    localities: number;
    days: string[] | null;
  }>`
    with e as materialized (
      select nullif(trim(locality), '') as l, observed_on::text as d from evidence_records
      where activity_id = ${activityId} and deleted_at is null
    )
    select
      (select count(*)::int from cases where activity_id = ${activityId} and kind = 'team') as teams,
      (select count(*)::int from cases where activity_id = ${activityId} and kind = 'practitioner') as practitioners,
      (select count(distinct case_id)::int from sample_cases
       where activity_id = ${activityId} and removed_at is null and case_id is not null) as children,
      (select count(distinct lower(l))::int from (
         select l from e
         union all
         select nullif(trim(attributes ->> 'locality'), '') from cases
         where activity_id = ${activityId} and kind = 'team') x where l is not null) as localities,
      (select array_agg(distinct d order by d) from e) as days`.execute(db);
  const x = r.rows[0];
  return {
    teams: x?.teams ?? 0,
    practitioners: x?.practitioners ?? 0,
    localities: x?.localities ?? 0,
    sampledChildren: x?.children ?? 0,
    days: x?.days ?? [],
  };
}
