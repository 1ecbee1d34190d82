// Kysely table types of inspectors' profiles, absences and conflicts of interest (migration
// 2026-12-07T1000_inspector_profiles).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface InspectorProfileTable {
  user_id: string;
  inspector_role: 'hmi' | 'senior_hmi' | 'regulatory_inspector' | 'education_inspector';
  home_region: string;
  working_days: ColumnType<string[], string[] | undefined, string[]>;
  lead_qualified: Generated<boolean>;
  max_site_weeks_per_quarter: Generated<number>;
  preparation_days: number | null;
  note: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InspectorAbsenceTable {
  id: Generated<string>;
  user_id: string;
  kind: 'leave' | 'training' | 'other';
  starts_on: DateOnly;
  ends_on: DateOnly;
  note: string | null;
  recorded_by_label: string;
  created_at: CreatedAt;
}

export interface InspectorConflictTable {
  id: Generated<string>;
  user_id: string;
  la_id: string;
  reason: 'worked_in' | 'lives_in' | 'other';
  detail: string | null;
  from_date: DateOnly | null;
  to_date: DateOnly | null;
  recorded_by_label: string;
  created_at: CreatedAt;
}

export interface InspectorTables {
  inspector_profiles: InspectorProfileTable;
  inspector_absences: InspectorAbsenceTable;
  inspector_conflicts: InspectorConflictTable;
}
