// Kysely table types of consistency panels across inspections (migration
// 2026-12-07T0250_consistency_panels).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface ConsistencyPanelTable {
  id: Generated<string>;
  title: string;
  region: string | null;
  period_kind: string;
  period_start: DateOnly;
  period_end: DateOnly;
  convened_by: string | null;
  convened_by_label: string;
  convened_at: CreatedAt;
}

export interface ConsistencyPanelMemberTable {
  panel_id: string;
  user_id: string;
  added_by_label: string;
  added_at: CreatedAt;
}

export interface ConsistencyPanelViewTable {
  id: Generated<string>;
  panel_id: string;
  activity_id: string;
  judgement_key: string | null;
  outcome: string;
  reasons: Generated<string>;
  panel_comment_id: string | null;
  recorded_by: string;
  recorded_by_label: string;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ConsistencyTables {
  consistency_panels: ConsistencyPanelTable;
  consistency_panel_members: ConsistencyPanelMemberTable;
  consistency_panel_views: ConsistencyPanelViewTable;
}
