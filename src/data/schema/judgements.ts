// Kysely table types of judgements (migration 2026-11-23T0920_judgements).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface StoredLink {
  kind: 'coding' | 'evidence' | 'line_of_enquiry';
  id: string;
  direction: 'strength' | 'weakness';
}

export interface StoredTheme {
  judgementKey: string;
  direction: 'strength' | 'weakness' | 'mixed';
  text: string;
  indicatedGrade: string | null;
}

export interface JudgementSetTable {
  activity_id: string;
  stage: Generated<string>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface JudgementStageChangeTable {
  /** bigserial: int8 is read as a number (type-parsers.ts). */
  id: Generated<number>;
  activity_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  changed_by: string | null;
  changed_by_label: string;
  changed_at: CreatedAt;
}

export interface JudgementTable {
  id: Generated<string>;
  activity_id: string;
  judgement_key: string;
  grade: string | null;
  position: string | null;
  nearness: Generated<string>;
  context: Generated<string>;
  narrative: Generated<string>;
  criteria_met: TextArray;
  criteria_not_met: TextArray;
  evidence_links: JSONColumnType<StoredLink[], string | undefined, string>;
  aggregation_reason: string | null;
  aggregation_rules: TextArray;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
}

export interface JudgementChangeTable {
  /** bigserial: int8 is read as a number (type-parsers.ts). */
  id: Generated<number>;
  activity_id: string;
  judgement_key: string;
  stage: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  evidence_links: JSONColumnType<StoredLink[], string | undefined, string>;
  changed_by: string | null;
  changed_by_label: string;
  changed_at: CreatedAt;
}

export interface ProvisionalViewTable {
  activity_id: string;
  judgement_key: string;
  user_id: string;
  user_label: string;
  grade: string;
  position: string;
  note: Generated<string>;
  updated_at: Timestamp;
}

/** A sampled case rated for a judgement area by the inspector who looked at it (2026-12-07T0010). */
export interface CaseRatingTable {
  id: Generated<string>;
  activity_id: string;
  sample_case_id: string;
  judgement_key: string;
  rater_id: string;
  rater_label: string;
  grade: string;
  criteria_met: TextArray;
  criteria_not_met: TextArray;
  note: Generated<string>;
  rated_at: Timestamp;
}

export interface JudgementPanelMemberTable {
  activity_id: string;
  user_id: string;
  assigned_by_label: string;
  assigned_at: CreatedAt;
}

export interface JudgementPanelCommentTable {
  id: Generated<string>;
  activity_id: string;
  judgement_key: string | null;
  kind: 'comment' | 'challenge';
  text: string;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  response: string | null;
  responded_by_label: string | null;
  responded_at: Date | null;
}

export interface FeedbackEntryTable {
  id: Generated<string>;
  activity_id: string;
  kind: 'keeping_in_touch' | 'final_feedback';
  held_on: DateOnly;
  present: string;
  summary: Generated<string>;
  themes: JSONColumnType<StoredTheme[], string | undefined, string>;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: CreatedAt;
}

export interface DivergenceExplanationTable {
  activity_id: string;
  flag_key: string;
  explanation: string;
  explained_by: string | null;
  explained_by_label: string;
  explained_at: Timestamp;
}

export interface JudgementTables {
  judgement_sets: JudgementSetTable;
  judgement_stage_changes: JudgementStageChangeTable;
  judgements: JudgementTable;
  judgement_changes: JudgementChangeTable;
  provisional_views: ProvisionalViewTable;
  case_ratings: CaseRatingTable;
  judgement_panel_members: JudgementPanelMemberTable;
  judgement_panel_comments: JudgementPanelCommentTable;
  feedback_entries: FeedbackEntryTable;
  divergence_explanations: DivergenceExplanationTable;
}
