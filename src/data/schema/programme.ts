// Kysely table types of the programme's plans: runs, placements, their teams, publications and
// the activities a publication created (migration 2026-12-07T1610_programme_plans).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface ProgrammeRunTable {
  id: Generated<string>;
  region: string;
  start_date: DateOnly;
  weeks: number;
  inputs_hash: string;
  options: JSONColumnType<Record<string, unknown>>;
  status: 'optimal' | 'time_limit' | 'infeasible' | 'no_plan_in_time' | 'error';
  solver_status: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  summary: JSONColumnType<Record<string, unknown>>;
  parent_run_id: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface ProgrammePlacementTable {
  id: Generated<string>;
  run_id: string;
  la_id: string;
  activity_type: string;
  ordinal: Generated<number>;
  week: number;
  start_date: DateOnly;
  end_date: DateOnly;
  explanation: JSONColumnType<Record<string, unknown>>;
}

export interface ProgrammePlacementTeamTable {
  placement_id: string;
  inspector_id: string;
  name: string;
  team_role: 'lead' | 'inspector' | 'specialist' | 'qam';
  home_region: string;
}

export interface ProgrammePublicationTable {
  id: Generated<string>;
  region: string;
  version: number;
  run_id: string;
  published_by: string | null;
  published_by_label: string;
  published_at: CreatedAt;
}

export interface ProgrammePublishedActivityTable {
  publication_id: string;
  placement_id: string;
  activity_id: string;
}

export interface ProgrammeTables {
  programme_runs: ProgrammeRunTable;
  programme_placements: ProgrammePlacementTable;
  programme_placement_team: ProgrammePlacementTeamTable;
  programme_publications: ProgrammePublicationTable;
  programme_published_activities: ProgrammePublishedActivityTable;
}
