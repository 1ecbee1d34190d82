// The evidence list's date filters are GOV.UK date inputs (day, month, year) like every other
// date on the site, with a problem that names the field when a date is not real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenErrorAnchors,
  createTestApp,
  decodeHtml,
  errorSummary,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/evidence`;
});
afterAll(async () => t?.close());

const total = (html: string) => Number(/(\d+) records? match/.exec(decodeHtml(html))?.[1]);

describe('evidence date filters', () => {
  it('uses day, month and year inputs, never the browser’s date input', async () => {
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('type="date"');
    for (const id of ['from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'])
      expect(page.body).toContain(`id="${id}"`);
  });

  it('filters by the typed dates, and keeps them in the inputs', async () => {
    const lead = await signInAs(t, 'lead');
    const all = total((await lead.get(base)).body);
    const future = await lead.get(`${base}?from-day=1&from-month=1&from-year=2099`);
    expect(future.statusCode).toBe(200);
    expect(total(future.body)).toBe(0);
    expect(future.body).toMatch(/id="from-year"[^>]*value="2099"|value="2099"[^>]*id="from-year"/);
    const past = await lead.get(`${base}?to-day=31&to-month=12&to-year=2099`);
    expect(total(past.body)).toBe(all);
    // Links the pages build carry the date as YYYY-MM-DD; it shows in the inputs too.
    const linked = await lead.get(`${base}?from=2099-01-01`);
    expect(total(linked.body)).toBe(0);
    expect(linked.body).toMatch(/value="2099"/);
  });

  it('names the field when a date is not real, and links the problem to it', async () => {
    const lead = await signInAs(t, 'lead');
    const bad = await lead.get(`${base}?from-day=31&from-month=2&from-year=2026`);
    expect(bad.statusCode).toBe(400);
    const problems = errorSummary(bad.body);
    expect(problems).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('‘gathered from’ date must be a real date'),
        href: '#from-day',
      }),
    ]);
    expect(brokenErrorAnchors(bad.body)).toEqual([]);
    const reversed = await lead.get(
      `${base}?from-day=2&from-month=2&from-year=2026&to-day=1&to-month=2&to-year=2026`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(decodeHtml(reversed.body)).toContain(
      'The ‘gathered to’ date must be the same as or after the ‘gathered from’ date',
    );
  });
});
