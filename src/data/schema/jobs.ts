// Kysely table types of the job queue (migration 2026-12-06T2310_jobs).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  kind: string;
  owner_id: string | null;
  activity_id: string | null;
  state: JobState;
  input: JSONColumnType<Record<string, unknown>>;
  progress: JSONColumnType<Record<string, unknown>>;
  outcome: JSONColumnType<Record<string, unknown>> | null;
  error: JSONColumnType<Record<string, unknown>> | null;
  rerunnable: boolean;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_by: string | null;
  lease_until: Timestamp | null;
  heartbeat_at: Timestamp | null;
  created_at: ColumnType<Date, Date | string, never>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface JobFileTable {
  job_id: string;
  part: number;
  bytes: Uint8Array;
}

export interface JobTables {
  jobs: JobTable;
  job_files: JobFileTable;
}
