// The job runner beside each app server: claims queued jobs from the database (any server may run
// any job), runs one at a time, renews the job's lease while it works (the heartbeat, with the
// job's progress) and records how it ended. A server that stops mid-job stops renewing; once the
// lease runs out another server's runner claims the job again, or fails it with the reason when
// it cannot safely run twice (claim-next-job.ts). The embedded database runs the same loop in its
// own process. Jobs queued on this server start at once (kick); others within `pollMs`.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { nowMs } from '../clock.js';
import type { UseCaseContext } from '../usecases/context.js';
import { claimNextJob, type ClaimedJob } from '../usecases/jobs/claim-next-job.js';
import { finishJob } from '../usecases/jobs/finish-job.js';
import { forgetFinishedJobs } from '../usecases/jobs/forget-finished-jobs.js';
import { renewJobLease } from '../usecases/jobs/renew-job-lease.js';

/** Runs one job; `report` records progress (written at most every `progressMs`). */
export type JobHandler = (
  job: ClaimedJob,
  report: (progress: Record<string, unknown>) => void,
) => Promise<{ outcome: Record<string, unknown>; progress?: Record<string, unknown> }>;

export interface JobRunnerOptions {
  /** A system actor's context: the runner's own database access. */
  ctx: UseCaseContext;
  handlers: Record<string, JobHandler>;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  pollMs?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  progressMs?: number;
  runBy?: string;
}

export interface JobRunner {
  readonly runBy: string;
  /** Look for work now (a job was just queued here). */
  kick(): void;
  /** Stops claiming; waits for the job in hand to end (at most STOP_WAIT_MS). */
  stop(): Promise<void>;
}

const SWEEP_MS = 10 * 60_000;
const STOP_WAIT_MS = 10_000;

export function startJobRunner(opts: JobRunnerOptions): JobRunner {
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 30_000;
  const heartbeatMs = opts.heartbeatMs ?? Math.max(250, Math.floor(leaseMs / 4));
  const progressMs = opts.progressMs ?? 500;
  const runBy = opts.runBy ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const kinds = Object.keys(opts.handlers);
  let stopped = false;
  let wake: (() => void) | null = null;
  let lastSweep = 0;

  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = opts.handlers[job.kind]!;
    let latest: Record<string, unknown> | null = null;
    let lastWrite = 0;
    let beating: Promise<void> = Promise.resolve();
    const beat = (): void => {
      beating = beating.then(async () => {
        const progress = latest;
        latest = null;
        lastWrite = nowMs();
        try {
          const held = await renewJobLease(opts.ctx, {
            jobId: job.id,
            runBy,
            leaseMs,
            ...(progress ? { progress } : {}),
          });
          if (!held) opts.log.warn({ job: job.id }, 'job lease lost: another server took it over');
        } catch (err) {
          opts.log.warn({ err, job: job.id }, 'job heartbeat failed');
        }
      });
    };
    const timer = setInterval(beat, heartbeatMs);
    const report = (progress: Record<string, unknown>): void => {
      latest = progress;
      if (nowMs() - lastWrite >= progressMs) beat();
    };
    let end: Parameters<typeof finishJob>[2];
    try {
      const r = await handler(job, report);
      end = { state: 'done', outcome: r.outcome, ...(r.progress ? { progress: r.progress } : {}) };
    } catch (err) {
      end = { state: 'failed', error: err };
    } finally {
      clearInterval(timer);
      await beating;
    }
    try {
      await finishJob(opts.ctx, { jobId: job.id, runBy }, end);
    } catch (err) {
      // The lease runs out and another server runs the job again (or fails it with the reason).
      opts.log.error({ err, job: job.id }, 'job finished but could not be recorded');
    }
  }

  async function sweep(): Promise<void> {
    if (nowMs() - lastSweep < SWEEP_MS) return;
    lastSweep = nowMs();
    await forgetFinishedJobs(opts.ctx).catch((err: unknown) =>
      opts.log.warn({ err }, 'finished jobs could not be deleted'),
    );
  }

  const loop = (async () => {
    while (!stopped) {
      let job: ClaimedJob | null = null;
      try {
        job = await claimNextJob(opts.ctx, { kinds, runBy, leaseMs });
      } catch (err) {
        opts.log.warn({ err }, 'could not look for queued jobs');
      }
      if (job) await runOne(job);
      else {
        await sweep();
        if (!stopped) await idle();
      }
    }
  })();

  return {
    runBy,
    kick: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      // A long job is not waited for beyond STOP_WAIT_MS: its lease runs out and another server
      // (or this one, restarted) runs it again.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        loop,
        new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS))),
      ]);
      clearTimeout(timer);
    },
  };
}
