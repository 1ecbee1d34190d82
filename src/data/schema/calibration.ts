// Kysely table types of calibration and double coding (migration 2026-12-07T0240_calibration).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Set when written; changed only to date the demo's past exercise (calibration-dates.ts). */
type DatedAt = ColumnType<Date, Date | string | undefined, Date>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CalibrationVignetteTable {
  id: Generated<string>;
  title: string;
  body: string;
  framework_id: string;
  judgement_key: string;
  criteria: TextArray;
  reference_grade: string;
  panel_note: Generated<string>;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Timestamp;
  retired_at: Date | null;
}

export interface CalibrationExerciseTable {
  id: Generated<string>;
  title: string;
  region: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: DatedAt;
}

export interface CalibrationExerciseVignetteTable {
  exercise_id: string;
  vignette_id: string;
  position: number;
}

export interface CalibrationParticipantTable {
  exercise_id: string;
  user_id: string;
  user_label: string;
  region: string | null;
  invited_at: DatedAt;
  submitted_at: Date | null;
}

export interface CalibrationRatingTable {
  exercise_id: string;
  vignette_id: string;
  user_id: string;
  grade: string;
  rationale: Generated<string>;
  rated_at: Timestamp;
}

export interface CalibrationNoteTable {
  id: Generated<string>;
  exercise_id: string;
  vignette_id: string;
  author_id: string | null;
  author_label: string;
  note: string;
  created_at: DatedAt;
}

export interface DoubleCodingAssignmentTable {
  id: Generated<string>;
  activity_id: string;
  title: string;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface DoubleCodingRecordTable {
  assignment_id: string;
  evidence_id: string;
  evidence_version: number;
  reconciled_by: string | null;
  reconciled_by_label: string | null;
  reconciled_at: Date | null;
}

export interface DoubleCodingCoderTable {
  assignment_id: string;
  user_id: string;
  user_label: string;
  finished_at: Date | null;
}

export interface DoubleCodingTable {
  id: Generated<string>;
  assignment_id: string;
  evidence_id: string;
  coder_id: string;
  code_id: string;
  start_pos: number;
  end_pos: number;
  span_text: string;
  created_at: CreatedAt;
}

export interface CalibrationTables {
  calibration_vignettes: CalibrationVignetteTable;
  calibration_exercises: CalibrationExerciseTable;
  calibration_exercise_vignettes: CalibrationExerciseVignetteTable;
  calibration_participants: CalibrationParticipantTable;
  calibration_ratings: CalibrationRatingTable;
  calibration_notes: CalibrationNoteTable;
  double_coding_assignments: DoubleCodingAssignmentTable;
  double_coding_records: DoubleCodingRecordTable;
  double_coding_coders: DoubleCodingCoderTable;
  double_codings: DoubleCodingTable;
}
