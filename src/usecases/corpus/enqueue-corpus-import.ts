// Queues the import of a folder of published reports on the server's disk as a background job
// (`serve --demo` with the 422 real reports, or `serve --corpus DIR`): the server answers while a
// job runner reads, checks and stores them, and the corpus page and `corpus status` show its
// progress. Idempotent: while an import is queued or running, asking again returns it; once it
// has ended, a new one is queued, and it skips every file already stored (by hash) before reading,
// so a restart costs a second. Audited.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { insertJob, latestJobOfKind } from '../../data/repositories/jobs.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const CORPUS_IMPORT_JOB = 'corpus.import';

export interface CorpusImportJobInput {
  /** The folder, as an absolute path on the server that queued it. */
  dir: string;
}

export async function enqueueCorpusImport(
  ctx: UseCaseContext,
  input: { dir: string },
): Promise<{ jobId: string; queued: boolean }> {
  if (!policies.importCorpus(ctx.actor)) throw new AppError('FORBIDDEN');
  const dir = path.resolve(input.dir);
  const latest = await latestJobOfKind(ctx.db, CORPUS_IMPORT_JOB);
  if (latest && (latest.state === 'queued' || latest.state === 'running'))
    return { jobId: latest.id, queued: false };
  const jobId = randomUUID();
  const stored: CorpusImportJobInput = { dir };
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, {
      id: jobId,
      kind: CORPUS_IMPORT_JOB,
      ownerId: actorUserId(ctx.actor),
      activityId: null,
      input: { ...stored },
      progress: { phase: 'queued', done: 0, total: 0 },
      // Files already stored are skipped and an unfinished import of an earlier attempt is
      // removed first, so a job whose server stopped may run again.
      rerunnable: true,
      maxAttempts: 3,
      at: now(),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'job.enqueued',
      entityType: 'job',
      entityId: jobId,
      after: { kind: CORPUS_IMPORT_JOB, ...stored },
    });
  });
  return { jobId, queued: true };
}
