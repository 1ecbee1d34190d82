// Kysely table types of the risk picture (migration 2026-12-07T0020_risk).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface IntelligenceEntryTable {
  id: Generated<string>;
  la_id: string;
  kind: string;
  title: string;
  summary: Generated<string>;
  source: string;
  received_on: DateOnly;
  recorded_by: string | null;
  recorded_by_label: string;
  sensitivity: Generated<string>;
  shared_with_la: Generated<boolean>;
  domain_keys: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  /** The inspection-history event this entry records (one entry per event). */
  history_id: string | null;
  /** The activity whose publication in Triangulate this entry records. */
  activity_id: string | null;
}

/** One domain's rating as stored in an assessment. */
export interface StoredRating {
  domain: string;
  rating: string;
  justification: string;
  /** Intelligence entry ids; an inspection-history outcome is `history:<id>`. */
  evidence: string[];
}

export interface RiskAssessmentTable {
  id: Generated<string>;
  la_id: string;
  version: number;
  model_id: string;
  assessed_on: DateOnly;
  author_id: string | null;
  author_label: string;
  ratings: JSONColumnType<StoredRating[]>;
  computed_level: string;
  overall_level: string;
  override_reason: string | null;
  change_reason: string;
  next_review_on: DateOnly;
  created_at: CreatedAt;
}

/** A review asked for (a publication): open while no version above after_version exists. */
export interface RiskReviewRequestTable {
  id: Generated<string>;
  la_id: string;
  requested_on: DateOnly;
  reason: string;
  activity_id: string | null;
  intelligence_entry_id: string | null;
  after_version: number;
  created_at: CreatedAt;
}

/** The week-zero item a line of enquiry was made from. */
export interface LineOfEnquirySourceTable {
  id: Generated<string>;
  line_of_enquiry_id: string;
  activity_id: string;
  source_kind: string;
  source_ref: string;
  intelligence_entry_id: string | null;
  label: string;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface RiskTables {
  intelligence_entries: IntelligenceEntryTable;
  risk_assessments: RiskAssessmentTable;
  risk_review_requests: RiskReviewRequestTable;
  line_of_enquiry_sources: LineOfEnquirySourceTable;
}
