// Kysely table types of action plans, monitoring views and reform programmes (migration
// 2026-12-07T1200_action_plans).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;
type Strings = ColumnType<string[], string[] | undefined, string[]>;

/** The plan's items as stored (domain/action-plans/action-plan.ts#PlanItem). */
export type StoredPlanItems = unknown[];

export interface ActionPlanDraftTable {
  activity_id: string;
  la_id: string;
  items: JSONColumnType<StoredPlanItems>;
  based_on_version: number | null;
  updated_by: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
}

export interface ActionPlanVersionTable {
  id: Generated<string>;
  activity_id: string;
  la_id: string;
  version: number;
  items: JSONColumnType<StoredPlanItems>;
  submitted_at: CreatedAt;
  submitted_by: string | null;
  submitted_by_label: string;
  response: 'acknowledged' | 'returned' | null;
  responded_at: Date | null;
  responded_by: string | null;
  responded_by_label: string | null;
  response_comment: string | null;
}

export interface MonitoringViewTable {
  id: Generated<string>;
  visit_id: string;
  plan_activity_id: string;
  item_key: string;
  view: 'progress' | 'no_progress' | 'worse';
  reason: string;
  evidence_ids: Strings;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Timestamp;
}

export interface ReformProgrammeTable {
  id: Generated<string>;
  la_id: string;
  name: string;
  aims: string;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  keywords: Strings;
  updated_by: string | null;
  updated_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActionPlanTables {
  action_plan_drafts: ActionPlanDraftTable;
  action_plan_versions: ActionPlanVersionTable;
  monitoring_views: MonitoringViewTable;
  reform_programmes: ReformProgrammeTable;
}
