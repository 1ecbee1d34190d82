// An Annex A import started from the upload page: the file is stored with a queued job (in the
// database, so whichever app server claims the job can read it) and the job is audited; a job
// runner on any server then imports it (run-annex-a-import-job.ts) and the page polls the job's
// row (get-annex-a-import-job.ts), so any server can answer.
import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../../domain/files/digest.js';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { insertJob, insertJobFile } from '../../data/repositories/jobs.js';
import { actorUserId } from '../../domain/access/actor.js';
import type { UseCaseContext } from '../context.js';
import { checkAnnexAImport, ImportAnnexAInput } from './import-annex-a.js';

export const ANNEX_A_IMPORT_JOB = 'annex-a.import';

/** What the job row keeps of the request (the file itself is stored beside it). */
export interface AnnexAImportJobInput {
  activityId: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  acceptFlagged: boolean;
  removeMissingLists: boolean;
}

export async function enqueueAnnexAImport(
  ctx: UseCaseContext,
  raw: ImportAnnexAInput,
): Promise<{ jobId: string }> {
  const input = ImportAnnexAInput.parse(raw);
  const activity = await checkAnnexAImport(ctx, input);
  const jobId = randomUUID();
  const stored: AnnexAImportJobInput = {
    activityId: activity.id,
    fileName: input.fileName,
    fileSize: input.bytes.length,
    sha256: await sha256Hex(input.bytes),
    acceptFlagged: input.acceptFlagged,
    removeMissingLists: input.removeMissingLists,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, {
      id: jobId,
      kind: ANNEX_A_IMPORT_JOB,
      ownerId: actorUserId(ctx.actor),
      activityId: activity.id,
      input: { ...stored },
      progress: { phase: 'queued', fraction: 0, rows: 0 },
      // The import is all or nothing and the same file again changes nothing, so a job whose
      // server stopped may run again on another.
      rerunnable: true,
      maxAttempts: 3,
      at: now(),
    });
    await insertJobFile(trx, jobId, input.bytes);
    await writeAudit(trx, ctx.actor, {
      action: 'job.enqueued',
      entityType: 'job',
      entityId: jobId,
      activityId: activity.id,
      laId: activity.laId,
      after: { kind: ANNEX_A_IMPORT_JOB, ...stored },
    });
  });
  return { jobId };
}
