// Hostile files through the real routes (issue 10): each is a clear refusal with the error
// catalogue (422 naming the file and the limit), never a 500 or a stalled server. The files are
// read in worker threads (needs `npm run build`: workers run the compiled JavaScript).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFlateBombPdf, makeSelfReferencingPdf } from '../helpers/evidence-files.js';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
const tokens = new Map<string, string>();
const bearer = (key: string) => ({ authorization: `Bearer ${tokens.get(key)}` });

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['lead', 'admin']) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: demoEmail(key), password: DEMO_PASSWORD },
    });
    tokens.set(key, r.json<{ token: string }>().token);
  }
}, 120_000);
afterAll(async () => t?.close());

const wideCsv = (columns: number) =>
  `${Array.from({ length: columns }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(columns - 1)}1\n`;

describe('evidence files', () => {
  const importPdf = (fileName: string, bytes: Uint8Array) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${t.demo.activityId}/evidence/import`,
      headers: bearer('lead'),
      payload: {
        fileName,
        method: 'la_audit',
        contentBase64: Buffer.from(bytes).toString('base64'),
      },
    });

  it('refuses a flate-bomb PDF with a 422 naming the file and the limit', async () => {
    const r = await importPdf('bomb.pdf', makeFlateBombPdf(300));
    expect(r.statusCode, r.body).toBe(422);
    const error = r.json().error;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toMatch(/^bomb\.pdf could not be imported: .*400 times/);
    expect(error.details[0]).toMatchObject({ file: 'bomb.pdf' });
  }, 60_000);

  it('refuses a PDF whose page tree refers to itself with a 422', async () => {
    const r = await importPdf('loop.pdf', makeSelfReferencingPdf());
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(r.json().error.message).toMatch(/^loop\.pdf could not be imported/);
  }, 60_000);
});

describe('Annex A files', () => {
  const upload = (fileName: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${t.demo.activityId}/annex-a/imports?fileName=${fileName}`,
      headers: { ...bearer('lead'), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(body),
    });

  it('refuses a CSV with 200,000 columns at once, naming the file and the limit', async () => {
    const t0 = performance.now();
    const r = await upload('wide.csv', wideCsv(200_000));
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.code).toBe('IMPORT_INVALID');
    expect(r.json().error.details[0]).toMatchObject({
      file: 'wide.csv',
      reason: expect.stringMatching(/row 1 .*16,384 columns/),
    });
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 60_000);

  it('refuses a CSV whose one field is 30 MB, naming the row and the limit', async () => {
    const r = await upload('big.csv', `Child ID,Note\n"${'x'.repeat(30 * 1024 * 1024)}",1\n`);
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({
      file: 'big.csv',
      reason: expect.stringMatching(/row 2 is longer than 393,212 characters/),
    });
  }, 60_000);
});

describe('inspection-history files', () => {
  it('refuses a history CSV with 200,000 columns, naming the file, row and limit', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/history/imports',
      headers: bearer('admin'),
      payload: { fileName: 'wide-history.csv', content: wideCsv(200_000) },
    });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({
      file: 'wide-history.csv',
      row: 1,
      reason: expect.stringMatching(/1,000 columns/),
    });
  }, 60_000);
});
