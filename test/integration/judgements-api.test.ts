// The judgements JSON API: contracts and access, on the demo inspection.
import { todayInEngland } from '../../src/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
let A: string;
const tokens = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  A = `/api/v1/activities/${t.demo.activityId}`;
  for (const key of ['lead', 'inspector', 'qam', 'la', 'national']) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: demoEmail(key), password: DEMO_PASSWORD },
    });
    tokens.set(key, r.json<{ token: string }>().token);
  }
});
afterAll(async () => t?.close());

function call(key: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens.get(key)}` },
    ...(payload ? { payload } : {}),
  });
}

describe('judgements API', () => {
  it('lists the demo judgements in framework order with the stage', async () => {
    const res = await call('lead', 'GET', `${A}/judgements`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      stage: string;
      judgements: Array<{ key: string; record: { version: number } | null }>;
    }>();
    expect(body.stage).toBe('team_provisional');
    expect(body.judgements.map((j) => j.key)).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
    ]);
    expect((await call('la', 'GET', `${A}/judgements`)).statusCode).toBe(404);
  });

  it('changes a judgement with optimistic concurrency and records the history', async () => {
    const before = (await call('lead', 'GET', `${A}/judgements`)).json<{
      judgements: Array<{ key: string; record: { version: number } | null }>;
    }>();
    const version = before.judgements.find((j) => j.key === 'care_leavers')?.record?.version ?? 0;
    const ok = await call('inspector', 'PATCH', `${A}/judgements/care_leavers`, {
      expectedVersion: version,
      grade: 'inadequate',
      position: 'secure',
      narrative: 'Too many care leavers are not in touch.',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      changed: true,
      judgement: { grade: 'inadequate', version: version + 1 },
    });
    // Fields left out keep their value (the demo's context statement).
    expect(ok.json<{ judgement: { context: string } }>().judgement.context).toMatch(/deprivation/);
    const stale = await call('lead', 'PATCH', `${A}/judgements/care_leavers`, {
      expectedVersion: version,
      grade: 'good',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const bad = await call('lead', 'PATCH', `${A}/judgements/care_leavers`, {
      expectedVersion: version + 1,
      grade: 'excellent',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await call('national', 'PATCH', `${A}/judgements/care_leavers`, {
          expectedVersion: 0,
          grade: 'good',
        })
      ).statusCode,
    ).toBe(403);
    const history = (
      await call('qam', 'GET', `${A}/judgements/history?judgement=care_leavers`)
    ).json<{
      changes: Array<{ field: string; to: string | null; changedBy: string }>;
    }>();
    expect(history.changes.at(-2)).toMatchObject({
      field: 'grade',
      to: 'inadequate',
      changedBy: 'Tom Achebe (HMI)',
    });
  });

  it('serves provisional views, the feedback log, the report input and the moderation record', async () => {
    expect(
      (
        await call('inspector', 'POST', `${A}/judgements/impact_of_leaders/provisional-view`, {
          grade: 'outstanding',
        })
      ).statusCode,
    ).toBe(200);
    const views = (await call('lead', 'GET', `${A}/judgements/provisional-views`)).json<{
      judgements: Array<{ key: string; spread: number | null }>;
    }>();
    expect(views.judgements.find((j) => j.key === 'impact_of_leaders')?.spread).toBe(1);
    const fb = await call('lead', 'POST', `${A}/feedback-log`, {
      kind: 'final_feedback',
      // Feedback is dated today or earlier, never before the LA was told (the demo: today).
      heldOn: todayInEngland(),
      present: 'DCS, lead inspector',
      themes: [
        {
          judgementKey: 'care_leavers',
          direction: 'weakness',
          text: 'Not in touch',
          indicatedGrade: 'requires_improvement',
        },
      ],
    });
    expect(fb.statusCode).toBe(201);
    const log = (await call('qam', 'GET', `${A}/feedback-log`)).json<{
      entries: unknown[];
      divergence: Array<{ key: string }>;
    }>();
    expect(log.entries.length).toBeGreaterThanOrEqual(2);
    expect(log.divergence.map((d) => d.key)).toContain(
      `grade_differs:${(fb.json() as { id: string }).id}:care_leavers`,
    );
    const report = (await call('lead', 'GET', `${A}/judgements/report-input`)).json<{
      judgements: Array<{ judgementKey: string; gradeLabel: string | null; state: string }>;
    }>();
    expect(report.judgements.find((j) => j.judgementKey === 'care_leavers')).toMatchObject({
      gradeLabel: 'Inadequate',
      state: 'team_provisional',
    });
    expect((await call('lead', 'GET', `${A}/moderation-record`)).statusCode).toBe(200);
    expect((await call('la', 'GET', `${A}/moderation-record`)).statusCode).toBe(404);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(openapi.paths)).toContain('/api/v1/activities/{id}/judgements/{key}');
  });
});
