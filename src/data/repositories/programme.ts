// The programme's plans: saved solver runs with their placements and teams, the published versions
// of each region's programme, and the activities a publication created.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';

export type PlacementTeamRole = 'lead' | 'inspector' | 'specialist' | 'qam';

export interface StoredTeamMember {
  inspectorId: string;
  name: string;
  teamRole: PlacementTeamRole;
  homeRegion: string;
}

/** What a placement says of itself: the rules that bind it and the soft costs it carries. */
export interface PlacementExplanation {
  typeLabel: string;
  binding: string[];
  costs: { rule: string; amount: number; cost: number; detail: string }[];
}

export interface StoredPlacement {
  id: string;
  laId: string;
  laName: string;
  laRegion: string | null;
  activityType: string;
  ordinal: number;
  week: number;
  start: string;
  end: string;
  team: StoredTeamMember[];
  explanation: PlacementExplanation;
}

export interface ProgrammeRunRecord {
  id: string;
  region: string;
  start: string;
  weeks: number;
  inputsHash: string;
  options: Record<string, unknown>;
  status: 'optimal' | 'time_limit' | 'infeasible' | 'no_plan_in_time' | 'error';
  solverStatus: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  summary: Record<string, unknown>;
  parentRunId: string | null;
  createdBy: string | null;
  createdByLabel: string;
  createdAt: Date;
  placementCount: number;
  /** The version of the region's programme this run was published as (latest, if several). */
  publishedVersion: number | null;
}

export type NewProgrammeRun = Omit<
  ProgrammeRunRecord,
  'id' | 'createdAt' | 'placementCount' | 'publishedVersion'
>;
export type NewPlacement = Omit<StoredPlacement, 'id' | 'laName' | 'laRegion'>;

