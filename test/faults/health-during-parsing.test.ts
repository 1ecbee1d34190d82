// Nothing slow on the main thread: while a large Annex A workbook (150,000 rows) and a hostile CSV
// (200,000 columns) are imported on the embedded database, /health is polled and must stay under
// 50 ms p95. Signed-in requests (the API's /me and an activity's page) are timed too: the import
// writes its rows in short transactions into a staged import, so they are answered between the
// batches instead of waiting for the whole import (see BENCHMARKS.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli, percentile, request, startApp, type AppProcess } from './support/app-process.js';
import { recordFigures } from './support/figures.js';

const ROWS = Number(process.env.TRIANGULATE_FAULTS_ANNEX_A_ROWS ?? 150_000);
const PASSWORD = 'faults-demo-password-1';
let dir: string;
let app: AppProcess;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tri-faults-health-'));
  app = await startApp(
    {
      TRIANGULATE_DATA_DIR: path.join(dir, 'data'),
      TRIANGULATE_DEMO_PASSWORD: PASSWORD,
      DATABASE_URL: '',
    },
    ['--demo'],
  );
}, 240_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(url: string, token: string, file: string, bytes: Buffer) {
  const t0 = performance.now();
  const res = await fetch(`${url}?fileName=${encodeURIComponent(file)}&acceptFlagged=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(300_000),
  });
  await res.text();
  return { status: res.status, ms: performance.now() - t0 };
}

test('/health stays under 50 ms p95 while files are parsed and imported', async () => {
  // The demo's sign-in details are printed just after the ready line.
  for (let i = 0; i < 100 && !/lead_inspector\s+\S+@/.test(app.output()); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const lead = /lead_inspector\s+(\S+@\S+)/.exec(app.output())?.[1];
  expect(lead).toBeTruthy();
  const login = await request(`${app.url}/api/v1/sessions`, {
    method: 'POST',
    body: { email: lead, password: PASSWORD },
  });
  const token = (login.body as { token: string }).token;
  const list = await request(`${app.url}/api/v1/activities`, { token });
  const activityId = list.body as { id: string }[] | { activities: { id: string }[] } as never as
    { id: string }[] | { activities: { id: string }[] };
  const activities = Array.isArray(activityId) ? activityId : activityId.activities;
  const id = activities[0]!.id;

  const xlsx = path.join(dir, 'annex-a.xlsx');
  const gen = cli({}, ['annex-a', 'generate', xlsx, '--rows', String(ROWS), '--seed', '3']);
  expect(gen.status, gen.stderr).toBe(0);
  const wide = Buffer.from(
    `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(199_999)}1\n`,
  );
  writeFileSync(path.join(dir, 'wide.csv'), wide);

  const health: number[] = [];
  const signedIn: number[] = [];
  const signedInPage: number[] = [];
  let importing = true;
  let busy = true;
  const poll = (async () => {
    while (busy) {
      health.push((await request(`${app.url}/health`)).ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const pollSignedIn = (async () => {
    while (busy) {
      const me = await request(`${app.url}/api/v1/me`, { token });
      if (importing) signedIn.push(me.ms);
      const page = await request(`${app.url}/activities/${id}`, { token });
      expect(page.status).toBe(200);
      if (importing) signedInPage.push(page.ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const importsUrl = `${app.url}/api/v1/activities/${id}/annex-a/imports`;
  const big = await upload(importsUrl, token, 'annex-a.xlsx', readFileSync(xlsx));
  importing = false;
  const hostile = await upload(importsUrl, token, 'wide.csv', wide);
  busy = false;
  await Promise.all([poll, pollSignedIn]);

  expect(app.alive()).toBe(true);
  expect(big.status).toBe(200);
  expect([200, 422]).toContain(hostile.status);
  const figures = {
    annexARows: ROWS,
    importMs: Math.round(big.ms),
    wideCsvMs: Math.round(hostile.ms),
    wideCsvStatus: hostile.status,
    healthSamples: health.length,
    healthP50: percentile(health, 50),
    healthP95: percentile(health, 95),
    healthMax: percentile(health, 100),
    signedInP50: percentile(signedIn, 50),
    signedInP95: percentile(signedIn, 95),
    signedInMax: percentile(signedIn, 100),
    signedInPageP50: percentile(signedInPage, 50),
    signedInPageP95: percentile(signedInPage, 95),
    signedInPageMax: percentile(signedInPage, 100),
  };
  recordFigures('/health during Annex A import (embedded)', figures);
  expect(figures.healthP95).toBeLessThan(50);
  // Never held up for the whole import (which once took every signed-in request 10 s and more):
  // at most a batch or two of rows stands in the way (generous, for a loaded machine).
  expect(figures.signedInP95).toBeLessThan(3000);
  expect(figures.signedInPageP95).toBeLessThan(3000);
}, 900_000);
