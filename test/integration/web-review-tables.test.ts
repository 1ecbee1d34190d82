// The review tables page and its downloads: charts with data tables, the source and year chosen,
// CSV and XLSX exports with formula injection neutralised, and the JSON API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, decodeHtml, h1, signInAs, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(async () => t.close());

describe('the review tables page', () => {
  it('shows each table as a chart and a data table, from the published history by default', async () => {
    const national = await signInAs(t, 'national');
    const res = await national.get('/history/review-tables?year=2018');
    expect(res.statusCode).toBe(200);
    const html = decodeHtml(res.body);
    expect(h1(res.body)).toMatch(/2019 review/);
    expect(html).toContain('Ofsted’s published inspection history');
    expect(html).toMatch(/<svg class="app-chart" role="img"/);
    expect(html).toMatch(/Table 1: engagements with LAs per year by type/);
    expect(html).toMatch(/Short inspection<\/td>|Short inspection<\/th>/);
    expect(html).toContain('Not computed: the data holds no area SEND inspection dates.');
    expect(html).toContain('table=table4&format=xlsx&source=history&yearStartMonth=1&year=2018');
  });

  it('shows regional staff Triangulate’s activities of their own region', async () => {
    const regional = await signInAs(t, 'regional');
    const res = await regional.get('/history/review-tables?source=app');
    expect(res.statusCode).toBe(200);
    expect(decodeHtml(res.body)).toContain('Showing: <strong>Triangulate’s activities</strong>');
    const list = await regional.get('/las');
    expect(list.body).toContain('href="/history/review-tables"');
  });

  it('downloads a table as CSV and as XLSX', async () => {
    const national = await signInAs(t, 'national');
    const csv = await national.get('/history/review-tables/download?table=table1&year=2018');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('review-table1-history-2018.csv');
    expect(csv.body).toMatch(/^\ufeffYear,Type,Occurrences,LAs/);
    expect(csv.body).toContain('2018,Standard inspection,26,26');
    const xlsx = await national.get(
      '/history/review-tables/download?table=table2&format=xlsx&yearStartMonth=4',
    );
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('neutralises a theme that would be a spreadsheet formula', async () => {
    await t.database.db
      .insertInto('inspection_history')
      .values({
        la_id: 'camden',
        activity_type: 'focused_visit',
        framework_id: 'ilacs-2023',
        start_date: '2024-11-05',
        end_date: '2024-11-06',
        publication_date: null,
        theme: '=HYPERLINK("http://example.org")',
        grades: JSON.stringify({}),
        source: 'ofsted-mi',
        source_key: 'test:camden:formula',
      })
      .execute();
    const national = await signInAs(t, 'national');
    const csv = await national.get('/history/review-tables/download?table=table7&year=2024');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://example.org"")"`);
  });

  it('answers the JSON API, described in OpenAPI', async () => {
    const national = await signInAs(t, 'national');
    const res = await national.get('/api/v1/history/review-tables?source=history&year=2018');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { source: string; table1: { type: string; occurrences: number }[] };
    expect(body.source).toBe('history');
    expect(body.table1.find((r) => r.type === 'short_inspection')?.occurrences).toBe(8);
    const bad = await national.get('/api/v1/history/review-tables?source=plans');
    expect(bad.statusCode).toBe(400);
    const doc = (await national.get('/api/openapi.json')).json() as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const params = doc.paths['/api/v1/history/review-tables']?.get?.parameters?.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['source', 'yearStartMonth', 'year']));
  });
});
