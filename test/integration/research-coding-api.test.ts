// Coding inside a study over the JSON API, on the demo: the researcher pages the study's records,
// codes a passage by its words (201; 400 naming the field when the words are absent), lists the
// codings with the counts, and removes their own coding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email: demoEmail('researcher'), password: DEMO_PASSWORD },
  });
  auth = { authorization: `Bearer ${r.json<{ token: string }>().token}` };
}, 240_000);
afterAll(async () => t?.close());

describe('study codings over JSON', () => {
  it('pages records, codes a passage, lists and removes it', async () => {
    const studies = await t.app.inject({ url: '/api/v1/research/studies', headers: auth });
    const id = studies.json<{ studies: Array<{ id: string }> }>().studies[0]!.id;
    const base = `/api/v1/research/studies/${id}`;
    const page = await t.app.inject({ url: `${base}/records?limit=3`, headers: auth });
    expect(page.statusCode).toBe(200);
    const d = page.json<{ records: Array<{ ref: string; text: string }>; next: string | null }>();
    expect(d.records).toHaveLength(3);
    const rec = d.records[0]!;
    const words = rec.text.split(/\s+/).slice(0, 3).join(' ');
    const bad = await t.app.inject({
      method: 'POST',
      url: `${base}/codings`,
      headers: auth,
      payload: { record: rec.ref, quote: 'nowhere to be found', code: 'reflective_supervision' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('quote');
    const ok = await t.app.inject({
      method: 'POST',
      url: `${base}/codings`,
      headers: auth,
      payload: { record: rec.ref, quote: words, occurrence: 1, code: 'reflective_supervision' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const codingId = ok.json<{ id: string }>().id;
    const list = await t.app.inject({ url: `${base}/codings`, headers: auth });
    expect(list.json()).toMatchObject({
      codings: [{ id: codingId, record: rec.ref, mine: true }],
      counts: [{ key: 'reflective_supervision', codings: 1, records: 1 }],
    });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `${base}/codings/${codingId}`,
      headers: auth,
    });
    expect(del.statusCode).toBe(200);
    expect((await t.app.inject({ url: `${base}/codings`, headers: auth })).json()).toMatchObject({
      codings: [],
    });
  });
});
