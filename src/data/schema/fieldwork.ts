// Kysely table types of the fieldwork plan (migration 2026-12-07T1620_fieldwork_plans).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;
type Status = 'planned' | 'done' | 'cancelled';

export interface FieldworkExpectationsTable {
  activity_id: string;
  remote_share_max_percent: number;
  minutes_per_case: number;
  observation_mode: 'designated_observer' | 'day_per_inspector';
  designated_observer_id: string | null;
  updated_by: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
}

export interface FieldworkCaseVisitTable {
  id: Generated<string>;
  activity_id: string;
  sample_case_id: string;
  inspector_id: string;
  social_worker_ref: string | null;
  social_worker_role: string | null;
  planned_at: Date | null;
  mode: 'in_person' | 'remote';
  status: Generated<Status>;
  minutes_spent: number | null;
  planned_joint: Generated<boolean>;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FieldworkConversationTable {
  id: Generated<string>;
  activity_id: string;
  with_whom: 'child' | 'young_person' | 'parent' | 'carer';
  service_area: string;
  sample_case_id: string | null;
  inspector_id: string;
  planned_on: DateOnly | null;
  info_sheet: Generated<'not_given' | 'given'>;
  consent: Generated<'not_asked' | 'given' | 'declined'>;
  status: Generated<Status>;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FieldworkObservationTable {
  id: Generated<string>;
  activity_id: string;
  kind: 'home_visit' | 'meeting' | 'conference' | 'supervision' | 'front_door' | 'other';
  description: string | null;
  observer_id: string;
  planned_on: DateOnly | null;
  status: Generated<Status>;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FieldworkTables {
  fieldwork_expectations: FieldworkExpectationsTable;
  fieldwork_case_visits: FieldworkCaseVisitTable;
  fieldwork_conversations: FieldworkConversationTable;
  fieldwork_observations: FieldworkObservationTable;
}
