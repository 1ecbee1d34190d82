// Kysely table types of the Annex A data profile (migration 2026-11-23T0920_annex_a_profile).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AnnexAProfileSettingsTable {
  activity_id: string;
  /** Entered by the team; null means the reference table's ONS estimate. */
  population_0_17: number | null;
  population_source: string | null;
  updated_by_label: string;
  updated_at: Timestamp;
}

export interface AnnexASefClaimTable {
  activity_id: string;
  indicator_key: string;
  claim: 'strong' | 'improving' | 'weak';
  note: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Timestamp;
}

export interface AnnexACandidateDecisionTable {
  id: Generated<string>;
  activity_id: string;
  indicator_key: string;
  decision: 'accepted' | 'dismissed';
  title: string | null;
  reason: string | null;
  line_of_enquiry_id: string | null;
  import_id: string | null;
  /** The indicator's value, numerator, denominator and benchmarks when decided. */
  figures: JSONColumnType<Record<string, unknown>>;
  decided_by: string | null;
  decided_by_label: string;
  decided_at: Timestamp;
}

export interface AnnexAProfileTables {
  annex_a_profile_settings: AnnexAProfileSettingsTable;
  annex_a_sef_claims: AnnexASefClaimTable;
  annex_a_candidate_decisions: AnnexACandidateDecisionTable;
}
