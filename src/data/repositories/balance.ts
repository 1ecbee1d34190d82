// The facts behind the balance and bias views: one row per evidence record and judgement area it
// is filed under (a record under two areas counts for both), with the method, direction, day,
// voice flags and who and where it concerns; and what the activity knows of (teams, localities,
// practitioners, sampled children's cases).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface BalanceRow {
  area: string;
  method: string;
  direction: string | null;
  observedOn: string;
  childVoice: boolean;
  livedExperience: boolean;
  team: string | null;
  practitioner: string | null;
  childCaseId: string | null;
  locality: string | null;
  cohort: string | null;
}

export async function balanceRows(db: Kysely<DB>, activityId: string): Promise<BalanceRow[]> {
  const r = await sql<{
    area: string;
    method: string;
    direction: string | null;
    observed_on: string;
    child_voice: boolean;
    lived_experience: boolean;
    team: string | null;
    practitioner: string | null;
    child_case_id: string | null;
    locality: string | null;
    cohort: string | null;
  }>`
    select a.area, e.method, e.direction, e.observed_on, e.child_voice, e.lived_experience,
           tc.reference as team, pc.reference as practitioner, e.child_case_id,
           nullif(trim(coalesce(e.locality, tc.attributes ->> 'locality')), '') as locality,
           cc.attributes ->> 'cohort' as cohort
    from evidence_records e
    cross join lateral unnest(e.judgement_areas) as a(area)
    left join cases tc on tc.id = e.team_case_id
    left join cases pc on pc.id = e.practitioner_case_id
    left join cases cc on cc.id = e.child_case_id
    where e.activity_id = ${activityId} and e.deleted_at is null`.execute(db);
  return r.rows.map((x) => ({
    area: x.area,
    method: x.method,
    direction: x.direction,
    observedOn: x.observed_on,
    childVoice: x.child_voice,
    livedExperience: x.lived_experience,
    team: x.team,
    practitioner: x.practitioner,
    childCaseId: x.child_case_id,
    locality: x.locality,
    cohort: x.cohort,
  }));
}

export interface ActivityReach {
  teams: number;
  practitioners: number;
  localities: number;
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
    select
      (select count(*)::int from cases where activity_id = ${activityId} and kind = 'team') as teams,
      (select count(*)::int from cases where activity_id = ${activityId} and kind = 'practitioner') as practitioners,
      (select count(*)::int from cases where activity_id = ${activityId} and kind = 'child') as children,
      (select count(distinct lower(l))::int from (
         select nullif(trim(locality), '') as l from evidence_records
         where activity_id = ${activityId} and deleted_at is null
         union all
         select nullif(trim(attributes ->> 'locality'), '') from cases
         where activity_id = ${activityId} and kind = 'team') x where l is not null) as localities,
      (select array_agg(d order by d) from (
         select distinct observed_on::text as d from evidence_records
         where activity_id = ${activityId} and deleted_at is null) y) as days`.execute(db);
  const x = r.rows[0];
  return {
    teams: x?.teams ?? 0,
    practitioners: x?.practitioners ?? 0,
    localities: x?.localities ?? 0,
    sampledChildren: x?.children ?? 0,
    days: x?.days ?? [],
  };
}
