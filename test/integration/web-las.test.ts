import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A known history for two authorities, whatever the bundled history holds.
  await t.database.db
    .deleteFrom('inspection_history')
    .where('la_id', 'in', ['manchester', 'camden'])
    .execute();
  await t.database.db
    .insertInto('inspection_history')
    .values([
      {
        la_id: 'manchester',
        activity_type: 'sif_inspection',
        framework_id: 'sif-2013',
        start_date: '2014-09-01',
        end_date: '2014-09-25',
        publication_date: '2014-11-01',
        theme: null,
        grades: JSON.stringify({
          overall_effectiveness: 'inadequate',
          help_and_protection: 'inadequate',
        }),
        source: 'ofsted-mi',
        source_key: 'test:manchester:2014',
      },
      {
        la_id: 'manchester',
        activity_type: 'standard_inspection',
        framework_id: 'ilacs-2023',
        start_date: '2024-03-04',
        end_date: '2024-03-15',
        publication_date: '2024-05-01',
        theme: null,
        grades: JSON.stringify({
          overall_effectiveness: 'good',
          impact_of_leaders: 'outstanding',
          help_and_protection: 'good',
          children_in_care: 'good',
          care_leavers: 'requires_improvement',
        }),
        source: 'ofsted-mi',
        source_key: 'test:manchester:2024',
      },
      {
        la_id: 'manchester',
        activity_type: 'focused_visit',
        framework_id: 'ilacs-2023',
        start_date: '2025-06-10',
        end_date: '2025-06-11',
        publication_date: null,
        theme: 'Front door',
        grades: JSON.stringify({}),
        source: 'ofsted-mi',
        source_key: 'test:manchester:2025fv',
      },
      {
        la_id: 'camden',
        activity_type: 'standard_inspection',
        framework_id: 'ilacs-2018',
        start_date: '2019-01-07',
        end_date: null,
        publication_date: null,
        theme: null,
        grades: JSON.stringify({ overall_effectiveness: 'outstanding' }),
        source: 'ofsted-mi',
        source_key: 'test:camden:2019',
      },
    ])
    .execute();
});
afterAll(async () => t?.close());

describe('LA register', () => {
  it('lists current authorities with region, latest judgement and grade', async () => {
    const researcher = await signInAs(t, 'researcher');
    const res = await researcher.get('/las?region=North+West');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Local authorities');
    expect(res.body).toContain('<title>Local authorities – Triangulate</title>');
    expect(res.body).toContain('href="/las/manchester"');
    expect((await researcher.get('/las?q=leeds')).body).toContain('href="/las/leeds"');
    expect(res.body).not.toContain('href="/las/dorset-to-2019"');
    const row =
      /<tr class="govuk-table__row">\s*<td[^>]*><a class="govuk-link" href="\/las\/manchester">[\s\S]*?<\/tr>/.exec(
        res.body,
      )?.[0] ?? '';
    expect(row).toContain('North West');
    expect(row).toContain('4 March 2024');
    expect(row).toContain('govuk-tag--turquoise');
    expect(row).toContain('Good');
  });

  it('pages the register by name, 50 at a time, saying where each page sits', async () => {
    const researcher = await signInAs(t, 'researcher');
    const seen: string[] = [];
    let res = await researcher.get('/las');
    const first = /Showing 1 to 50 of (\d+) local authorities/.exec(decodeHtml(res.body));
    expect(first).not.toBeNull();
    const total = Number(first![1]);
    expect(total).toBeGreaterThan(100);
    for (let pages = 0; pages < 10; pages++) {
      seen.push(
        ...[...res.body.matchAll(/<td[^>]*><a class="govuk-link" href="\/las\/([^"]+)"/g)].map(
          (m) => m[1]!,
        ),
      );
      const next = /<div class="govuk-pagination__next">\s*<a[^>]*href="([^"]+)"/.exec(
        res.body,
      )?.[1];
      if (!next) break;
      res = await researcher.get(decodeHtml(next));
      expect(res.statusCode).toBe(200);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toContain('manchester');
    const prev = /<div class="govuk-pagination__prev">\s*<a[^>]*href="([^"]+)"/.exec(res.body)?.[1];
    expect(prev).toBeDefined();
    const lastStart = Math.floor((total - 1) / 50) * 50;
    expect(decodeHtml((await researcher.get(decodeHtml(prev!))).body)).toContain(
      `Showing ${lastStart - 49} to ${lastStart} of ${total}`,
    );
  });

  it('searches by name and filters by region and grade', async () => {
    const regional = await signInAs(t, 'regional');
    const byName = await regional.get('/las?q=manch');
    expect(byName.body).toContain('href="/las/manchester"');
    expect(byName.body).not.toContain('href="/las/leeds"');
    expect(byName.body).toContain('1 local authority');

    const byRegion = await regional.get(`/las?region=${encodeURIComponent('London')}`);
    expect(byRegion.body).toContain('href="/las/camden"');
    expect(byRegion.body).not.toContain('href="/las/manchester"');

    const byGrade = await regional.get('/las?grade=outstanding');
    expect(byGrade.body).toContain('href="/las/camden"');
    expect(byGrade.body).not.toContain('href="/las/manchester"');

    const former = await regional.get('/las?q=dorset&former=yes');
    expect(former.body).toContain('href="/las/dorset-to-2019"');
  });

  it('explains a bad filter with an error summary', async () => {
    const regional = await signInAs(t, 'regional');
    const res = await regional.get('/las?region=Atlantis');
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      { href: '#region', text: 'Select a region from the list' },
    ]);
  });

  it('shows an LA user only their own authority', async () => {
    const la = await signInAs(t, 'la');
    const res = await la.get('/las');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/las/demo-northfield"');
    expect(res.body).not.toContain('href="/las/manchester"');
  });
});

