// The data-used and burden pages (issue 16): the LA reads its published inspection's data-used
// statement and records its effort through a GOV.UK form (errors in the summary, values kept);
// the team reads working time; national staff read the aggregates. On PGlite, and PostgreSQL
// with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DEMO_PASSWORD,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  WebClient,
} from '../helpers/app.js';

let t: TestApp;
let southmere: string;
beforeAll(async () => {
  t = await createTestApp();
  const row = await t.database.db
    .selectFrom('activities')
    .where('la_id', '=', 'demo-southmere')
    .where('activity_type', '=', 'standard_inspection')
    .where('state', '=', 'published')
    .select('id')
    .executeTakeFirstOrThrow();
  southmere = row.id;
}, 180_000);
afterAll(async () => t?.close());

describe('the data-used page', () => {
  it('the LA reads its published inspection’s statement', async () => {
    const web = await new WebClient(t.app).signIn('dcs@southmere.example');
    const res = await web.get(`/activities/${southmere}/data-used`);
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Data asked for and data used');
    const html = decodeHtml(res.body);
    expect(html).toContain('asked for 11 Annex A lists');
    expect(html).toContain('Cited in judgements');
    expect(html).not.toContain('not published yet');
  });

  it('the team sees it during the inspection, marked as growing; the LA does not', async () => {
    const lead = await signInAs(t, 'lead');
    const res = await lead.get(`/activities/${t.demo.activityId}/data-used`);
    expect(res.statusCode).toBe(200);
    expect(decodeHtml(res.body)).toContain('not published yet');
    const la = await signInAs(t, 'la');
    expect((await la.get(`/activities/${t.demo.activityId}/data-used`)).statusCode).toBe(404);
  });

  it('national staff see the items never used', async () => {
    const web = await signInAs(t, 'national');
    const res = await web.get('/data-used/national');
    expect(res.statusCode).toBe(200);
    expect(decodeHtml(res.body)).toContain('Never used');
    const api = await web.get('/api/v1/data-used/national');
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(api.body).inspections).toBe(4);
  });
});

describe('the burden page', () => {
  it('the LA records its effort; a bad number comes back in the error summary, values kept', async () => {
    const la = await signInAs(t, 'la');
    const url = `/activities/${t.demo.activityId}/burden`;
    const page = await la.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="hours_data_preparation"');
    const bad = await la.post(url, { hours_data_preparation: 'lots', days_meetings: '3' });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)).toEqual([
      { href: '#hours_data_preparation', text: 'Enter a number, like 12 or 7.5' },
    ]);
    expect(bad.body).toMatch(/id="days_meetings"[^>]*value="3"/);
    const ok = await la.post(url, {
      hours_data_preparation: '40',
      days_data_preparation: '12.5',
      hours_meetings: '18',
      days_meetings: '3',
      note_meetings: 'Feedback meetings',
    });
    expect(ok.statusCode).toBe(303);
    const after = decodeHtml((await la.get(ok.headers.location as string)).body);
    expect(after).toContain('Your figures have been recorded.');
    expect(after).toContain('Feedback meetings');
    expect(after).toMatch(/Link person hours\s*<\/dt>\s*<dd[^>]*>\s*58/);
  });

  it('the lead reads the figures without the form, and the working time of the team', async () => {
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(`/activities/${t.demo.activityId}/burden`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="hours_data_preparation"');
    const wt = await lead.get(`/activities/${t.demo.activityId}/working-time`);
    expect(wt.statusCode).toBe(200);
    expect(h1(wt.body)).toBe('Inspectors’ working time');
    const post = await lead.post(`/activities/${t.demo.activityId}/burden`, { hours_other: '1' });
    expect(post.statusCode).toBe(403);
  });

  it('national staff see the medians page and the working-time aggregates', async () => {
    const web = await signInAs(t, 'national');
    const res = await web.get('/burden/national');
    expect(res.statusCode).toBe(200);
    expect(decodeHtml(res.body)).toContain('Fewer than 3');
    const wt = await web.get('/working-time/national');
    expect(wt.statusCode).toBe(200);
    expect(decodeHtml(wt.body)).toContain('All roles');
    expect((await web.get(`/activities/${t.demo.activityId}/working-time`)).statusCode).toBe(404);
  });
});

describe('the JSON API', () => {
  const token = async (email: string) => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email, password: DEMO_PASSWORD },
    });
    return { authorization: `Bearer ${r.json<{ token: string }>().token}` };
  };

  it('the LA records its effort and reads its published statement; the OpenAPI lists both', async () => {
    const headers = await token('dcs@southmere.example');
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${southmere}/burden`,
      headers,
      payload: { lines: [{ kind: 'other', linkPersonHours: 31, staffDays: 7.5 }] },
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json<{ totals: { linkPersonHours: number } }>().totals.linkPersonHours).toBe(180);
    const used = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${southmere}/data-used`,
      headers,
    });
    expect(used.statusCode).toBe(200);
    expect(used.json<{ final: boolean }>().final).toBe(true);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/activities/{id}/data-used',
        '/api/v1/data-used/national',
        '/api/v1/activities/{id}/burden',
        '/api/v1/burden/national',
        '/api/v1/activities/{id}/working-time',
        '/api/v1/working-time/national',
      ]),
    );
  });

  it('another LA gets 404 on the statement; an inspector 403 on recording', async () => {
    const other = await token('dcs@eastbridge.example');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${southmere}/data-used`,
      headers: other,
    });
    expect(res.statusCode).toBe(404);
    const lead = await token('lead@triangulate.example');
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${southmere}/burden`,
      headers: lead,
      payload: { lines: [{ kind: 'other', linkPersonHours: 1, staffDays: 0 }] },
    });
    expect(post.statusCode).toBe(403);
  });
});
