// Kysely table types of capture that works offline (migration 2026-12-07T1630_offline_sync).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OfflineDeviceKeyTable {
  session_id: string;
  user_id: string;
  key: Uint8Array;
  created_at: Generated<Date>;
}

export interface OfflineSyncOperationTable {
  user_id: string;
  client_id: string;
  activity_id: string;
  kind: 'record' | 'edit' | 'coding';
  outcome: 'applied' | 'conflict';
  evidence_id: string | null;
  coding_id: string | null;
  conflict_id: string | null;
  version: number | null;
  written_at: Timestamp;
  received_at: Timestamp;
}

export interface SyncConflictTable {
  id: Generated<string>;
  activity_id: string;
  evidence_id: string;
  user_id: string;
  user_label: string;
  client_id: string;
  base_version: number;
  device_text: string;
  server_version: number;
  server_text: string;
  server_by_label: string;
  written_at: Timestamp;
  received_at: Timestamp;
  resolution: 'mine' | 'theirs' | 'merged' | null;
  resolved_version: number | null;
  resolved_at: Timestamp | null;
  resolved_by_label: string | null;
}

export interface OfflineTables {
  offline_device_keys: OfflineDeviceKeyTable;
  offline_sync_operations: OfflineSyncOperationTable;
  sync_conflicts: SyncConflictTable;
}
