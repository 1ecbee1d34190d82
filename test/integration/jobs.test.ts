// The durable job queue: jobs claimed once (skip locked), leases that run out when a server stops
// (claimed again when the kind can run twice, failed with the reason when not), the stored upload
// deleted when a job ends, and Annex A imports from the upload page run by a job runner and read
// back from the job's row by their owner only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { findJob, insertJob } from '../../src/data/repositories/jobs.js';
import { now } from '../../src/clock.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { startAppJobRunner } from '../../src/server/app-jobs.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import {
  ANNEX_A_IMPORT_JOB,
  enqueueAnnexAImport,
} from '../../src/usecases/annex-a/enqueue-annex-a-import.js';
import { getAnnexAImportJob } from '../../src/usecases/annex-a/get-annex-a-import-job.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { claimNextJob } from '../../src/usecases/jobs/claim-next-job.js';
import { finishJob } from '../../src/usecases/jobs/finish-job.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertLa, makeUser } from '../helpers/fixtures.js';

let t: TestDatabase;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
  db: t.db,
  actor,
  catalog,
});
const runner = () => as(systemActor('job-runner'));
let lead: UserActor, analyst: UserActor, outsider: UserActor;
let activityId: string;
const xlsx = annexAToXlsx(generateAnnexA({ rows: 300, seed: 5, errorRate: 0 }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = { warn: () => undefined, error: () => undefined };

async function fileParts(jobId: string): Promise<number> {
  const r = await t.db
    .selectFrom('job_files')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Finishes every open job, so each test starts with an empty queue. */
async function drain(): Promise<void> {
  await t.db
    .updateTable('jobs')
    .set({ state: 'failed', finished_at: now() })
    .where('state', 'in', ['queued', 'running'])
    .execute();
}

async function waitForJob(jobId: string, owner: UserActor, ms = 60_000) {
  const end = performance.now() + ms;
  for (;;) {
    const job = await getAnnexAImportJob(as(owner), { activityId, jobId });
    if (job.state === 'done' || job.state === 'failed' || performance.now() > end) return job;
    await sleep(100);
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'jobs-la', 'North West');
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  analyst = await makeUser(t.db, 'analyst', 'inspector');
  outsider = await makeUser(t.db, 'outsider', 'inspector');
  const a = await createActivity(as(regional), {
    laId: 'jobs-la',
    activityType: 'standard_inspection',
    plannedStart: '2025-07-07',
    plannedEnd: '2025-07-18',
  });
  activityId = a.id;
  await addTeamMember(as(regional), {
    activityId,
    userId: lead.userId,
    teamRole: 'lead_inspector',
  });
  await addTeamMember(as(lead), { activityId, userId: analyst.userId, teamRole: 'analyst' });
});
afterAll(async () => t.destroy());

describe('job queue', () => {
  it('queues an upload with its file and an audit event; only its owner sees it', async () => {
    await drain();
    const { jobId } = await enqueueAnnexAImport(as(lead), {
      activityId,
      fileName: 'a.xlsx',
      bytes: xlsx,
    });
    expect(await fileParts(jobId)).toBe(1);
    const job = await getAnnexAImportJob(as(lead), { activityId, jobId });
    expect(job).toMatchObject({ state: 'queued', phase: 'queued', fraction: 0, attempts: 0 });
    await expect(getAnnexAImportJob(as(analyst), { activityId, jobId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      getAnnexAImportJob(as(lead), { activityId, jobId: 'not-a-uuid' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const events = await listAuditEvents(t.db, { action: 'job.enqueued' } as never);
    expect(events.some((e) => e.entityId === jobId)).toBe(true);
    // Someone outside the team can queue nothing (and learns nothing).
    await expect(
      enqueueAnnexAImport(as(outsider), { activityId, fileName: 'a.xlsx', bytes: xlsx }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Users cannot claim jobs: only the servers' runner.
    await expect(
      claimNextJob(as(lead), { kinds: [ANNEX_A_IMPORT_JOB], runBy: 'x', leaseMs: 1000 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('two runners claiming at once never get the same job', async () => {
    await drain();
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await enqueueAnnexAImport(as(lead), { activityId, fileName: `${i}.xlsx`, bytes: xlsx }))
          .jobId,
      );
    const opts = (runBy: string) => ({ kinds: [ANNEX_A_IMPORT_JOB], runBy, leaseMs: 60_000 });
    const claimed = await Promise.all([
      claimNextJob(runner(), opts('a')),
      claimNextJob(runner(), opts('b')),
      claimNextJob(runner(), opts('c')),
      claimNextJob(runner(), opts('d')),
    ]);
    const got = claimed.filter((c) => c !== null).map((c) => c.id);
    expect(got.sort()).toEqual([...ids].sort());
    expect(claimed.filter((c) => c === null)).toHaveLength(1);
  });

  it('a runner claims the oldest queued job first', async () => {
    await drain();
    const ids = [];
    for (let i = 0; i < 2; i++)
      ids.push(
        (await enqueueAnnexAImport(as(lead), { activityId, fileName: `o${i}.xlsx`, bytes: xlsx }))
          .jobId,
      );
    const opts = { kinds: [ANNEX_A_IMPORT_JOB], runBy: 'a', leaseMs: 60_000 };
    // On PostgreSQL concurrent claims race, so the order is checked one claim at a time.
    expect((await claimNextJob(runner(), opts))?.id).toBe(ids[0]);
    expect((await claimNextJob(runner(), opts))?.id).toBe(ids[1]);
  });

  it('a job whose server stopped is claimed again by another, until its attempts run out', async () => {
    await drain();
    const { jobId } = await enqueueAnnexAImport(as(lead), {
      activityId,
      fileName: 'again.xlsx',
      bytes: xlsx,
    });
    const opts = (runBy: string) => ({ kinds: [ANNEX_A_IMPORT_JOB], runBy, leaseMs: 1000 });
    expect((await claimNextJob(runner(), opts('dead-1')))?.attempt).toBe(1);
    // While the lease lasts nobody else takes it.
    expect(await claimNextJob(runner(), opts('other'))).toBeNull();
    await sleep(1100);
    expect(await claimNextJob(runner(), opts('dead-2'))).toMatchObject({ id: jobId, attempt: 2 });
    // The stopped runner's late answer is not recorded: the job is no longer its.
    expect(
      await finishJob(runner(), { jobId, runBy: 'dead-1' }, { state: 'done', outcome: {} }),
    ).toBe(false);
    await sleep(1100);
    expect(await claimNextJob(runner(), opts('dead-3'))).toMatchObject({ attempt: 3 });
    await sleep(1100);
    expect(await claimNextJob(runner(), opts('late'))).toBeNull();
    const job = await findJob(t.db, jobId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'JOB_INTERRUPTED' } });
    expect(JSON.stringify(job?.error)).toContain('3 times');
    const events = await listAuditEvents(t.db, { action: 'job.abandoned' } as never);
    expect(events.some((e) => e.entityId === jobId)).toBe(true);
  });

  it('a job that cannot safely run twice is failed with the reason when its server stopped', async () => {
    await drain();
    const id = crypto.randomUUID();
    await t.db.transaction().execute((trx) =>
      insertJob(trx, {
        id,
        kind: 'test.once',
        ownerId: lead.userId,
        activityId,
        input: {},
        progress: {},
        rerunnable: false,
        maxAttempts: 3,
        at: now(),
      }),
    );
    const opts = { kinds: ['test.once'], runBy: 'dead', leaseMs: 1000 };
    expect(await claimNextJob(runner(), opts)).toMatchObject({ id });
    await sleep(1100);
    expect(await claimNextJob(runner(), { ...opts, runBy: 'next' })).toBeNull();
    const job = await findJob(t.db, id);
    expect(job?.state).toBe('failed');
    expect(JSON.stringify(job?.error)).toContain('is not run twice');
  });

  it('the runner imports a queued upload, reports progress, deletes the stored file', async () => {
    await drain();
    const { jobId } = await enqueueAnnexAImport(as(lead), {
      activityId,
      fileName: 'run.xlsx',
      bytes: xlsx,
      acceptFlagged: true,
    });
    const jobs = startAppJobRunner(
      runner(),
      t.engine,
      { run: true, leaseMs: 5000, pollMs: 100 },
      log,
    );
    try {
      const job = await waitForJob(jobId, lead);
      expect(job).toMatchObject({ state: 'done', phase: 'done', fraction: 1, attempts: 1 });
      expect(job.outcome?.status).toMatch(/imported|replaced/);
      expect(job.outcome?.totals.rows).toBeGreaterThan(0);
      expect(await fileParts(jobId)).toBe(0);
    } finally {
      await jobs.stop();
    }
  });

  it("another server's runner finishes a job whose server stopped mid-run", async () => {
    await drain();
    const other = annexAToXlsx(generateAnnexA({ rows: 200, seed: 9, errorRate: 0 }));
    const { jobId } = await enqueueAnnexAImport(as(analyst), {
      activityId,
      fileName: 'orphan.xlsx',
      bytes: other,
      acceptFlagged: true,
    });
    await claimNextJob(runner(), { kinds: [ANNEX_A_IMPORT_JOB], runBy: 'dead', leaseMs: 1000 });
    const jobs = startAppJobRunner(
      runner(),
      t.engine,
      { run: true, leaseMs: 5000, pollMs: 100 },
      log,
    );
    try {
      const job = await waitForJob(jobId, analyst);
      expect(job).toMatchObject({ state: 'done', attempts: 2 });
      expect(job.outcome?.fileName).toBe('orphan.xlsx');
    } finally {
      await jobs.stop();
    }
  });

  it("a job whose owner's account was disabled imports nothing and says why", async () => {
    await drain();
    const temp = await makeUser(t.db, 'temp', 'inspector');
    await addTeamMember(as(lead), { activityId, userId: temp.userId, teamRole: 'analyst' });
    const { jobId } = await enqueueAnnexAImport(as(temp), {
      activityId,
      fileName: 'temp.xlsx',
      bytes: xlsx,
    });
    await t.db
      .updateTable('users')
      .set({ disabled_at: now() })
      .where('id', '=', temp.userId)
      .execute();
    const jobs = startAppJobRunner(
      runner(),
      t.engine,
      { run: true, leaseMs: 5000, pollMs: 100 },
      log,
    );
    try {
      const job = await waitForJob(jobId, temp);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'FORBIDDEN' } });
      expect(await fileParts(jobId)).toBe(0);
    } finally {
      await jobs.stop();
    }
  });
});
