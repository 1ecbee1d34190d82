// The programme's JSON API (issue 14) on the demo: a regional user starts a solve of the North
// West (ten weeks, the inspectors' profiles) and follows the job to its run; shows it (every
// placement with its LA, type, week and team; no hard-rule breach), explains it, lays it out by
// week and by inspector, pins a placement and asks what-if (each a job), compares two runs and
// publishes one. The LA user is refused everything about plans and never sees a planned date on
// their LA's timeline; the OpenAPI document says the solve answers 202.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf, todayInEngland } from '../../src/clock.js';
import { DEMO_LA } from '../../src/demo/demo-content.js';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let from: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked by the assertions
type Json = Record<string, any>;
async function call(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(method === 'POST' ? { payload: payload ?? {} } : {}),
  });
  return { status: res.statusCode, body: res.json<Json>(), headers: res.headers };
}

/** Follows a solve job until it ends; answers its run's id. */
async function solved(jobId: string): Promise<string> {
  for (;;) {
    const r = await call('regional', 'GET', `/api/v1/programme/solves/${jobId}`);
    expect(r.status).toBe(200);
    if (r.body.state === 'done') {
      expect(r.body.outcome.hardBreaches).toBe(0);
      expect(r.body.runUrl).toBe(`/api/v1/programme/runs/${r.body.outcome.runId}`);
      return r.body.outcome.runId as string;
    }
    expect(r.body.state, JSON.stringify(r.body.error)).not.toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function queued(r: Awaited<ReturnType<typeof call>>): Promise<string> {
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  expect(r.headers.location).toBe(r.body.statusUrl);
  return solved(r.body.jobId as string);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['regional', 'la']) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: demoEmail(who), password: DEMO_PASSWORD },
    });
    tokens[who] = r.json<{ token: string }>().token;
  }
  from = addDays(mondayOf(todayInEngland()), 14);
}, 180_000);
afterAll(async () => t?.close());

// Small: ten weeks, stopping at a 50% proven gap (the limit is a backstop on a loaded machine).
const solveBody = () => ({
  region: 'north-west',
  from,
  weeks: 10,
  timeLimitSeconds: 300,
  relativeGap: 0.5,
});

