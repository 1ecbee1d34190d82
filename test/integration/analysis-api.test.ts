import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { createLineOfEnquiry } from '../../src/usecases/analysis/create-line-of-enquiry.js';
import { createWorld, type World } from '../helpers/analysis.js';

let w: World;
let app: FastifyInstance;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  w = await createWorld();
  app = await buildApp({
    config: { logLevel: 'silent', sessionSecret: undefined },
    database: w.t,
    catalog: loadActivityTypeCatalog(),
  });
  await app.ready();
  for (const key of ['lead', 'outsider', 'dcs', 'researcher', 'national']) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: `${key}@example.org`, password: 'fixture password 123' },
    });
    tokens[key] = (r.json() as { token: string }).token;
  }
});
afterAll(async () => {
  await app.close();
  await w.t.destroy();
});

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) =>
  app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('evidence analysis API', () => {
  it('describes its routes in the OpenAPI document', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const paths = (r.json() as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/activities/{id}/evidence/search',
        '/api/v1/activities/{id}/analysis/coding-query',
        '/api/v1/activities/{id}/lines-of-enquiry/{lineId}/status',
      ]),
    );
  });

  it('searches with highlights; others get 404 (activity) or 403 (across activities)', async () => {
    const base = `/api/v1/activities/${w.activityId}/evidence/search`;
    const r = await call('lead', 'GET', `${base}?q=${encodeURIComponent('protection -drift')}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as {
      total: number;
      hits: Array<{ reference: string; highlights: number[][] }>;
    };
    expect(body.total).toBe(1);
    expect(body.hits[0]?.reference).toBe('E4');
    expect(body.hits[0]?.highlights.length).toBe(1);
    const filtered = await call(
      'lead',
      'GET',
      `${base}?q=plan&method=case_file_reading,child_conversation`,
    );
    expect((filtered.json() as { total: number }).total).toBe(2);
    for (const who of ['outsider', 'dcs', 'researcher'])
      expect((await call(who, 'GET', `${base}?q=plan`)).statusCode).toBe(404);
    expect((await call('national', 'GET', '/api/v1/evidence/search?q=plan')).statusCode).toBe(200);
    expect((await call('dcs', 'GET', '/api/v1/evidence/search?q=plan')).statusCode).toBe(403);
  });

  it('runs coding and matrix queries and exports them as files', async () => {
    const root = `/api/v1/activities/${w.activityId}/analysis`;
    const q = await call('lead', 'POST', `${root}/coding-query`, {
      expression: '"Front door" AND "Significant harm"',
    });
    expect(q.statusCode).toBe(200);
    expect((q.json() as { passages: Array<{ text: string }> }).passages[0]?.text).toBe(
      'plan drifted for months',
    );
    const csv = await call('lead', 'POST', `${root}/coding-query/export`, {
      expression: { code: w.codes.harm },
      format: 'csv',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="coding-query-.*\.csv"/,
    );
    expect(csv.body).toContain('protection from harm feels weak');
    const m = await call('lead', 'POST', `${root}/matrix`, {
      rows: { kind: 'codes', codes: [w.codes.frontDoor, w.codes.harm] },
      columns: { kind: 'direction' },
    });
    expect((m.json() as { counts: number[][] }).counts).toEqual([
      [1, 1, 0, 0, 0],
      [0, 2, 0, 0, 0],
    ]);
    const xlsx = await call('lead', 'POST', `${root}/matrix/export`, {
      rows: { kind: 'codes', codes: [w.codes.frontDoor] },
      columns: { kind: 'method' },
      format: 'xlsx',
    });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await call('lead', 'POST', `${root}/coding-query`, { expression: 'Nope' });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await call('outsider', 'POST', `${root}/matrix`, {
          rows: { kind: 'judgementAreas' },
          columns: { kind: 'method' },
        })
      ).statusCode,
    ).toBe(404);
    const balance = await call('lead', 'GET', `${root}/balance`);
    expect(balance.statusCode).toBe(200);
  });

  it('closes a hypothesis only after its challenges are reviewed', async () => {
    const line = await createLineOfEnquiry(w.as(w.lead), {
      activityId: w.activityId,
      title: 'Front door decisions are timely',
      judgementAreas: ['help_and_protection'],
    });
    const base = `/api/v1/activities/${w.activityId}/lines-of-enquiry/${line.id}`;
    expect(
      (
        await call('lead', 'PATCH', `${base}/focus`, {
          kind: 'hypothesis',
          direction: 'strength',
          codeIds: [w.codes.frontDoor],
        })
      ).statusCode,
    ).toBe(200);
    const refused = await call('lead', 'POST', `${base}/status`, {
      status: 'closed',
      conclusion: 'Timely',
    });
    expect(refused.statusCode).toBe(409);
    const err = refused.json() as { error: { code: string; details: Array<{ value: string }> } };
    expect(err.error.code).toBe('INVALID_TRANSITION');
    const view = (await call('lead', 'GET', `${base}/challenges`)).json() as {
      challenges: Array<{ kind: string; id: string }>;
      line: { title: string };
    };
    expect(view.line.title).toBe('Front door decisions are timely');
    expect(err.error.details.map((d) => d.value)).toEqual(
      view.challenges.map((c) => `${c.kind}:${c.id}`),
    );
    const reviewed = await call('lead', 'POST', `${base}/reviews`, {
      items: view.challenges.map((c) => ({ kind: c.kind, id: c.id })),
      outcome: 'challenges',
      note: 'E1 shows drift at the front door',
    });
    expect(reviewed.json()).toEqual({ reviewed: view.challenges.length });
    const closed = await call('lead', 'POST', `${base}/status`, {
      status: 'closed',
      conclusion: 'Mostly timely; E1 is an exception',
    });
    expect(closed.statusCode).toBe(200);
    expect((closed.json() as { status: string }).status).toBe('closed');
  });

  it('marks vignettes, checks text for identifiers and records team meetings', async () => {
    const v = await call('lead', 'POST', `/api/v1/activities/${w.activityId}/vignettes`, {
      evidenceId: w.e.E2,
      start: 0,
      end: 20,
    });
    expect(v.statusCode).toBe(201);
    const check = await call('lead', 'POST', '/api/v1/anonymisation-check', {
      text: 'Seen at 4 Elm Road, B1 1AA.',
    });
    expect(
      (check.json() as { findings: Array<{ kind: string }> }).findings.map((f) => f.kind),
    ).toEqual(['address', 'postcode']);
    const meeting = await call('lead', 'POST', `/api/v1/activities/${w.activityId}/meetings`, {
      kind: 'evening',
    });
    expect(meeting.statusCode).toBe(201);
    const view = await call('lead', 'GET', `/api/v1/activities/${w.activityId}/meetings/view`);
    expect((view.json() as { lastMeeting: { kind: string } }).lastMeeting.kind).toBe('evening');
  });
});
