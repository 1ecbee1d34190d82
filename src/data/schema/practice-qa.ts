// Kysely table types of practice quality assurance and the strengths fed back tracked to the
// report (migration 2026-12-07T1640_practice_qa).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface PracticeObservationTable {
  id: Generated<string>;
  activity_id: string;
  inspector_id: string;
  observer_id: string | null;
  observer_label: string;
  observer_role: string;
  prompt_set_id: string;
  observed_on: DateOnly;
  setting: string;
  development_points: Generated<string>;
  response: string | null;
  acknowledged_at: Timestamp | null;
  recorded_at: Generated<Date>;
}

export interface PracticeObservationRatingTable {
  observation_id: string;
  prompt_key: string;
  rating: string;
  comment: Generated<string>;
}

export interface FedBackStrengthTrackingTable {
  activity_id: string;
  strength_key: string;
  section_key: string | null;
  paragraph_index: number | null;
  paragraph_text: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_by_label: string;
  decided_at: Generated<Date>;
}

export interface PracticeQaTables {
  practice_observations: PracticeObservationTable;
  practice_observation_ratings: PracticeObservationRatingTable;
  fed_back_strength_tracking: FedBackStrengthTrackingTable;
}
