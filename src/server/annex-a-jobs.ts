// Annex A imports started from the browser run as in-process jobs, so the page can show progress
// while the file is read and saved; the browser polls the job's status. A job is visible only to
// the person who started it, and is forgotten an hour after it finishes.
import { randomUUID } from 'node:crypto';
import type { ImportAnnexAOutcome, ImportProgress } from '../usecases/annex-a/import-annex-a.js';
import { now, nowMs } from '../clock.js';

export interface AnnexAJob {
  id: string;
  activityId: string;
  ownerId: string;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  outcome: ImportAnnexAOutcome | null;
  error: { code: string; message: string; details: { reason: string }[] } | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const jobs = new Map<string, AnnexAJob>();
const KEEP_MS = 60 * 60 * 1000;
const MAX_JOBS = 200;

function sweep(): void {
  const now = nowMs();
  for (const [id, j] of jobs)
    if (j.finishedAt && now - j.finishedAt.getTime() > KEEP_MS) jobs.delete(id);
  while (jobs.size > MAX_JOBS) {
    const oldest = jobs.keys().next().value;
    if (oldest === undefined) break;
    jobs.delete(oldest);
  }
}

export function startAnnexAJob(
  activityId: string,
  ownerId: string,
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportAnnexAOutcome>,
): AnnexAJob {
  sweep();
  const job: AnnexAJob = {
    id: randomUUID(),
    activityId,
    ownerId,
    state: 'running',
    progress: { phase: 'reading', fraction: 0, rows: 0 },
    outcome: null,
    error: null,
    startedAt: now(),
    finishedAt: null,
  };
  jobs.set(job.id, job);
  const onProgress = (p: ImportProgress): void => {
    job.progress = { ...p, fraction: p.fraction >= 0 ? p.fraction : job.progress.fraction };
  };
  run(onProgress)
    .then((outcome) => {
      job.outcome = outcome;
      job.state = 'done';
      job.progress = { phase: 'done', fraction: 1, rows: outcome.totals.rows };
    })
    .catch((err: unknown) => {
      const e = err as { code?: string; message?: string; details?: { reason: string }[] };
      job.error = {
        code: e.code ?? 'INTERNAL',
        message: e.code ? (e.message ?? 'The import failed.') : 'The import failed.',
        details: e.details ?? [],
      };
      job.state = 'failed';
    })
    .finally(() => {
      job.finishedAt = now();
    });
  return job;
}

/** The job, if it exists, belongs to this activity and was started by this person. */
export function findAnnexAJob(id: string, activityId: string, ownerId: string): AnnexAJob | null {
  const j = jobs.get(id);
  return j && j.activityId === activityId && j.ownerId === ownerId ? j : null;
}
