// Kysely table types of the data-used view log and the LA's burden
// (migration 2026-12-07T1250_burden_and_data_used).
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface AnnexAIndicatorViewTable {
  activity_id: string;
  user_id: string;
  indicator_key: string;
  viewed_on: DateOnly;
  first_viewed_at: Timestamp;
}

export interface LaBurdenEffortTable {
  activity_id: string;
  kind: 'data_preparation' | 'meetings' | 'case_discussions' | 'factual_accuracy' | 'other';
  link_person_hours: number;
  staff_days: number;
  note: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Timestamp;
}

export interface BurdenTables {
  annex_a_indicator_views: AnnexAIndicatorViewTable;
  la_burden_efforts: LaBurdenEffortTable;
}
