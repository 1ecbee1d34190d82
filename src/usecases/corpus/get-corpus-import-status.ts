// How the corpus stands: how many published reports are stored, and the latest background import
// (queued, running with how far it has read, done with what it added, or failed with why), for
// the corpus page, its status endpoint and `corpus status`. Public facts: everyone who reads the
// corpus may see them; the folder is named by its last part only.
import { corpusFacets } from '../../data/repositories/corpus.js';
import { latestJobOfKind } from '../../data/repositories/jobs.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { CORPUS_IMPORT_JOB } from './enqueue-corpus-import.js';

export interface CorpusImportStatus {
  documents: number;
  job: {
    state: 'queued' | 'running' | 'done' | 'failed';
    phase: string;
    done: number;
    total: number;
    folder: string;
    added: number | null;
    alreadyStored: number | null;
    error: string | null;
    createdAt: string;
    finishedAt: string | null;
  } | null;
  canImport: boolean;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export async function getCorpusImportStatus(ctx: UseCaseContext): Promise<CorpusImportStatus> {
  if (!policies.viewCorpus(ctx.actor)) throw new AppError('NOT_FOUND');
  const [facets, job] = await Promise.all([
    corpusFacets(ctx.db),
    latestJobOfKind(ctx.db, CORPUS_IMPORT_JOB),
  ]);
  const dir = typeof job?.input.dir === 'string' ? job.input.dir : '';
  return {
    documents: facets.documents,
    job: job
      ? {
          state: job.state,
          phase: typeof job.progress.phase === 'string' ? job.progress.phase : job.state,
          done: num(job.progress.done),
          total: num(job.progress.total),
          folder: dir.split(/[\\/]/).filter(Boolean).pop() ?? '',
          added: job.outcome ? num(job.outcome.added) : null,
          alreadyStored: job.outcome ? num(job.outcome.alreadyStored) : null,
          error:
            job.state === 'failed'
              ? typeof job.error?.message === 'string'
                ? job.error.message
                : 'The import failed.'
              : null,
          createdAt: job.createdAt.toISOString(),
          finishedAt: job.finishedAt?.toISOString() ?? null,
        }
      : null,
    canImport: policies.importCorpus(ctx.actor),
  };
}
