// The kinds of background job this server runs, wired to their use cases, and its job runner.
import type { FastifyBaseLogger } from 'fastify';
import type { JobsConfig } from '../config.js';
import type { Database } from '../data/database.js';
import { systemActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { ANNEX_A_IMPORT_JOB } from '../usecases/annex-a/enqueue-annex-a-import.js';
import type { ImportProgress } from '../usecases/annex-a/import-annex-a.js';
import { runAnnexAImportJob } from '../usecases/annex-a/run-annex-a-import-job.js';
import type { UseCaseContext } from '../usecases/context.js';
import { startJobRunner, type JobHandler, type JobRunner } from './job-runner.js';

function annexAImport(ctx: UseCaseContext, database: Database): JobHandler {
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
      { staged: database.engine === 'pglite' },
    );
    return {
      outcome: { ...outcome },
      progress: { phase: 'done', fraction: 1, rows: outcome.totals.rows },
    };
  };
}

/** Starts this server's runner (or one that never runs anything, with TRIANGULATE_JOBS=off). */
export function startAppJobRunner(
  database: Database,
  catalog: ActivityTypeCatalog,
  config: JobsConfig | undefined,
  log: FastifyBaseLogger,
): JobRunner {
  if (config && !config.run)
    return { runBy: 'none', kick: () => undefined, stop: async () => undefined };
  const ctx: UseCaseContext = { db: database.db, actor: systemActor('job-runner'), catalog };
  return startJobRunner({
    ctx,
    handlers: { [ANNEX_A_IMPORT_JOB]: annexAImport(ctx, database) },
    log,
    ...(config ? { pollMs: config.pollMs, leaseMs: config.leaseMs } : {}),
  });
}