describe('LA page', () => {
  it('shows codes, the history as a timeline newest first, and grades per judgement', async () => {
    const national = await signInAs(t, 'national');
    const res = await national.get('/las/manchester');
    expect(res.statusCode).toBe(200);
    const html = decodeHtml(res.body);
    expect(h1(res.body)).toBe('Manchester');
    expect(html).toContain('GSS code');
    expect(html).toContain('E08000003');
    expect(html).toContain('DfE LA code');
    const fv = html.indexOf('Focused visit');
    const ilacs = html.indexOf('Standard inspection');
    const sif = html.indexOf('Single inspection (SIF)');
    expect(fv).toBeGreaterThan(0);
    expect(fv).toBeLessThan(ilacs);
    expect(ilacs).toBeLessThan(sif);
    expect(html).toContain('Theme: Front door');
    expect(html).toContain('The experiences and progress of care leavers');
    expect(html).toContain('Requires improvement to be good');
    expect(html).toContain('ILACS');
  });

  it('shows predecessors and successors with dates', async () => {
    const national = await signInAs(t, 'national');
    const current = await national.get('/las/dorset');
    expect(current.body).toContain('Replaced');
    expect(current.body).toContain('href="/las/dorset-to-2019"');
    expect(current.body).toContain('1 April 2019');
    const former = await national.get('/las/dorset-to-2019');
    expect(former.body).toContain('Replaced by');
    expect(former.body).toContain('This authority no longer exists');
  });

  it('redirects a code to the authority’s own address', async () => {
    const national = await signInAs(t, 'national');
    const res = await national.get('/las/E08000003');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/las/manchester');
  });

  it('answers 404 to an LA user for another LA, and lists only notified activities on their own', async () => {
    const la = await signInAs(t, 'la');
    const other = await la.get('/las/manchester');
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('E08000003');
    expect((await la.get('/las/E08000003')).statusCode).toBe(404);
    expect((await la.get('/las/nowhere')).statusCode).toBe(404);
    const own = await la.get('/las/demo-northfield');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(`/activities/${t.demo.activityId}`);
    expect(own.body).not.toContain(String(t.demo.focusedVisitId));
    expect(own.body).not.toContain('Create an activity');
  });

  it('lists every activity there for the regional team, with a link to create one', async () => {
    const regional = await signInAs(t, 'regional');
    const res = await regional.get('/las/demo-northfield');
    expect(res.body).toContain(`/activities/${t.demo.activityId}`);
    expect(res.body).toContain(`/activities/${t.demo.focusedVisitId}`);
    expect(res.body).toContain('/activities/new?laId=demo-northfield');
    const form = await regional.get('/activities/new?laId=demo-northfield');
    expect(form.body).toMatch(/<option value="demo-northfield" selected>/);
  });
});
