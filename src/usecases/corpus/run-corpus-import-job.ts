// The job runner's side of a corpus import (enqueue-corpus-import.ts): remove what an earlier
// attempt of this job left staged (its server stopped mid-write), read the folder and import it
// with the same use case as `corpus import`, reporting progress to the job's row.
import path from 'node:path';
import { deleteStagedCorpusImportsOfJob } from '../../data/repositories/corpus.js';
import { policies } from '../../domain/access/policies.js';
import { corpusFolder } from '../../domain/corpus/folder.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { CorpusImportJobInput } from './enqueue-corpus-import.js';
import {
  importCorpus,
  type CorpusImportProgress,
  type CorpusImportResult,
} from './import-corpus.js';

export async function runCorpusImportJob(
  ctx: UseCaseContext,
  job: { id: string; input: Record<string, unknown> },
  onProgress: (p: CorpusImportProgress) => void,
): Promise<CorpusImportResult> {
  if (!policies.runJobs(ctx.actor) || !policies.importCorpus(ctx.actor))
    throw new AppError('FORBIDDEN');
  const { dir } = job.input as unknown as CorpusImportJobInput;
  const files = await corpusFolder(dir);
  // Named by its last part: everyone who reads the corpus sees how its import went.
  const name = path.basename(dir);
  if (!files)
    throw new AppError('VALIDATION_FAILED', {
      message: `Cannot read the folder ${name}`,
      details: [{ field: 'dir', reason: `Cannot read the folder ${name}` }],
    });
  await deleteStagedCorpusImportsOfJob(ctx.db, job.id);
  return importCorpus(ctx, { source: name, files, jobId: job.id }, onProgress);
}
