// Kysely table types of Annex A (migration 2026-11-23T0750_annex_a). The keys of
// annex_a_rows.data per list are documented in docs/annex-a.md and declared in
// src/domain/annex-a/lists.ts.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface AnnexASettingsTable {
  activity_id: string;
  /** Hex HMAC key; null once purged (pseudonyms can no longer be recomputed). */
  pseudonym_key: string | null;
  retain_until: DateOnly;
  purged_at: Date | null;
  updated_at: Timestamp;
}

export interface AnnexAImportTable {
  id: Generated<string>;
  activity_id: string;
  file_name: string;
  file_sha256: string;
  file_size: ColumnType<number, number, number>;
  format: 'xlsx' | 'ods' | 'csv';
  layout: '2019' | '2023';
  reference_date: DateOnly;
  status: 'staging' | 'current' | 'superseded' | 'purged';
  accepted_flagged: Generated<boolean>;
  row_count: number;
  flagged_rows: number;
  error_count: number;
  query_count: number;
  summary: JSONColumnType<Record<string, unknown>>;
  issues: JSONColumnType<unknown[]>;
  imported_by: string | null;
  imported_by_label: string;
  imported_at: Timestamp;
  superseded_by: string | null;
  superseded_at: Date | null;
  purged_at: Date | null;
}

export interface AnnexARowTable {
  import_id: string;
  activity_id: string;
  list_no: number;
  row_no: number;
  /** Pseudonymous child reference (C-...) for lists 1-10; null for List 11 (adopters). */
  child_ref: string | null;
  data: JSONColumnType<Record<string, string | number | boolean | null>>;
  extra: JSONColumnType<Record<string, string> | null>;
  flags: JSONColumnType<
    { field: string | null; rule: string; severity: 'error' | 'query' }[] | null
  >;
  severity: 'error' | 'query' | null;
}

/** Tables of the Annex A migration. */
export interface AnnexATables {
  annex_a_settings: AnnexASettingsTable;
  annex_a_imports: AnnexAImportTable;
  annex_a_rows: AnnexARowTable;
}
