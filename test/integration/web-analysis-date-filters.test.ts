// The analysis filters (search, coding query, matrix, co-occurrence: views/analysis/_filters.njk)
// take dates as GOV.UK date inputs (day, month, year), never the browser's date input, and a date
// that is not real is a problem naming its field, linked from the error summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenErrorAnchors,
  createTestApp,
  errorSummary,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/analysis`;
});
afterAll(async () => t?.close());

const pages = ['search', 'coding-query', 'matrix', 'co-occurrence'];

describe('analysis date filters', () => {
  it('uses day, month and year inputs on every page that has the filters', async () => {
    const lead = await signInAs(t, 'lead');
    for (const p of pages) {
      const page = await lead.get(`${base}/${p}`);
      expect(page.statusCode, p).toBe(200);
      expect(page.body, p).not.toContain('type="date"');
      for (const id of ['from-day', 'from-month', 'from-year', 'to-day', 'to-year'])
        expect(page.body, p).toContain(`id="${id}"`);
    }
    const query = await lead.get(`${base}/coding-query`);
    for (const id of ['codedFrom-day', 'codedFrom-month', 'codedTo-year'])
      expect(query.body).toContain(`id="${id}"`);
  });

  it('names the field of a date that is not real, and links the summary to it', async () => {
    const lead = await signInAs(t, 'lead');
    for (const p of pages) {
      const page = await lead.get(
        `${base}/${p}?from-day=31&from-month=2&from-year=2026&codedFrom-day=x&codedFrom-month=1&codedFrom-year=2026`,
      );
      const summary = errorSummary(page.body);
      expect(
        summary.map((e) => e.text),
        p,
      ).toContain('The ‘gathered from’ date must be a real date, for example 27 3 2027');
      expect(summary.find((e) => e.text.includes('gathered from'))?.href, p).toBe('#from-day');
      if (p === 'coding-query')
        expect(summary.map((e) => e.text)).toContain(
          'The ‘coded from’ date must be a real date, for example 27 3 2027',
        );
      expect(brokenErrorAnchors(page.body), p).toEqual([]);
      // What was typed stays in the inputs, and the filters are open to show it.
      expect(page.body, p).toMatch(/id="from-day"[^>]*value="31"|value="31"[^>]*id="from-day"/);
      expect(page.body, p).toContain('<details class="govuk-details" open');
    }
  });

  it('refuses a "to" date before the "from" date, and takes YYYY-MM-DD from links', async () => {
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(
      `${base}/search?from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026`,
    );
    expect(errorSummary(page.body).map((e) => e.text)).toContain(
      'The ‘gathered to’ date must be the same as or after the ‘gathered from’ date',
    );
    const linked = await lead.get(`${base}/search?from=2026-03-02`);
    expect(errorSummary(linked.body)).toEqual([]);
    expect(linked.body).toMatch(/id="from-month"[^>]*value="3"|value="3"[^>]*id="from-month"/);
  });
});
