// Kysely table types of self-evaluations and engagement meetings (migration
// 2026-12-07T0200_self_evaluation).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;
type Uuids = ColumnType<string[], string[] | undefined, string[]>;

/** One of the framework's questions with the LA's answer, as stored. */
export interface StoredAnswer {
  question: string;
  answer: string;
}

/** One agenda item; `ref` names what it was drawn from (`self_evaluation:<id>`, `intelligence:<id>`). */
export interface StoredAgendaItem {
  text: string;
  ref: string | null;
}

export interface StoredAction {
  action: string;
  owner: string;
  dueOn: string | null;
}

export interface SelfEvaluationFileTable {
  id: Generated<string>;
  la_id: string;
  section: 'improvement_plan' | 'reform_programme' | 'other';
  file_name: string;
  media_type: string;
  declared_type: string | null;
  size_bytes: number;
  sha256: string;
  scan_status: 'clean' | 'not_scanned';
  scan_detail: string | null;
  uploaded_by: string | null;
  uploaded_by_label: string;
  uploaded_at: CreatedAt;
  bytes: Uint8Array;
}

export interface SelfEvaluationDraftTable {
  la_id: string;
  framework_id: string;
  answers: JSONColumnType<StoredAnswer[]>;
  improvement_plan: Generated<string>;
  reform_programme: Generated<string>;
  file_ids: Uuids;
  based_on_version: number | null;
  updated_by: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
}

export interface SelfEvaluationTable {
  id: Generated<string>;
  la_id: string;
  version: number;
  framework_id: string;
  answers: JSONColumnType<StoredAnswer[]>;
  improvement_plan: Generated<string>;
  reform_programme: Generated<string>;
  file_ids: Uuids;
  submitted_on: DateOnly;
  submitted_at: CreatedAt;
  submitted_by: string | null;
  submitted_by_label: string;
  intelligence_entry_id: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_label: string | null;
  acknowledgement_note: string | null;
}

export interface EngagementMeetingTable {
  id: Generated<string>;
  la_id: string;
  year: number;
  meeting_on: DateOnly;
  attendees: ColumnType<string[], string[] | undefined, string[]>;
  agenda: JSONColumnType<StoredAgendaItem[]>;
  notes: Generated<string>;
  actions: JSONColumnType<StoredAction[]>;
  self_evaluation_id: string | null;
  intelligence_entry_id: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  updated_at: Timestamp;
  released_notes: string | null;
  released_actions: JSONColumnType<StoredAction[] | null, string | null, string | null>;
  released_at: Date | null;
  released_by_label: string | null;
  release_count: Generated<number>;
}

export interface SelfEvaluationTables {
  self_evaluation_files: SelfEvaluationFileTable;
  self_evaluation_drafts: SelfEvaluationDraftTable;
  self_evaluations: SelfEvaluationTable;
  engagement_meetings: EngagementMeetingTable;
}
