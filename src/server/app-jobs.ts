// The kinds of background job this server runs, wired to their use cases, and its job runner.
import type { FastifyBaseLogger } from 'fastify';
import { ANNEX_A_IMPORT_JOB } from '../usecases/annex-a/enqueue-annex-a-import.js';
import type { ImportProgress } from '../usecases/annex-a/import-annex-a.js';
import { runAnnexAImportJob } from '../usecases/annex-a/run-annex-a-import-job.js';
import type { UseCaseContext } from '../usecases/context.js';
import { CORPUS_IMPORT_JOB } from '../usecases/corpus/enqueue-corpus-import.js';
import { runCorpusImportJob } from '../usecases/corpus/run-corpus-import-job.js';
import { PROGRAMME_SOLVE_JOB } from '../usecases/programme/enqueue-programme-solve.js';
import { runProgrammeSolveJob } from '../usecases/programme/run-programme-solve-job.js';
import type { ProgrammeProgress } from '../usecases/programme/solve-programme.js';
import { startJobRunner, type JobHandler, type JobRunner } from './job-runner.js';

/** The runner's settings (config.ts: TRIANGULATE_JOBS, _JOB_LEASE_MS, _JOB_POLL_MS). */
export interface JobRunnerSettings {
  run: boolean;
  leaseMs: number;
  pollMs: number;
}

function annexAImport(ctx: UseCaseContext, engine: 'pglite' | 'postgres'): JobHandler {
  return async (job, report) => {
    let fraction = 0;
    const outcome = await runAnnexAImportJob(
      ctx,
      job,
      (p: ImportProgress) => {
        // A negative fraction means "not known yet": keep the last one shown.
        if (p.fraction >= 0) fraction = p.fraction;
        report({ phase: p.phase, fraction, rows: p.rows });
      },
      // On the embedded database (one connection), the rows are written in short transactions
      // into a staged import that one last short transaction makes current.
      { staged: engine === 'pglite' },
    );
    return {
      outcome: { ...outcome },
      progress: { phase: 'done', fraction: 1, rows: outcome.totals.rows },
    };
  };
}

/** A folder of published reports (serve --demo): progress is files read, then documents stored. */
function corpusImport(ctx: UseCaseContext): JobHandler {
  return async (job, report) => {
    const r = await runCorpusImportJob(ctx, job, (p) => report({ ...p }));
    return {
      outcome: { ...r },
      progress: { phase: 'done', done: r.added, total: r.added },
    };
  };
}

/** A programme solve: progress is the solver's phase, seconds, best plan's objective and gap. */
function programmeSolve(ctx: UseCaseContext): JobHandler {
  return async (job, report) => {
    let last: Record<string, unknown> = { phase: 'model', seconds: 0 };
    const outcome = await runProgrammeSolveJob(ctx, job, (p: ProgrammeProgress) => {
      if (p.kind === 'model-built') last = { ...last, phase: 'solving', seconds: p.seconds };
      else if (p.kind === 'incumbent' || p.kind === 'bound')
        last = {
          ...last,
          phase: 'solving',
          seconds: p.seconds,
          ...(p.objective !== null ? { objective: p.objective } : {}),
          gap: p.gap,
        };
      else
        last = {
          ...last,
          phase: p.kind === 'diagnosing' ? 'diagnosing' : 'solving',
          seconds: p.seconds,
        };
      report(last);
    });
    return { outcome: { ...outcome }, progress: { ...last, phase: 'done' } };
  };
}

/**
 * Starts this server's runner (or one that never runs anything, with TRIANGULATE_JOBS=off).
 * `ctx` is the runner's own: a system actor on the server's database.
 */
export function startAppJobRunner(
  ctx: UseCaseContext,
  engine: 'pglite' | 'postgres',
  config: JobRunnerSettings | undefined,
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>,
): JobRunner {
  if (config && !config.run)
    return { runBy: 'none', kick: () => undefined, stop: async () => undefined };
  return startJobRunner({
    ctx,
    handlers: {
      [ANNEX_A_IMPORT_JOB]: annexAImport(ctx, engine),
      [CORPUS_IMPORT_JOB]: corpusImport(ctx),
      [PROGRAMME_SOLVE_JOB]: programmeSolve(ctx),
    },
    log,
    ...(config ? { pollMs: config.pollMs, leaseMs: config.leaseMs } : {}),
  });
}
