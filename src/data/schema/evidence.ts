// Kysely table types of the evidence base and its coding (migration 2026-11-23T0720_evidence).
// Offsets (codings.start_pos/end_pos) are Unicode code points, 0-based, end exclusive, as
// REFI-QDA requires; PostgreSQL's substr()/char_length() count the same units.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CaseTable {
  id: Generated<string>;
  /** REFI Case @guid. */
  guid: Generated<string>;
  activity_id: string;
  kind: 'child' | 'practitioner' | 'team';
  /** Pseudonymous reference, unique per activity and kind (case-insensitive). */
  reference: string;
  description: string | null;
  /** Typed attributes; the schema per kind is in src/domain/evidence/case-attributes.ts. */
  attributes: JSONColumnType<Record<string, string | number | boolean>>;
  version: Generated<number>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LineOfEnquiryTable {
  id: Generated<string>;
  guid: Generated<string>;
  activity_id: string;
  title: string;
  description: string | null;
  status: Generated<'open' | 'exploring' | 'closed'>;
  conclusion: string | null;
  /** Where it came from: 'data', 'inspector', 'self_evaluation', ... (free key). */
  source: Generated<string>;
  judgement_areas: TextArray;
  version: Generated<number>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EvidenceRecordTable {
  id: Generated<string>;
  /** REFI TextSource @guid. */
  guid: Generated<string>;
  activity_id: string;
  /** Human reference within the activity: E1, E2, ... */
  ref_no: number;
  /** Current version; every version is kept in evidence_versions. */
  version: Generated<number>;
  text: string;
  method: string;
  /** The day the evidence was gathered (views by day use this). */
  observed_on: DateOnly;
  child_case_id: string | null;
  practitioner_case_id: string | null;
  team_case_id: string | null;
  locality: string | null;
  line_of_enquiry_id: string | null;
  /** Judgement keys of the activity's framework. */
  judgement_areas: TextArray;
  minutes_spent: number | null;
  child_voice: Generated<boolean>;
  lived_experience: Generated<boolean>;
  direction: string | null;
  consent_info_sheet_given: boolean | null;
  consent_given: boolean | null;
  consent_given_by: string | null;
  source_kind: Generated<string>;
  source_file: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Timestamp;
  updated_by: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_label: string | null;
  deleted_reason: string | null;
  /**
   * Generated: to_tsvector('english', text). Query with websearch_to_tsquery('english', q). The
   * database declares a generated column nullable, so the type says so too.
   */
  search: ColumnType<string | null, never, never>;
}

export interface EvidenceVersionTable {
  evidence_id: string;
  version: number;
  text: string;
  /** Every other field of the record as it was at this version (camelCase keys). */
  fields: JSONColumnType<Record<string, unknown>>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface CodeTable {
  id: Generated<string>;
  /** REFI Code @guid. */
  guid: Generated<string>;
  activity_id: string;
  parent_id: string | null;
  name: string;
  description: string | null;
  /** '#rrggbb', lower case. */
  colour: string | null;
  /** REFI Code @isCodable: false for folders (the framework's judgement areas). */
  is_codable: Generated<boolean>;
  source: 'framework' | 'emergent' | 'imported';
  /** The judgement key (folders) or criterion key (codes) it was seeded from. */
  framework_key: string | null;
  sort_order: Generated<number>;
  /** Set when merged into another code; merged codes are tombstones, hidden from lists. */
  merged_into_id: string | null;
  merged_at: Date | null;
  /** Codings on live evidence, kept by triggers (migration 2026-11-23T1000_code_counts). */
  coding_count: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CodingTable {
  id: Generated<string>;
  /** REFI Coding @guid. */
  guid: Generated<string>;
  activity_id: string;
  evidence_id: string;
  /** The evidence version whose text the offsets refer to. */
  evidence_version: number;
  code_id: string;
  /** Code points, 0-based, inclusive. */
  start_pos: number;
  /** Code points, 0-based, exclusive. */
  end_pos: number;
  /** The coded text (denormalised for queries, exports and re-anchoring). */
  span_text: string;
  /** 'ok'; 'moved' when re-anchored after an edit; 'lost' when its text was changed. */
  anchor_status: Generated<'ok' | 'moved' | 'lost'>;
  coder_id: string | null;
  coder_label: string;
  created_at: CreatedAt;
}

export type MemoTargetType =
  'activity' | 'evidence' | 'code' | 'coding' | 'case' | 'line_of_enquiry';

export interface MemoTable {
  id: Generated<string>;
  /** REFI Note @guid. */
  guid: Generated<string>;
  activity_id: string;
  target_type: MemoTargetType;
  /** null for memos on the activity itself. */
  target_id: string | null;
  title: string | null;
  text: string;
  version: Generated<number>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Tables of the evidence migration. */
export interface EvidenceTables {
  cases: CaseTable;
  lines_of_enquiry: LineOfEnquiryTable;
  evidence_records: EvidenceRecordTable;
  evidence_versions: EvidenceVersionTable;
  codes: CodeTable;
  codings: CodingTable;
  memos: MemoTable;
}
