// The server outlives its database: a bounded evidence-writing load runs against the real server
// process while the test's own PostgreSQL is restarted (a crash stop) and then has every app
// connection terminated. Afterwards: the process is alive, every acknowledged write is present
// with its version and audit event, nothing answered other than 201 or 503, and the audit chain
// verifies.
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cli,
  demoInspector,
  percentile,
  request,
  startApp,
  type AppProcess,
} from './support/app-process.js';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { recordFigures } from './support/figures.js';

const WRITERS = 16;
const LOAD_MS = 24_000;

let pg: PrivatePostgres;
let app: AppProcess;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  pg = startPrivatePostgres(Number(process.env.TRIANGULATE_FAULTS_PG_PORT ?? 55432));
  env = { DATABASE_URL: pg.url };
  app = await startApp(env);
}, 240_000);

afterAll(async () => {
  await app?.stop();
  pg?.destroy();
});

test('restarting PostgreSQL mid-load: process alive, acknowledged writes kept, audit clean', async () => {
  const { activityId, token } = await demoInspector(env, app.url);
  const acked: string[] = [];
  const statuses = new Map<number, number>();
  const okMs: number[] = [];
  let ackedAfterFaults = 0;
  let faultsDone = false;
  let n = 0;
  const end = performance.now() + LOAD_MS;
  const writer = async (w: number): Promise<void> => {
    while (performance.now() < end) {
      const text = `fault-load writer ${w} write ${n++}`;
      const r = await request(`${app.url}/api/v1/activities/${activityId}/evidence`, {
        method: 'POST',
        token,
        body: { text, method: 'social_worker_discussion', judgementAreas: [] },
      });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 201) {
        acked.push((r.body as { id: string }).id);
        okMs.push(r.ms);
        if (faultsDone) ackedAfterFaults++;
      } else if (r.status !== 503) {
        throw new Error(`unexpected answer ${r.status}: ${JSON.stringify(r.body)}`);
      } else {
        expect((r.body as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const faults = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    pg.restart('immediate'); // a crash: open transactions die, recovery runs at start
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    pg.psql(
      `select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name <> 'psql' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    pg.restart('fast');
    faultsDone = true;
  })();
  await Promise.all([faults, ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);

  expect(app.alive()).toBe(true);
  expect((await request(`${app.url}/health`)).status).toBe(200);
  expect(ackedAfterFaults).toBeGreaterThan(0);

  const idList = acked.map((id) => `'${id}'`).join(',');
  const present = Number(pg.psql(`select count(*) from evidence_records where id in (${idList})`));
  expect(present).toBe(acked.length);
  // Nothing half applied: every record has its first version and its audit event.
  const orphans = pg.psql(
    `select count(*) from evidence_records e where not exists (select 1 from evidence_versions v where v.evidence_id = e.id)
       or not exists (select 1 from audit_events a where a.entity_id = e.id::text and a.action = 'evidence.recorded')`,
  );
  expect(Number(orphans)).toBe(0);
  const verify = cli(env, ['audit', 'verify']);
  expect(verify.status, verify.stderr + verify.stdout).toBe(0);

  recordFigures('PostgreSQL restart under write load', {
    writers: WRITERS,
    seconds: LOAD_MS / 1000,
    acknowledged: acked.length,
    answered503: statuses.get(503) ?? 0,
    other: [...statuses].filter(([s]) => s !== 201 && s !== 503).reduce((a, [, c]) => a + c, 0),
    ackedAfterFaults,
    p50ms: percentile(okMs, 50),
    p95ms: percentile(okMs, 95),
    processAlive: app.alive(),
    auditVerify: verify.status === 0 ? 'clean' : 'BROKEN',
  });
}, 240_000);
