import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import {
  createTestApp,
  decodeHtml,
  h1,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';

let t: TestApp;
let pageUrl: string;
const workbook = annexAToXlsx(generateAnnexA({ rows: 300, seed: 21 }));

beforeAll(async () => {
  t = await createTestApp();
  pageUrl = `/activities/${t.demo.activityId}/annex-a`;
});
afterAll(async () => t?.close());

async function upload(
  client: WebClient,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; data: Uint8Array },
) {
  const body = multipart({ _csrf: client.csrfToken ?? '', ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

describe('Annex A page', () => {
  it('shows the upload form to the analyst and imports a file without JavaScript', async () => {
    const analyst = await signInAs(t, 'analyst');
    const page = await analyst.get(pageUrl);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Annex A');
    // The demo comes with a small Annex A (its case sample is drawn from it).
    expect(page.body).toContain('Upload a newer Annex A');
    expect(page.body).toContain('enctype="multipart/form-data"');

    const missing = await upload(analyst, pageUrl, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select an Annex A file to upload');

    const res = await upload(
      analyst,
      pageUrl,
      { acceptFlagged: 'yes' },
      { name: 'annex-a.xlsx', data: workbook },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('The file replaced the previous Annex A');
    expect(res.body).toContain('List 8: Children in care');

    const again = await analyst.get(pageUrl);
    expect(again.body).toContain('annex-a.xlsx');
  });

  it('groups the problems by list, column and rule with counts, and pages their rows by key', async () => {
    const analyst = await signInAs(t, 'analyst');
    const page = decodeHtml((await analyst.get(pageUrl)).body);
    expect(page).toContain('Problems by list, column and rule');
    const total = Number(/([\d,]+) problems? of \d+ kinds?/.exec(page)![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(50);
    expect(page).toContain(`Showing 1 to 50 of ${total.toLocaleString('en-GB')} problems`);
    // Every row once, following the "next" links.
    let rows = 0;
    let body = page;
    for (let i = 0; i < 1000; i++) {
      rows +=
        [...body.matchAll(/aria-label="Problems, row by row"[\s\S]*?<\/table>/g)][0]![0].split(
          '<tr class="govuk-table__row">',
        ).length - 2;
      const next = /<div class="govuk-pagination__next">\s*<a[^>]*href="([^"]+)"/.exec(body)?.[1];
      if (!next) break;
      body = decodeHtml((await analyst.get(decodeHtml(next))).body);
    }
    expect(rows).toBe(total);
    // One group's rows: as many as its count says.
    const link =
      /<td class="govuk-table__cell govuk-table__cell--numeric">([\d,]+)<\/td>\s*<td class="govuk-table__cell"><a class="govuk-link" href="([^"]+)">Show the rows/.exec(
        page,
      );
    expect(link).not.toBeNull();
    const group = decodeHtml((await analyst.get(decodeHtml(link![2]!))).body);
    const count = Number(link![1]!.replace(/,/g, ''));
    expect(group).toMatch(
      count > 50
        ? `Showing 1 to 50 of ${count.toLocaleString('en-GB')} problem`
        : `Showing all ${count} problem`,
    );
    expect(group).toContain('Show every problem');
  });

  it('keeps the lists a one-list CSV does not contain, says so with counts, removes them only when asked', async () => {
    const analyst = await signInAs(t, 'analyst');
    await analyst.get(pageUrl);
    const full = annexAToXlsx(generateAnnexA({ rows: 300, seed: 23, errorRate: 0 }));
    await upload(analyst, pageUrl, { acceptFlagged: 'yes' }, { name: 'full.xlsx', data: full });
    const form = await analyst.get(pageUrl);
    expect(form.body).toContain('Remove the lists this file does not contain');
    expect(form.body).toMatch(/Stored now: List 1 \(\d+ rows\)/);
    const csv = [
      'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source',
      'K1,Male,WBRI,01/01/2012,13,01/03/2025,1A',
    ].join('\n');
    const kept = await upload(analyst, pageUrl, {}, { name: 'List_1.csv', data: Buffer.from(csv) });
    expect(kept.statusCode).toBe(200);
    expect(kept.body).toContain('these lists were kept from full.xlsx');
    expect(kept.body).toMatch(/List 8 Children in care: \d+ rows/);
    expect((await analyst.get(pageUrl)).body).toContain('(kept from full.xlsx)');
    const report = (
      await analyst.get(`/api/v1/activities/${t.demo.activityId}/annex-a`)
    ).json() as {
      current: { rows: number; lists: { list: number }[] };
    };
    expect(report.current.lists.length).toBeGreaterThan(5);

    // An unbalanced quote: refused, naming the row; nothing changes.
    const broken =
      csv.replace('K1,Male,WBRI', 'K1,"Male,WBRI') + '\nK2,Male",WBRI,,13,01/03/2025,1A';
    const refused = await upload(
      analyst,
      pageUrl,
      {},
      { name: 'List_1.csv', data: Buffer.from(broken) },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('List_1.csv, row 2, field &#39;column B&#39;');
    const after = (await analyst.get(`/api/v1/activities/${t.demo.activityId}/annex-a`)).json() as {
      current: { rows: number };
    };
    expect(after.current.rows).toBe(report.current.rows);

    const removed = await upload(
      analyst,
      pageUrl,
      { removeMissingLists: 'yes' },
      { name: 'List_1b.csv', data: Buffer.from(csv.replace('K1', 'K9')) },
    );
    expect(removed.body).toContain('the lists this file does not contain were removed');
    const now = (await analyst.get(`/api/v1/activities/${t.demo.activityId}/annex-a`)).json() as {
      current: { rows: number };
    };
    expect(now.current.rows).toBe(1);
  });

  it('refuses an upload without the CSRF token', async () => {
    const analyst = await signInAs(t, 'analyst');
    await analyst.get(pageUrl);
    const body = multipart({}, { name: 'a.xlsx', data: workbook });
    const res = await t.app.inject({
      method: 'POST',
      url: pageUrl,
      payload: body.payload,
      headers: {
        'content-type': body.contentType,
        cookie: [...analyst.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('with JavaScript, starts a job whose progress can be polled, then shows the report', async () => {
    const lead = await signInAs(t, 'lead');
    await lead.get(pageUrl);
    const other = annexAToXlsx(generateAnnexA({ rows: 300, seed: 22 }));
    const started = await upload(
      lead,
      `${pageUrl}?async=1`,
      { acceptFlagged: 'yes' },
      { name: 'v2.xlsx', data: other },
    );
    expect(started.statusCode).toBe(202);
    const { statusUrl, pageUrl: resultUrl } = started.json() as {
      statusUrl: string;
      pageUrl: string;
    };
    let job: { state: string; fraction: number; outcome: { status: string } | null } | null = null;
    for (let i = 0; i < 100; i++) {
      const s = await lead.get(statusUrl);
      expect(s.statusCode).toBe(200);
      job = s.json();
      if (job!.state === 'done' || job!.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ state: 'done', fraction: 1, outcome: { status: 'replaced' } });
    const result = await lead.get(resultUrl);
    expect(result.body).toContain('The file replaced the previous Annex A');
    // Another person cannot see the job.
    const analyst = await signInAs(t, 'analyst');
    expect((await analyst.get(statusUrl)).statusCode).toBe(404);
  });

  it('serves the report and rows as JSON to the team, and 404 to the LA and researchers', async () => {
    const lead = await signInAs(t, 'lead');
    const report = await lead.get(`/api/v1/activities/${t.demo.activityId}/annex-a`);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ current: { status: 'current' }, canImport: true });
    const rows = await lead.get(
      `/api/v1/activities/${t.demo.activityId}/annex-a/rows?list=9&limit=5`,
    );
    expect(rows.statusCode).toBe(200);
    const list = (rows.json() as { rows: { childRef: string; data: Record<string, unknown> }[] })
      .rows;
    expect(list).toHaveLength(5);
    expect(list[0]!.childRef).toMatch(/^C-/);
    expect(list[0]!.data).toHaveProperty('inTouch');
    expect((await lead.get(`/activities/${t.demo.activityId}`)).body).toContain(pageUrl);
    for (const key of ['la', 'researcher', 'regional']) {
      const c = await signInAs(t, key);
      const activityPage = await c.get(`/activities/${t.demo.activityId}`);
      expect(activityPage.body, key).not.toContain(pageUrl);
      expect((await c.get(pageUrl)).statusCode, key).toBe(404);
      expect((await c.get(`/api/v1/activities/${t.demo.activityId}/annex-a`)).statusCode, key).toBe(
        404,
      );
    }
  });
});
