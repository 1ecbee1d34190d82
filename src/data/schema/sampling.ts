// Kysely table types of case sampling (migration 2026-11-23T0910_sampling).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface SampleLaAuditTable {
  activity_id: string;
  /** Pseudonymous child reference (C-...), as in annex_a_rows. */
  child_ref: string;
  added_by: string | null;
  added_by_label: string;
  added_at: Timestamp;
}

export interface SampleDrawTable {
  id: Generated<string>;
  activity_id: string;
  import_id: string | null;
  reference_date: DateOnly;
  seed: ColumnType<number, number, number>;
  spec: JSONColumnType<Record<string, unknown>>;
  /** Counts per cohort: total, per stratifier value, per locality. */
  population: JSONColumnType<Record<string, unknown>>;
  /** Per spec entry: strata with population, quota and cases drawn; the shortfall. */
  outcome: JSONColumnType<unknown[]>;
  status: 'current' | 'replaced';
  drawn_by: string | null;
  drawn_by_label: string;
  drawn_at: Timestamp;
  replaced_at: Date | null;
}

export interface SampleCaseTable {
  id: Generated<string>;
  activity_id: string;
  draw_id: string | null;
  cohort: string;
  child_ref: string;
  case_id: string | null;
  case_created: Generated<boolean>;
  line_of_enquiry_id: string | null;
  entry_route: 'advance' | 'on_site' | 'social_worker' | 'la_audit';
  stratum: string | null;
  criteria: string | null;
  remote: Generated<boolean>;
  /** Stratifier values and locality at the time the case entered the sample. */
  attributes: JSONColumnType<Record<string, string>>;
  added_by: string | null;
  added_by_label: string;
  added_at: Timestamp;
  removed_at: Date | null;
  removed_by_label: string | null;
  removal_reason: string | null;
}

/** Tables of the sampling migration. */
export interface SamplingTables {
  sample_la_audits: SampleLaAuditTable;
  sample_draws: SampleDrawTable;
  sample_cases: SampleCaseTable;
}
