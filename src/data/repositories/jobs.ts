// The durable job queue (migration 2026-12-06T2310_jobs): rows that any app server on the same
// database may claim with `select ... for update skip locked`, a lease renewed by the runner's
// heartbeat, and the uploaded file a job reads, stored in parts beside it. Times come from the
// caller (the application's clock), never from the database's now(). Returns shaped objects.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { JobState } from '../schema/jobs.js';

export type { JobState } from '../schema/jobs.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface Job {
  id: string;
  kind: string;
  ownerId: string | null;
  activityId: string | null;
  state: JobState;
  input: Record<string, unknown>;
  progress: Record<string, unknown>;
  outcome: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  rerunnable: boolean;
  attempts: number;
  maxAttempts: number;
  runBy: string | null;
  leaseUntil: Date | null;
  heartbeatAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewJob {
  id: string;
  kind: string;
  ownerId: string | null;
  activityId: string | null;
  input: Record<string, unknown>;
  progress: Record<string, unknown>;
  rerunnable: boolean;
  maxAttempts: number;
  at: Date;
}

/** Parts of a stored file: small enough for one parameter on either engine. */
export const JOB_FILE_PART_BYTES = 4 * 1024 * 1024;

function base(db: Db) {
  return db.selectFrom('jobs').selectAll();
}
type JobRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    ownerId: r.owner_id,
    activityId: r.activity_id,
    state: r.state,
    input: r.input,
    progress: r.progress,
    outcome: r.outcome,
    error: r.error,
    rerunnable: r.rerunnable,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runBy: r.run_by,
    leaseUntil: r.lease_until,
    heartbeatAt: r.heartbeat_at,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export async function insertJob(trx: Transaction<DB>, j: NewJob): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({
      id: j.id,
      kind: j.kind,
      owner_id: j.ownerId,
      activity_id: j.activityId,
      state: 'queued',
      input: JSON.stringify(j.input),
      progress: JSON.stringify(j.progress),
      rerunnable: j.rerunnable,
      max_attempts: j.maxAttempts,
      created_at: j.at,
    })
    .execute();
}

/** Stores a file for a job in parts (one transaction: the caller's). */
export async function insertJobFile(
  trx: Transaction<DB>,
  jobId: string,
  bytes: Uint8Array,
): Promise<void> {
  for (let part = 0, at = 0; at < bytes.length || part === 0; part++, at += JOB_FILE_PART_BYTES)
    await trx
      .insertInto('job_files')
      .values({ job_id: jobId, part, bytes: bytes.subarray(at, at + JOB_FILE_PART_BYTES) })
      .execute();
}

/** The job's stored file, its parts joined; null when none is stored (or it was deleted). */
export async function readJobFile(db: Db, jobId: string): Promise<Uint8Array | null> {
  const parts = await db
    .selectFrom('job_files')
    .select('bytes')
    .where('job_id', '=', jobId)
    .orderBy('part')
    .execute();
  if (parts.length === 0) return null;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.bytes.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p.bytes, at);
    at += p.bytes.length;
  }
  return out;
}

export async function deleteJobFile(db: Db, jobId: string): Promise<void> {
  await db.deleteFrom('job_files').where('job_id', '=', jobId).execute();
}

export async function findJob(db: Db, id: string): Promise<Job | null> {
  const r = await base(db).where('id', '=', id).executeTakeFirst();
  return r ? toJob(r) : null;
}

/** The newest job of a kind (whatever its state), or null. */
export async function latestJobOfKind(db: Db, kind: string): Promise<Job | null> {
  const r = await base(db)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toJob(r) : null;
}

/**
 * Locks the oldest job of these kinds that is waiting, or running under a lease that ran out
 * (its server stopped), skipping rows another server has locked; null when there is none. The
 * caller decides, in the same transaction, whether to run it again (markJobRunning) or fail it.
 */
export async function lockNextJob(
  trx: Transaction<DB>,
  kinds: string[],
  at: Date,
): Promise<Job | null> {
  if (kinds.length === 0) return null;
  const r = await base(trx)
    .where('kind', 'in', kinds)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'queued'),
        eb.and([eb('state', '=', 'running'), eb('lease_until', '<', at)]),
      ]),
    )
    .orderBy('created_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return r ? toJob(r) : null;
}

/** Hands a locked job to a runner: one more attempt, a lease until `leaseUntil`. */
export async function markJobRunning(
  trx: Transaction<DB>,
  id: string,
  v: { runBy: string; leaseUntil: Date; at: Date },
): Promise<void> {
  await trx
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      run_by: v.runBy,
      lease_until: v.leaseUntil,
      heartbeat_at: v.at,
      started_at: eb.fn.coalesce('started_at', sql<Date>`${v.at}::timestamptz`),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Renews the lease (and records progress, when given) of a job this runner holds; false when it
 * no longer holds it (the lease ran out and another server took the job, or it was finished).
 */
export async function renewJobLease(
  db: Db,
  id: string,
  v: { runBy: string; leaseUntil: Date; at: Date; progress?: Record<string, unknown> },
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({
      lease_until: v.leaseUntil,
      heartbeat_at: v.at,
      ...(v.progress ? { progress: JSON.stringify(v.progress) } : {}),
    })
    .where('id', '=', id)
    .where('run_by', '=', v.runBy)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records the end of a job: done with its outcome, or failed with its error. With `runBy`, only
 * if that runner still holds it; returns whether the row changed.
 */
export async function finishJob(
  db: Db,
  id: string,
  v: {
    state: 'done' | 'failed';
    runBy: string | null;
    at: Date;
    progress?: Record<string, unknown>;
    outcome?: Record<string, unknown> | null;
    error?: Record<string, unknown> | null;
  },
): Promise<boolean> {
  let q = db
    .updateTable('jobs')
    .set({
      state: v.state,
      finished_at: v.at,
      lease_until: null,
      ...(v.progress ? { progress: JSON.stringify(v.progress) } : {}),
      outcome: v.outcome ? JSON.stringify(v.outcome) : null,
      error: v.error ? JSON.stringify(v.error) : null,
    })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running']);
  if (v.runBy !== null) q = q.where('run_by', '=', v.runBy);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes jobs (and their files) that finished before `before`; returns how many. */
export async function deleteFinishedJobs(db: Db, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where('state', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
