// The progress and outcome of an Annex A import started from the upload page, read from the job's
// row so that any app server can answer. Only the person who started it may see it; to anyone
// else, and for another activity, it does not exist.
import { findJob } from '../../data/repositories/jobs.js';
import { isUuid } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ANNEX_A_IMPORT_JOB } from './enqueue-annex-a-import.js';
import type { ImportAnnexAOutcome } from './import-annex-a.js';

export interface AnnexAImportJobView {
  id: string;
  activityId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: string;
  fraction: number;
  rows: number;
  attempts: number;
  outcome: ImportAnnexAOutcome | null;
  error: { code: string; message: string; details: { reason: string }[] } | null;
}

export async function getAnnexAImportJob(
  ctx: UseCaseContext,
  input: { activityId: string; jobId: string },
): Promise<AnnexAImportJobView> {
  const job = isUuid(input.jobId) ? await findJob(ctx.db, input.jobId) : null;
  if (
    !job ||
    job.kind !== ANNEX_A_IMPORT_JOB ||
    job.activityId !== input.activityId ||
    !policies.viewJob(ctx.actor, job.ownerId)
  )
    throw new AppError('NOT_FOUND');
  const p = job.progress as { phase?: string; fraction?: number; rows?: number };
  return {
    id: job.id,
    activityId: job.activityId,
    state: job.state,
    phase: p.phase ?? job.state,
    fraction: p.fraction ?? 0,
    rows: p.rows ?? 0,
    attempts: job.attempts,
    outcome: job.outcome as ImportAnnexAOutcome | null,
    error: job.error as AnnexAImportJobView['error'],
  };
}
