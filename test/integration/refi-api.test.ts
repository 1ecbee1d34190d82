import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['lead', 'admin']) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: demoEmail(who), password: DEMO_PASSWORD },
    });
    tokens[who] = r.json<{ token: string }>().token;
  }
}, 120_000);
afterAll(async () => t?.close());

describe('REFI-QDA over the JSON API', () => {
  let qdpx: Buffer;

  it('downloads the evidence base as .qdpx and the codebook as .qdc', async () => {
    const ev = `/api/v1/activities/${t.demo.activityId}`;
    const seeded = await t.app.inject({
      method: 'POST',
      url: `${ev}/codes/seed`,
      headers: auth('lead'),
    });
    expect(seeded.statusCode).toBeLessThan(300);
    const rec = await t.app.inject({
      method: 'POST',
      url: `${ev}/evidence`,
      headers: auth('lead'),
      payload: { text: 'Managers know their services well 👍.', method: 'manager_leader_meeting' },
    });
    expect(rec.statusCode).toBe(201);
    const p = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${t.demo.activityId}/refi/project`,
      headers: auth('lead'),
    });
    expect(p.statusCode).toBe(200);
    expect(p.headers['content-type']).toBe('application/zip');
    expect(p.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.qdpx"$/);
    qdpx = p.rawPayload;
    expect(qdpx.subarray(0, 2).toString()).toBe('PK');
    const c = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${t.demo.activityId}/refi/codebook`,
      headers: auth('lead'),
    });
    expect(c.statusCode).toBe(200);
    expect(c.body).toMatch(/^<\?xml[^>]*>\s*<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
  });

  it('imports raw bytes into a new activity and answers with its id and the counts', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/refi/imports/raw?fileName=demo.qdpx&laId=demo-northfield&plannedStart=2026-01-05',
      headers: { ...auth('admin'), 'content-type': 'application/zip' },
      payload: qdpx,
    });
    expect(r.statusCode).toBe(201);
    const body = r.json<{
      activityId: string;
      activityCreated: boolean;
      counts: { evidence: number; codings: number };
    }>();
    expect(body.activityCreated).toBe(true);
    expect(body.counts.evidence).toBeGreaterThan(0);
    const a = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${body.activityId}`,
      headers: auth('admin'),
    });
    expect(a.statusCode).toBe(200);
  });

  it('refuses an invalid file with IMPORT_INVALID naming the element', async () => {
    const bad = zipSync({
      'project.qde': strToU8(
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="c-joy" name="Joy" isCodable="true"/></Codes></CodeBook></Project>',
      ),
    });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/refi/imports',
      headers: auth('lead'),
      payload: {
        fileName: 'bad.qdpx',
        contentBase64: Buffer.from(bad).toString('base64'),
        activityId: t.demo.activityId,
      },
    });
    expect(r.statusCode).toBe(422);
    const err = r.json<{
      error: { code: string; message: string; details: Array<Record<string, string>> };
    }>().error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.message).toMatch(/<Code guid="c-joy" name="Joy">/);
    expect(err.details[0]).toMatchObject({
      file: 'bad.qdpx',
      field: 'Project/CodeBook[1]/Codes[1]/Code[1]',
      value: 'c-joy',
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/activities/{id}/refi/project',
        '/api/v1/refi/imports',
        '/api/v1/refi/imports/raw',
      ]),
    );
  });
});
