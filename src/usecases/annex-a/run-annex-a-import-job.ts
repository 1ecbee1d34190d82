// The job runner's side of an Annex A import from the upload page: read the stored file, act as
// the person who uploaded it (their access is checked again now, by importAnnexA), import, and
// hand back the outcome to store on the job. Running it again after a server stopped is safe:
// the import is all or nothing, and the same file again is reported unchanged.
import { sha256Hex } from '../../domain/files/digest.js';
import { readJobFile } from '../../data/repositories/jobs.js';
import { findUserById } from '../../data/repositories/users.js';
import { toActor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { AnnexAImportJobInput } from './enqueue-annex-a-import.js';
import {
  importAnnexA,
  type ImportAnnexAOptions,
  type ImportAnnexAOutcome,
  type ImportProgress,
} from './import-annex-a.js';

export async function runAnnexAImportJob(
  ctx: UseCaseContext,
  job: { id: string; ownerId: string | null; input: Record<string, unknown> },
  onProgress: (p: ImportProgress) => void,
  options: ImportAnnexAOptions = {},
): Promise<ImportAnnexAOutcome> {
  if (!policies.runJobs(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = job.input as unknown as AnnexAImportJobInput;
  const owner = job.ownerId ? await findUserById(ctx.db, job.ownerId) : null;
  if (!owner || owner.disabled)
    throw new AppError('FORBIDDEN', {
      message: 'The account that uploaded this file is no longer active; nothing was imported.',
    });
  const bytes = await readJobFile(ctx.db, job.id);
  if (!bytes || (await sha256Hex(bytes)) !== input.sha256)
    throw new AppError('IMPORT_INVALID', {
      message:
        'The uploaded file is no longer stored in full; nothing was imported. Upload it again.',
      details: [{ file: input.fileName, reason: 'The stored upload is missing or incomplete.' }],
    });
  return importAnnexA(
    { ...ctx, actor: toActor(owner) },
    {
      activityId: input.activityId,
      fileName: input.fileName,
      bytes,
      acceptFlagged: input.acceptFlagged,
      removeMissingLists: input.removeMissingLists,
    },
    onProgress,
    options,
  );
}
