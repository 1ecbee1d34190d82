// The agreement JSON API: post ratings, get every statistic with its interval; the contract is in
// the OpenAPI document; bad input answers 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email: demoEmail('inspector'), password: DEMO_PASSWORD },
  });
  auth = { authorization: `Bearer ${r.json<{ token: string }>().token}` };
});
afterAll(async () => t.close());

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", observers A-D by 12 units.
const rows = [
  ['1', '1', null, '1'],
  ['2', '2', '3', '2'],
  ['3', '3', '3', '3'],
  ['3', '3', '3', '3'],
  ['2', '2', '2', '2'],
  ['1', '2', '3', '4'],
  ['4', '4', '4', '4'],
  ['1', '1', '2', '1'],
  ['2', '2', '2', '2'],
  [null, '5', '5', '5'],
  [null, null, '1', '1'],
  [null, null, '3', null],
];

describe('POST /api/v1/agreement', () => {
  it('returns every statistic of the level with its interval and disagreements', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agreement',
      headers: auth,
      payload: {
        unit: 'case',
        level: 'interval',
        resamples: 100,
        seed: 5,
        raters: ['A', 'B', 'C', 'D'],
        units: rows.map((ratings, i) => ({ id: String(i + 1), ratings })),
      },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      results: {
        name: string;
        value: number | null;
        interval: { seed: number } | null;
        disagreements: { unit: string }[];
      }[];
    }>();
    const alpha = body.results.find((x) => x.name === "Krippendorff's alpha (interval)")!;
    expect(alpha.value).toBeCloseTo(0.849, 3);
    expect(alpha.interval).toMatchObject({ seed: 5 });
    expect(alpha.disagreements.map((d) => d.unit)).toEqual(['2', '6', '8']);
  });

  it('answers 400 for a table whose rows do not match the raters', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agreement',
      headers: auth,
      payload: { raters: ['A', 'B'], units: [{ id: 'x', ratings: ['1'] }] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { code: string; message: string } }>().error.message).toMatch(
      /different number of ratings/,
    );
  });

  it('is in the OpenAPI document', async () => {
    const doc = (
      await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: auth })
    ).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/agreement');
  });
});
