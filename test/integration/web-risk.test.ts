// The risk picture's pages: who sees what, recording intelligence, assessing, the views.
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
}, 120_000);
afterAll(async () => t?.close());

const LA = '/las/demo-northfield';

describe('the demo region carries a risk picture', () => {
  it('Northfield has intelligence over three years and four versions of its assessment', async () => {
    const web = await signInAs(t, 'regional');
    const res = await web.get(`${LA}/risk`);
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Risk picture');
    const html = decodeHtml(res.body);
    expect(html).toContain('Ratings by risk domain');
    expect(html).toContain('Risk falling');
    expect((html.match(/<tr class="govuk-table__row">/g) ?? []).length).toBeGreaterThan(8);
    const log = await web.get(`${LA}/intelligence`);
    expect(log.statusCode).toBe(200);
    expect(decodeHtml(log.body)).toContain('Concern about caseloads');
  });

  it('the regional view lists every LA of the region with levels and overdue reviews', async () => {
    const web = await signInAs(t, 'regional');
    const res = await web.get('/risk/regional');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('North West');
    const html = decodeHtml(res.body);
    expect(html).toContain('Northfield (demo)');
    expect(html).toContain('Overdue');
    // Another region's view is not the regional user's to see.
    expect((await web.get('/risk/regional?region=London')).statusCode).toBe(404);
  });

  it('the national view shows each region beside its inspection outcomes, and exports safely', async () => {
    const web = await signInAs(t, 'national');
    const res = await web.get('/risk/national?region=North+West&level=high');
    expect(res.statusCode).toBe(200);
    const page = decodeHtml(res.body);
    expect(page).toContain('Risk levels per region beside');
    // Two charts, each described in words for those who cannot see it.
    expect(page).toContain('<title id="risk-levels-chart-title">');
    expect(page).toContain('<title id="risk-grades-chart-title">');
    expect(page).toMatch(
      /<desc id="risk-levels-chart-desc">[^<]*North West \(\d+ local authorities\): \d+ low/,
    );
    const csv = await web.get('/risk/national/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n').length).toBeGreaterThan(150);
    expect(csv.body).toContain('Northfield (demo)');
    const xlsx = await web.get('/risk/national/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
  });

  it('the national list pages 50 LAs at a time, every LA once', async () => {
    const web = await signInAs(t, 'national');
    const seen: string[] = [];
    let url: string | null = '/risk/national';
    while (url) {
      const res = await web.get(url);
      expect(res.statusCode).toBe(200);
      const html = decodeHtml(res.body);
      const table = html.slice(html.indexOf('aria-label="Local authorities"'));
      const names = [...table.matchAll(/href="\/las\/[^"]+\/risk">([^<]+)<\/a>/g)].map(
        (m) => m[1]!,
      );
      expect(names.length).toBeLessThanOrEqual(50);
      seen.push(...names);
      const next = /<a[^>]+href="([^"]+)"[^>]*rel="next"/.exec(res.body)?.[1];
      url = next ? next.replaceAll('&amp;', '&') : null;
    }
    expect(seen.length).toBeGreaterThan(150);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await web.get('/risk/national?after=nonsense')).statusCode).toBe(400);
  });
});

describe('recording intelligence and assessing risk', () => {
  it('a regional user records an entry; whistle-blowing can never be shared', async () => {
    const web = await signInAs(t, 'regional');
    const form = await web.get(`${LA}/intelligence/new`);
    expect(form.statusCode).toBe(200);
    const refused = await web.post(`${LA}/intelligence`, {
      kind: 'whistleblowing',
      title: 'Staff concern',
      source: 'Whistle-blowing line',
      'receivedOn-day': '1',
      'receivedOn-month': '6',
      'receivedOn-year': '2026',
      sensitivity: 'standard',
      sharedWithLa: 'yes',
    });
    expect(refused.statusCode).toBe(400);
    expect(
      errorSummary(refused.body)
        .map((e) => e.text)
        .join(),
    ).toMatch(/never shared/);
    const ok = await web.post(`${LA}/intelligence`, {
      kind: 'complaint',
      title: 'A complaint about contact arrangements',
      source: 'Complaint to Ofsted',
      'receivedOn-day': '2',
      'receivedOn-month': '6',
      'receivedOn-year': '2026',
      domainKeys: ['concerns_raised'],
    });
    expect(ok.statusCode).toBe(303);
    const row = await t.database.db
      .selectFrom('intelligence_entries')
      .selectAll()
      .where('title', '=', 'A complaint about contact arrangements')
      .executeTakeFirstOrThrow();
    expect(row.sensitivity).toBe('confidential');
  });

  it('an assessment must rate every domain, and an override needs a reason', async () => {
    const web = await signInAs(t, 'regional');
    const form = await web.get(`${LA}/risk/assess`);
    expect(form.statusCode).toBe(200);
    const domains = [...form.body.matchAll(/name="rating_([a-z_]+)"/g)].map((m) => m[1]!);
    const unique = [...new Set(domains)];
    expect(unique.length).toBeGreaterThan(3);
    const version = /name="expectedVersion" value="(\d+)"/.exec(form.body)?.[1] ?? '0';
    const base: Record<string, string> = {
      expectedVersion: version,
      changeReason: 'Quarterly review',
    };
    for (const d of unique.slice(1)) {
      base[`rating_${d}`] = 'green';
      base[`justification_${d}`] = 'Nothing of concern';
    }
    const missing = await web.post(`${LA}/risk/assess`, base);
    expect(missing.statusCode).toBe(400);
    expect(errorSummary(missing.body)[0]?.href).toBe(`#rating_${unique[0]}`);
    const full = {
      ...base,
      [`rating_${unique[0]}`]: 'green',
      [`justification_${unique[0]}`]: 'Good report',
      overrideLevel: 'high',
    };
    const noReason = await web.post(`${LA}/risk/assess`, full);
    expect(noReason.statusCode).toBe(400);
    expect(decodeHtml(noReason.body)).toContain(
      'Give the reason for a level other than the rule gives',
    );
    const saved = await web.post(`${LA}/risk/assess`, {
      ...full,
      overrideReason: 'Soft intelligence from partners',
    });
    expect(saved.statusCode).toBe(303);
    const page = decodeHtml((await web.get(`${LA}/risk`)).body);
    expect(page).toContain('overridden: Soft intelligence from partners');
    // The same form sent again is stale: someone (here, we) changed it first.
    const stale = await web.post(`${LA}/risk/assess`, {
      ...full,
      overrideReason: 'Again',
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('LA users', () => {
  it('never see ratings, and see only entries shared with them', async () => {
    const web = await signInAs(t, 'la');
    expect((await web.get(`${LA}/risk`)).statusCode).toBe(404);
    expect((await web.get(`${LA}/risk/assess`)).statusCode).toBe(404);
    expect((await web.get('/risk/regional')).statusCode).toBe(404);
    expect((await web.get('/risk/national')).statusCode).toBe(404);
    const log = await web.get(`${LA}/intelligence`);
    expect(log.statusCode).toBe(200);
    const html = decodeHtml(log.body);
    expect(html).toContain('Self-evaluation of social work practice, version');
    expect(html).not.toContain('Concern about caseloads');
    expect(html).not.toContain('Serious incident notification (child');
    expect(html).not.toContain('delay in assessment');
    expect(html).not.toContain('Whistle-blowing');
    expect(html).not.toContain('Record intelligence');
  });
});