describe('the programme API', () => {
  let first: Json;
  let whatIfRunId: string;

  it('solves through a job and shows the run: placements with LA, type, week, team', async () => {
    const runId = await queued(
      await call('regional', 'POST', '/api/v1/programme/solves', solveBody()),
    );
    const shown = await call('regional', 'GET', `/api/v1/programme/runs/${runId}`);
    expect(shown.status).toBe(200);
    first = shown.body;
    expect(first.run).toMatchObject({ id: runId, region: 'North West', weeks: 10 });
    expect(first.hardBreaches).toEqual([]);
    expect(first.rosterFromProfiles).toBe(true);
    expect(
      first.placements.length,
      `${first.run.status}: ${JSON.stringify(first.skipped)}`,
    ).toBeGreaterThan(0);
    for (const p of first.placements) {
      expect(p).toMatchObject({
        laId: expect.any(String),
        laName: expect.any(String),
        activityType: expect.any(String),
        week: expect.any(Number),
      });
      expect(p.team.filter((m: Json) => m.teamRole === 'lead')).toHaveLength(1);
    }
    const list = await call('regional', 'GET', '/api/v1/programme/runs?region=north-west');
    expect(list.body.map((r: Json) => r.id)).toContain(runId);
  }, 600_000);

  it('explains a placement and lays the run out by week and by inspector', async () => {
    const p = first.placements[0];
    const e = await call(
      'regional',
      'GET',
      `/api/v1/programme/runs/${first.run.id}/explanation?la=${encodeURIComponent(p.laName)}`,
    );
    expect(e.status).toBe(200);
    expect(e.body.placements.every((x: Json) => x.laId === p.laId)).toBe(true);
    expect(e.body.placements[0].binding[0]).toMatch(/^Needed: /);
    const b = await call('regional', 'GET', `/api/v1/programme/runs/${first.run.id}/board`);
    expect(b.status).toBe(200);
    expect(b.body.byWeek).toHaveLength(10);
    expect(b.body.byWeek.flatMap((w: Json) => w.placements)).toHaveLength(first.placements.length);
    const lead = p.team.find((m: Json) => m.teamRole === 'lead');
    expect(b.body.byInspector.find((i: Json) => i.inspectorId === lead.inspectorId).leads).toBe(
      first.placements.filter((x: Json) =>
        x.team.some((m: Json) => m.teamRole === 'lead' && m.inspectorId === lead.inspectorId),
      ).length,
    );
    expect(b.body).toMatchObject({ canSolve: true, canPublish: true });
  });

  it('pins a placement to its week with its lead, and asks what if a member is on leave', async () => {
    const p = first.placements[0];
    const lead = p.team.find((m: Json) => m.teamRole === 'lead');
    const pinned = await queued(
      await call('regional', 'POST', `/api/v1/programme/runs/${first.run.id}/pin`, {
        la: p.laId,
        activityType: p.activityType,
        week: p.start,
        lead: lead.inspectorId,
        timeLimitSeconds: 300,
      }),
    );
    const v = (await call('regional', 'GET', `/api/v1/programme/runs/${pinned}`)).body;
    expect(v.run.parentRunId).toBe(first.run.id);
    const q = v.placements.find(
      (x: Json) => x.laId === p.laId && x.activityType === p.activityType,
    );
    expect(q.week).toBe(p.week);
    expect(q.team.find((m: Json) => m.teamRole === 'lead').inspectorId).toBe(lead.inspectorId);

    const member = p.team[0];
    whatIfRunId = await queued(
      await call('regional', 'POST', `/api/v1/programme/runs/${first.run.id}/what-if`, {
        leave: [{ inspector: member.inspectorId, from: p.start, to: p.end }],
        timeLimitSeconds: 300,
      }),
    );
    const w = (await call('regional', 'GET', `/api/v1/programme/runs/${whatIfRunId}`)).body;
    for (const x of w.placements)
      if (x.start <= p.end && x.end >= p.start)
        expect(x.team.map((m: Json) => m.inspectorId)).not.toContain(member.inspectorId);
    // A what-if without a change is refused as invalid, and nothing is queued.
    const empty = await call(
      'regional',
      'POST',
      `/api/v1/programme/runs/${first.run.id}/what-if`,
      {},
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
  }, 900_000);

  it('compares two runs and publishes one', async () => {
    const cmp = await call(
      'regional',
      'GET',
      `/api/v1/programme/compare?a=${first.run.id}&b=${whatIfRunId}`,
    );
    expect(cmp.status).toBe(200);
    expect(cmp.body.a.id).toBe(first.run.id);
    expect(cmp.body.differences.length).toBeGreaterThan(0);
    expect(cmp.body.objective.a).toBe(first.run.objective);
    // The demo has published version 1 (52 weeks): what this plan keeps of it is moved, the rest
    // cancelled.
    const runs = await call('regional', 'GET', '/api/v1/programme/runs?region=north-west');
    const demoRun = runs.body.find((r: Json) => r.publishedVersion === 1);
    const demo = (await call('regional', 'GET', `/api/v1/programme/runs/${demoRun.id}`)).body;
    const same = (p: Json, q: Json) =>
      q.laId === p.laId && q.activityType === p.activityType && q.ordinal === p.ordinal;
    const kept = first.placements.filter((p: Json) =>
      demo.placements.some((q: Json) => same(p, q)),
    ).length;
    const pub = await call('regional', 'POST', `/api/v1/programme/runs/${first.run.id}/publish`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body).toMatchObject({
      version: 2,
      created: first.placements.length - kept,
      cancelled: demo.placements.length - kept,
    });
    const again = await call('regional', 'POST', `/api/v1/programme/runs/${first.run.id}/publish`);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('PROGRAMME_NOT_PUBLISHABLE');
    // The region's planners see the planned activities on the LA's timeline.
    const p = first.placements[0];
    const tl = await call('regional', 'GET', `/api/v1/las/${p.laId}/timeline`);
    expect(tl.body.canSeePlans).toBe(true);
    expect(tl.body.planned.items.map((i: Json) => i.start)).toContain(p.start);
  });

  it('refuses the LA user everything about plans, and shows no planned date', async () => {
    const id = first.run.id as string;
    const hidden = [
      await call('la', 'GET', `/api/v1/programme/runs/${id}`),
      await call('la', 'GET', `/api/v1/programme/runs/${id}/explanation`),
      await call('la', 'GET', `/api/v1/programme/runs/${id}/board`),
      await call('la', 'GET', '/api/v1/programme/runs?region=north-west'),
      await call('la', 'GET', `/api/v1/programme/compare?a=${id}&b=${whatIfRunId}`),
      await call('la', 'POST', '/api/v1/programme/solves', solveBody()),
      await call('la', 'POST', `/api/v1/programme/runs/${id}/pin`, { la: 'x', week: from }),
      await call('la', 'POST', `/api/v1/programme/runs/${id}/what-if`, {}),
      await call('la', 'POST', `/api/v1/programme/runs/${id}/publish`),
    ];
    for (const r of hidden) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
    // Their own LA's timeline: the past only, whatever the published plan holds for it.
    const laId = DEMO_LA.id;
    const tl = await call('la', 'GET', `/api/v1/las/${laId}/timeline`);
    expect(tl.status).toBe(200);
    expect(tl.body).toMatchObject({ canSeePlans: false, planned: null });
    const planned = first.placements.filter((p: Json) => p.laId === laId);
    for (const p of planned) expect(JSON.stringify(tl.body)).not.toContain(p.start);
  });

  it('documents the routes, the solve answering 202', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Json>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/programme/solves',
        '/api/v1/programme/solves/{jobId}',
        '/api/v1/programme/runs/{id}',
        '/api/v1/programme/runs/{id}/board',
        '/api/v1/programme/compare',
        '/api/v1/las/{id}/timeline',
      ]),
    );
    expect(doc.paths['/api/v1/programme/solves'].post.responses['202']).toBeTruthy();
    expect(doc.paths['/api/v1/programme/runs/{id}/publish'].post.responses['200']).toBeTruthy();
  });
});
