// Kysely table types of the evidence analysis (migrations 2026-11-23T0740_evidence_analysis and
// 2026-11-23T0800_vignette_report_text).
// Offsets are Unicode code points, 0-based, end exclusive, like codings.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

/** What a line of enquiry or hypothesis is about: what the challenge search looks for. */
export interface EnquiryFocusTable {
  line_of_enquiry_id: string;
  activity_id: string;
  kind: Generated<'line_of_enquiry' | 'hypothesis'>;
  /** The direction the hypothesis asserts (its challenges point the other way). */
  direction: 'strength' | 'area_for_improvement' | null;
  /** The codes (criteria) it concerns. */
  code_ids: UuidArray;
  /** Text search terms (the search language of src/domain/analysis/text-query.ts). */
  search_terms: string | null;
  /** Children's cases it concerns (attribute equality), for "sampled cases not yet seen". */
  case_attributes: JSONColumnType<Record<string, string | number | boolean>>;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
}

export interface EnquiryEvidenceTable {
  id: Generated<string>;
  activity_id: string;
  line_of_enquiry_id: string;
  evidence_id: string;
  /** null with end_pos: the whole record. */
  start_pos: number | null;
  end_pos: number | null;
  span_text: string | null;
  stance: 'supports' | 'challenges';
  note: string | null;
  linked_by: string | null;
  linked_by_label: string;
  linked_at: CreatedAt;
}

export type ChallengeKind = 'opposite_direction' | 'uncoded_match' | 'unseen_case';
export type ChallengeOutcome = 'supports' | 'challenges' | 'not_relevant';

export interface ChallengeReviewTable {
  id: Generated<string>;
  activity_id: string;
  line_of_enquiry_id: string;
  item_kind: ChallengeKind;
  /** The evidence record (evidence items) or the case (unseen cases). */
  item_id: string;
  /** The version of the record that was looked at; a later edit asks for a fresh look. */
  evidence_version: number | null;
  outcome: ChallengeOutcome;
  note: string;
  reviewed_by: string | null;
  reviewed_by_label: string;
  reviewed_at: CreatedAt;
}

export type VignetteStatus = 'candidate' | 'selected' | 'rejected';

export interface VignetteTable {
  id: Generated<string>;
  activity_id: string;
  evidence_id: string;
  evidence_version: number;
  start_pos: number;
  end_pos: number;
  span_text: string;
  judgement_area: string | null;
  title: string | null;
  /** The wording for the report, rewritten without identifying details (migration 0800). */
  report_text: string | null;
  note: string | null;
  status: Generated<VignetteStatus>;
  /** Who confirmed the passage is anonymised (cleared when the text changes). */
  anonymised_by: string | null;
  anonymised_by_label: string | null;
  anonymised_at: Date | null;
  version: Generated<number>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type TeamMeetingKind = 'morning' | 'evening' | 'other';

export interface TeamMeetingTable {
  id: Generated<string>;
  activity_id: string;
  held_at: ColumnType<Date, Date | string, Date | string>;
  kind: TeamMeetingKind;
  note: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: CreatedAt;
}

/** Tables of the evidence analysis migration. */
export interface AnalysisTables {
  enquiry_focus: EnquiryFocusTable;
  enquiry_evidence: EnquiryEvidenceTable;
  challenge_reviews: ChallengeReviewTable;
  vignettes: VignetteTable;
  team_meetings: TeamMeetingTable;
}
