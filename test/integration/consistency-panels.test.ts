// Consistency panels across inspections (issue 15, Munro rec 3): a regional user convenes a panel;
// it gathers the provisional judgements of the inspections in its scope and period side by side
// (grades, case-rating spreads, the national distribution); a member's query goes to the lead and
// the QAM as a challenge in the activity's own panel workflow; the moderation record shows the
// panel's outcome. LA users and researchers never see a panel.
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
let demoPanel: string;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('consistency panels across inspections', () => {
  it('the demo has a North West panel for the month of the fieldwork, with the demo inspection', async () => {
    const regional = await signInAs(t, 'regional');
    const list = await regional.get('/api/v1/consistency-panels');
    expect(list.statusCode).toBe(200);
    const body = list.json<{ panels: { id: string; title: string; region: string }[] }>();
    expect(body.panels).toHaveLength(1);
    expect(body.panels[0]!.region).toBe('North West');
    demoPanel = body.panels[0]!.id;
    const page = await regional.get(`/consistency-panels/${demoPanel}`);
    expect(page.statusCode).toBe(200);
    const text = decodeHtml(page.body);
    expect(h1(page.body)).toBe(body.panels[0]!.title);
    expect(text).toContain('Northfield');
    expect(text).toMatch(/Of \d+ cases?, /); // the case-rating spread (children in care)
    expect(text).toMatch(/Good: \d+ of \d+ authorities \(\d+%\) were last judged good/);
  });

  it('LA users and researchers never see a panel; an inspector not named sees none', async () => {
    for (const key of ['la', 'researcher']) {
      const c = await signInAs(t, key);
      expect((await c.get('/consistency-panels')).statusCode).toBe(404);
      expect((await c.get(`/consistency-panels/${demoPanel}`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/consistency-panels/${demoPanel}`)).statusCode).toBe(404);
    }
    const lead = await signInAs(t, 'lead');
    expect((await lead.get(`/consistency-panels/${demoPanel}`)).statusCode).toBe(404);
    const mine = await lead.get('/api/v1/consistency-panels');
    expect(mine.json<{ panels: unknown[] }>().panels).toEqual([]);
  });

  it('a regional user convenes a week panel; a query goes to the lead and QAM; the record shows it', async () => {
    const regional = await signInAs(t, 'regional');
    const activity = t.demo.activityId;
    const fieldwork = (await regional.get(`/api/v1/activities/${activity}`)).json<{
      activity: { plannedStart: string };
    }>().activity.plannedStart;
    const bad = await regional.post('/consistency-panels', { region: 'North West' });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body).map((e) => e.text)).toContain('Choose a week or a month');
    const made = await regional.post('/consistency-panels', {
      region: 'North West',
      periodKind: 'week',
      day: fieldwork,
      members: 'panel@triangulate.example',
    });
    expect(made.statusCode, JSON.stringify(errorSummary(made.body)) + fieldwork).toBe(303);
    const panelUrl = made.headers.location!.split('?')[0]!;
    // Regional staff may not convene for another region.
    expect(
      (await regional.post('/consistency-panels', { region: 'London', periodKind: 'week' }))
        .statusCode,
    ).toBe(403);

    const member = await signInAs(t, 'panel');
    const shown = decodeHtml((await member.get(panelUrl)).body);
    expect(shown).toContain('Record your view of');
    const viewUrl = `${panelUrl}/inspections/${activity}/view`;
    const noReason = await member.post(viewUrl, { outcome: 'query' });
    expect(noReason.statusCode).toBe(400);
    expect(errorSummary(noReason.body).map((e) => e.text)).toContain(
      'Give the reasons for the query',
    );
    const q = await member.post(viewUrl, {
      outcome: 'query',
      judgementKey: 'help_and_protection',
      reasons: 'Graded good while two similar authorities were judged to require improvement.',
    });
    expect(q.statusCode, decodeHtml(q.body).slice(0, 400)).toBe(303);
    const national = await signInAs(t, 'national');
    expect((await national.post(viewUrl, { outcome: 'consistent' })).statusCode).toBe(303);
    // Someone on the inspection's team records no view of it.
    const lead = await signInAs(t, 'lead');
    expect((await lead.post(viewUrl, { outcome: 'consistent' })).statusCode).toBe(404);

    const after = decodeHtml((await regional.get(panelUrl)).body);
    expect(after).toContain('1 consistent, 1 query');

    // The query reached the lead's panel workflow as a challenge, and the lead and QAM were told.
    const panelPage = decodeHtml((await lead.get(`/activities/${activity}/judgements/panel`)).body);
    expect(panelPage).toContain('Query from the consistency panel');
    expect(panelPage).toContain('two similar authorities');
    for (const key of ['lead', 'qam']) {
      const c = await signInAs(t, key);
      const n = decodeHtml((await c.get('/notifications')).body);
      expect(n, key).toContain('The consistency panel across inspections queried the judgements');
    }

    const record = decodeHtml((await lead.get(`/activities/${activity}/moderation-record`)).body);
    expect(record).toContain('Consistency panel across inspections');
    expect(record).toContain('1 consistent, 1 query');
    expect(record).toContain('two similar authorities');
    expect(record).toMatch(/Of \d+ cases?, /);
    const api = await lead.get(`/api/v1/activities/${activity}/moderation-record`);
    const m = api.json<{ consistency: { summary: string; queries: { reasons: string }[] }[] }>();
    expect(m.consistency.map((c) => c.summary)).toContain('1 consistent, 1 query');
  });
});
