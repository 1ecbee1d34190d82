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

export interface RiskTables {
  intelligence_entries: IntelligenceEntryTable;
  risk_assessments: RiskAssessmentTable;
}
