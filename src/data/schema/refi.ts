// Kysely table types of the REFI-QDA originals (migration 2026-12-06T1700_refi_originals).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RefiOriginalTable {
  id: Generated<string>;
  activity_id: string;
  kind: string;
  guid: string;
  local_id: string | null;
  data: ColumnType<unknown, string | null, string | null>;
  xml: string | null;
  position: number;
  import_sha256: string;
  created_at: Timestamp;
}

export interface RefiFileTable {
  id: Generated<string>;
  activity_id: string;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  created_at: Timestamp;
}

/** One import's originals, gzip'd JSON (migration 2026-12-07T1500_refi_original_sets). */
export interface RefiOriginalSetTable {
  id: Generated<string>;
  activity_id: string;
  import_sha256: string;
  elements: number;
  content: Uint8Array;
  created_at: Timestamp;
}

export interface RefiTables {
  refi_originals: RefiOriginalTable;
  refi_original_sets: RefiOriginalSetTable;
  refi_files: RefiFileTable;
}
