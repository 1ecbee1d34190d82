// The scheduling rules on the pages: a hard rule refuses with the rule named in the error
// summary; a soft rule asks for a reason on the same form; moving dates is checked the same way.
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
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

const dateParts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(d)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y ?? '',
  };
};

describe('scheduling rules on the activity pages', () => {
  it('refuses an activity on site at the same time as the demo inspection, naming the rule', async () => {
    const regional = await signInAs(t, 'regional');
    await regional.get('/activities/new');
    const demo = await t.database.db
      .selectFrom('activities')
      .select(['planned_start'])
      .where('id', '=', t.demo.activityId)
      .executeTakeFirstOrThrow();
    const res = await regional.post('/activities', {
      laId: 'demo-northfield',
      activityType: 'short_inspection',
      ...dateParts('plannedStart', demo.planned_start ?? ''),
      ruleReason: 'We want to',
    });
    expect(res.statusCode).toBe(422);
    const summary = errorSummary(decodeHtml(res.body)).map((e) => e.text);
    expect(summary.join('\n')).toMatch(/one inspection activity on site at a time/);
    expect(brokenErrorAnchors(res.body)).toEqual([]);
  });

  it('asks for a reason over Christmas, then creates the activity with it', async () => {
    const regional = await signInAs(t, 'regional');
    await regional.get('/activities/new');
    const form = {
      laId: 'demo-northfield',
      activityType: 'focused_visit',
      theme: 'Front door',
      ...dateParts('plannedStart', '2027-12-22'),
    };
    const asked = await regional.post('/activities', form);
    expect(asked.statusCode).toBe(422);
    const body = decodeHtml(asked.body);
    expect(errorSummary(body).map((e) => e.href)).toContain('#ruleReason');
    expect(body).toMatch(/No fieldwork over Christmas and New Year/);
    const made = await regional.post('/activities', {
      ...form,
      ruleReason: 'Only dates the LA can host',
    });
    expect(made.statusCode).toBe(303);
    const id = /\/activities\/([0-9a-f-]{36})/.exec(made.headers.location as string)?.[1] ?? '';

    const page = await regional.get(`/activities/${id}`);
    expect(page.body).toContain(`/activities/${id}/dates`);
    const datesForm = await regional.get(`/activities/${id}/dates`);
    expect(datesForm.statusCode).toBe(200);
    const moved = await regional.post(`/activities/${id}/dates`, {
      ...dateParts('plannedStart', '2028-01-11'),
    });
    expect(moved.statusCode).toBe(303);
    expect((await regional.get(`/activities/${id}`)).body).toContain('11 January 2028');
  });

  it('does not offer to move an activity already on site, and refuses the move', async () => {
    const regional = await signInAs(t, 'regional');
    const page = await regional.get(`/activities/${t.demo.activityId}`);
    expect(page.body).not.toContain(`/activities/${t.demo.activityId}/dates`);
    const lead = await signInAs(t, 'lead');
    expect((await lead.get(`/activities/${t.demo.activityId}/dates`)).statusCode).toBe(403);
  });
});