/** Saves a run and its placements with their teams (inside the caller's transaction). */
export async function insertProgrammeRun(
  db: Kysely<DB>,
  run: NewProgrammeRun,
  placements: NewPlacement[],
): Promise<string> {
  const { id } = await db
    .insertInto('programme_runs')
    .values({
      region: run.region,
      start_date: run.start,
      weeks: run.weeks,
      inputs_hash: run.inputsHash,
      options: JSON.stringify(run.options),
      status: run.status,
      solver_status: run.solverStatus,
      objective: run.objective,
      bound: run.bound,
      gap: run.gap,
      seconds: run.seconds,
      summary: JSON.stringify(run.summary),
      parent_run_id: run.parentRunId,
      created_by: run.createdBy,
      created_by_label: run.createdByLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const p of placements) {
    const row = await db
      .insertInto('programme_placements')
      .values({
        run_id: id,
        la_id: p.laId,
        activity_type: p.activityType,
        ordinal: p.ordinal,
        week: p.week,
        start_date: p.start,
        end_date: p.end,
        explanation: JSON.stringify(p.explanation),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p.team.length > 0)
      await db
        .insertInto('programme_placement_team')
        .values(
          p.team.map((m) => ({
            placement_id: row.id,
            inspector_id: m.inspectorId,
            name: m.name,
            team_role: m.teamRole,
            home_region: m.homeRegion,
          })),
        )
        .execute();
  }
  return id;
}

function runsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('programme_runs as r')
    .selectAll('r')
    .select((eb) => [
      eb
        .selectFrom('programme_placements as p')
        .whereRef('p.run_id', '=', 'r.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('placement_count'),
      eb
        .selectFrom('programme_publications as pub')
        .whereRef('pub.run_id', '=', 'r.id')
        .select((e) => e.fn.max('pub.version').as('v'))
        .as('published_version'),
    ]);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof runsQuery>['executeTakeFirstOrThrow']>>;

function toRun(r: RunRow): ProgrammeRunRecord {
  return {
    id: r.id,
    region: r.region,
    start: r.start_date,
    weeks: r.weeks,
    inputsHash: r.inputs_hash,
    options: r.options,
    status: r.status,
    solverStatus: r.solver_status,
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    seconds: r.seconds,
    summary: r.summary,
    parentRunId: r.parent_run_id,
    createdBy: r.created_by,
    createdByLabel: r.created_by_label,
    createdAt: r.created_at,
    placementCount: Number(r.placement_count ?? 0),
    publishedVersion: r.published_version === null ? null : Number(r.published_version),
  };
}

/** Runs, newest first: of one region (or England), or of all. */
export async function listProgrammeRuns(
  db: Kysely<DB>,
  f: { region?: string; limit?: number } = {},
): Promise<ProgrammeRunRecord[]> {
  let q = runsQuery(db);
  if (f.region) q = q.where('r.region', '=', f.region);
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(f.limit ?? 200)
    .execute();
  return rows.map(toRun);
}

export async function findProgrammeRun(
  db: Kysely<DB>,
  id: string,
): Promise<ProgrammeRunRecord | null> {
  if (!isUuid(id)) return null;
  const row = await runsQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** A run's placements in week order, each with its team (lead first). */
export async function listRunPlacements(db: Kysely<DB>, runId: string): Promise<StoredPlacement[]> {
  const rows = await db
    .selectFrom('programme_placements as p')
    .innerJoin('local_authorities as la', 'la.id', 'p.la_id')
    .select([
      'p.id',
      'p.la_id',
      'la.name as la_name',
      'la.ofsted_region',
      'p.activity_type',
      'p.ordinal',
      'p.week',
      'p.start_date',
      'p.end_date',
      'p.explanation',
    ])
    .where('p.run_id', '=', runId)
    .orderBy('p.week')
    .orderBy('la.name')
    .orderBy('p.activity_type')
    .execute();
  const team =
    rows.length === 0
      ? []
      : await db
          .selectFrom('programme_placement_team')
          .selectAll()
          .where(
            'placement_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
  const rank = { lead: 0, qam: 1, inspector: 2, specialist: 3 } as const;
  return rows.map((r) => ({
    id: r.id,
    laId: r.la_id,
    laName: r.la_name,
    laRegion: r.ofsted_region,
    activityType: r.activity_type,
    ordinal: r.ordinal,
    week: r.week,
    start: r.start_date,
    end: r.end_date,
    explanation: r.explanation as unknown as PlacementExplanation,
    team: team
      .filter((m) => m.placement_id === r.id)
      .sort((a, b) => rank[a.team_role] - rank[b.team_role] || a.name.localeCompare(b.name))
      .map((m) => ({
        inspectorId: m.inspector_id,
        name: m.name,
        teamRole: m.team_role,
        homeRegion: m.home_region,
      })),
  }));
}

export interface ProgrammePublication {
  id: string;
  region: string;
  version: number;
  runId: string;
  publishedByLabel: string;
  publishedAt: Date;
}

/** The region's latest published version (null: never published). */
export async function latestPublication(
  db: Kysely<DB>,
  region: string,
): Promise<ProgrammePublication | null> {
  const r = await db
    .selectFrom('programme_publications')
    .selectAll()
    .where('region', '=', region)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        region: r.region,
        version: r.version,
        runId: r.run_id,
        publishedByLabel: r.published_by_label,
        publishedAt: r.published_at,
      }
    : null;
}

export async function insertPublication(
  db: Kysely<DB>,
  p: { region: string; version: number; runId: string; by: string | null; byLabel: string },
): Promise<string> {
  const row = await db
    .insertInto('programme_publications')
    .values({
      region: p.region,
      version: p.version,
      run_id: p.runId,
      published_by: p.by,
      published_by_label: p.byLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkPublishedActivity(
  db: Kysely<DB>,
  publicationId: string,
  placementId: string,
  activityId: string,
): Promise<void> {
  await db
    .insertInto('programme_published_activities')
    .values({ publication_id: publicationId, placement_id: placementId, activity_id: activityId })
    .execute();
}

export interface PublishedActivityLink {
  placementId: string;
  activityId: string;
  laId: string;
  activityType: string;
  ordinal: number;
  state: string;
  version: number;
}

/** The activities a publication created or carried, with their current state. */
export async function listPublishedActivities(
  db: Kysely<DB>,
  publicationId: string,
): Promise<PublishedActivityLink[]> {
  const rows = await db
    .selectFrom('programme_published_activities as l')
    .innerJoin('programme_placements as p', 'p.id', 'l.placement_id')
    .innerJoin('activities as a', 'a.id', 'l.activity_id')
    .select([
      'l.placement_id',
      'l.activity_id',
      'p.la_id',
      'p.activity_type',
      'p.ordinal',
      'a.state',
      'a.version',
    ])
    .where('l.publication_id', '=', publicationId)
    .execute();
  return rows.map((r) => ({
    placementId: r.placement_id,
    activityId: r.activity_id,
    laId: r.la_id,
    activityType: r.activity_type,
    ordinal: r.ordinal,
    state: r.state,
    version: r.version,
  }));
}

/** Ids of activities created by a programme publication and still planned (not started). */
export async function listProgrammePlannedActivityIds(
  db: Kysely<DB>,
  laIds: string[],
): Promise<Set<string>> {
  if (laIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('programme_published_activities as l')
    .innerJoin('activities as a', 'a.id', 'l.activity_id')
    .select('a.id')
    .where('a.la_id', 'in', laIds)
    .where('a.state', '=', 'planned')
    .execute();
  return new Set(rows.map((r) => r.id));
}
