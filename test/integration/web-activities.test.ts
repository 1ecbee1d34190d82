import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenErrorAnchors,
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let inspectionUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  inspectionUrl = `/activities/${t.demo.activityId}`;
});
afterAll(async () => t?.close());

const versionOf = (html: string): string =>
  /name="expectedVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
const userIdOf = async (email: string): Promise<string> =>
  (
    await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;

describe('activity page', () => {
  it('shows the activity, its team and state history, and management forms to the lead', async () => {
    const lead = await signInAs(t, 'lead');
    const res = await lead.get(inspectionUrl);
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Standard inspection Northfield (demo)');
    expect(res.body).toContain(
      '<title>Standard inspection Northfield (demo) – Triangulate</title>',
    );
    expect(res.body).toContain('Lena Marsh (lead inspector)');
    expect(res.body).toContain('Quality assurance manager');
    expect(res.body).toContain('Notified to On site');
    expect(res.body).toContain('action="/activities/' + t.demo.activityId + '/state"');
    expect(res.body).toContain('action="/activities/' + t.demo.activityId + '/team"');
    expect(res.body).toContain('govuk-breadcrumbs');
    expect(res.body).toContain(`/activities/${t.demo.activityId}/audit`);
  });

  it('shows no management forms to a team inspector', async () => {
    const inspector = await signInAs(t, 'inspector');
    const res = await inspector.get(inspectionUrl);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('/state"');
    expect(res.body).not.toContain('Add someone to the team');
    expect(res.body).not.toContain('/audit"');
  });

  it('answers 404 to people who may not see the activity', async () => {
    const researcher = await signInAs(t, 'researcher');
    expect((await researcher.get(inspectionUrl)).statusCode).toBe(404);
    expect((await researcher.get('/activities/not-a-uuid')).statusCode).toBe(404);
    expect(
      (await researcher.get('/activities/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('lets an LA user see the notified inspection but not the un-notified focused visit', async () => {
    const la = await signInAs(t, 'la');
    const seen = await la.get(inspectionUrl);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('State history');
    expect(seen.body).not.toContain('/state"');
    expect(t.demo.focusedVisitId).toBeTruthy();
    const hidden = await la.get(`/activities/${t.demo.focusedVisitId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Focused visit');
    const home = await la.get('/home');
    expect(home.body).not.toContain(String(t.demo.focusedVisitId));
  });

  it('sends people who are not signed in to the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: inspectionUrl });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(inspectionUrl)}`);
  });
});

describe('changing state', () => {
  it('refuses a form without the CSRF token (403)', async () => {
    const lead = await signInAs(t, 'lead');
    const res = await lead.post(`${inspectionUrl}/state`, { toState: 'analysis' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('The form has expired');
    const wrong = await lead.post(
      `${inspectionUrl}/state`,
      { _csrf: 'forged', toState: 'analysis' },
      { csrf: false },
    );
    expect(wrong.statusCode).toBe(403);
  });

  it('asks for a state when none is chosen, with the summary linking to the field', async () => {
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(inspectionUrl);
    const res = await lead.post(`${inspectionUrl}/state`, {
      expectedVersion: versionOf(page.body),
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      { href: '#toState', text: 'Select the state to move to' },
    ]);
    expect(res.body).toContain('id="toState-error"');
    expect(res.body).toContain('<title>Error: ');
    expect(brokenErrorAnchors(res.body)).toEqual([]);
  });

  it('asks for a reason when pausing', async () => {
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(inspectionUrl);
    const res = await lead.post(`${inspectionUrl}/state`, {
      toState: 'paused',
      reason: '  ',
      expectedVersion: versionOf(page.body),
    });
    expect(res.statusCode).toBe(409);
    const errors = errorSummary(res.body);
    expect(errors[0]?.href).toBe('#reason');
    expect(errors[0]?.text).toMatch(/Give a reason/);
    expect(res.body).toContain('id="reason-error"');
    expect(brokenErrorAnchors(res.body)).toEqual([]);
  });

  it('moves the activity on, then reports a conflict for a stale version', async () => {
    const lead = await signInAs(t, 'lead');
    const regional = await signInAs(t, 'regional');
    const page = await lead.get(inspectionUrl);
    const stale = versionOf(page.body);
    expect(stale).not.toBe('');

    // Someone else moves it first...
    const other = await regional.get(inspectionUrl);
    const moved = await regional.post(`${inspectionUrl}/state`, {
      toState: 'analysis',
      expectedVersion: versionOf(other.body),
    });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`${inspectionUrl}?done=state`);
    const after = await regional.get(moved.headers.location as string);
    expect(after.body).toContain('The activity’s state has been changed.');
    expect(after.body).toContain('On site to Analysis');

    // ...so the lead's form, still showing version `stale`, conflicts.
    const res = await lead.post(`${inspectionUrl}/state`, {
      toState: 'paused',
      reason: 'Illness',
      expectedVersion: stale,
    });
    expect(res.statusCode).toBe(409);
    expect(errorSummary(res.body)[0]?.text).toMatch(/Someone else changed this activity/);
    expect(brokenErrorAnchors(res.body)).toEqual([]);
    // The page shows the current state and the new version, ready to try again.
    expect(versionOf(res.body)).not.toBe(stale);
    const state = await t.database.db
      .selectFrom('activities')
      .select('state')
      .where('id', '=', t.demo.activityId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('analysis');
  });

  it('forbids a team inspector from changing state (403)', async () => {
    const inspector = await signInAs(t, 'inspector');
    const res = await inspector.post(`${inspectionUrl}/state`, { toState: 'drafting' });
    expect(res.statusCode).toBe(403);
  });
});

describe('managing the team', () => {
  it('validates the add form', async () => {
    const lead = await signInAs(t, 'lead');
    await lead.get(inspectionUrl);
    const res = await lead.post(`${inspectionUrl}/team`, { userId: '', teamRole: '' });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body).map((e) => e.href)).toEqual(['#userId', '#teamRole']);
    expect(brokenErrorAnchors(res.body)).toEqual([]);
  });

  it('refuses a second lead inspector', async () => {
    const lead = await signInAs(t, 'lead');
    const res = await lead.post(`${inspectionUrl}/team`, {
      userId: await userIdOf('inspector@triangulate.example'),
      teamRole: 'lead_inspector',
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toEqual([
      { href: '#teamRole', text: 'This activity already has a lead inspector' },
    ]);
  });

  it('adds a team member, then removes them after confirmation', async () => {
    const admin = await signInAs(t, 'admin');
    const create = await admin.post('/admin/users', {
      email: 'new.hmi@triangulate.example',
      displayName: 'Nia Newton (HMI)',
      role: 'inspector',
      password: 'a-long-temporary-password',
    });
    expect(create.statusCode).toBe(303);
    const newId = await userIdOf('new.hmi@triangulate.example');

    const lead = await signInAs(t, 'lead');
    const page = await lead.get(inspectionUrl);
    expect(page.body).toContain(`value="${newId}"`);
    const added = await lead.post(`${inspectionUrl}/team`, { userId: newId, teamRole: 'shadow' });
    expect(added.statusCode).toBe(303);
    const withMember = await lead.get(added.headers.location as string);
    expect(withMember.body).toContain('The team has been updated.');
    expect(withMember.body).toContain('Nia Newton (HMI)');
    expect(withMember.body).toContain(`/team/${newId}/remove`);

    const confirm = await lead.get(`${inspectionUrl}/team/${newId}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(h1(confirm.body)).toBe('Remove Nia Newton (HMI) from the team?');
    const noCsrf = await lead.post(`${inspectionUrl}/team/${newId}/remove`, {}, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    const removed = await lead.post(`${inspectionUrl}/team/${newId}/remove`);
    expect(removed.statusCode).toBe(303);
    const without = await lead.get(removed.headers.location as string);
    expect(without.body).toContain('The person has been removed from the team.');
    expect(decodeHtml(without.body)).not.toContain('Nia Newton (HMI)</td>');
  });

  it('answers 404 for removing someone who is not on the team', async () => {
    const lead = await signInAs(t, 'lead');
    const res = await lead.get(`${inspectionUrl}/team/00000000-0000-4000-8000-000000000000/remove`);
    expect(res.statusCode).toBe(404);
  });
});

describe('creating an activity', () => {
  it('shows the form to regional staff, with the catalog’s activity types and their LAs only', async () => {
    const regional = await signInAs(t, 'regional');
    const res = await regional.get('/activities/new');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Create an activity');
    expect(res.body).toContain('value="focused_visit"');
    expect(res.body).toContain('value="jtai"');
    expect(res.body).toContain('id="theme"');
    expect(res.body).toContain('id="sequenceNumber"');
    expect(res.body).not.toContain('conditional');
    expect(res.body).toContain('value="demo-northfield"');
    expect(res.body).toContain('value="manchester"');
    expect(res.body).not.toContain('value="leeds"'); // another region
  });

  it('forbids the form to inspectors (403)', async () => {
    const inspector = await signInAs(t, 'inspector');
    expect((await inspector.get('/activities/new')).statusCode).toBe(403);
  });

  it('validates the form and keeps what was entered', async () => {
    const regional = await signInAs(t, 'regional');
    await regional.get('/activities/new');
    const empty = await regional.post('/activities', {});
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body).map((e) => e.href)).toEqual([
      '#laId',
      '#activityType',
      '#plannedStart-day',
    ]);
    expect(brokenErrorAnchors(empty.body)).toEqual([]);

    const badDate = await regional.post('/activities', {
      laId: 'demo-northfield',
      activityType: 'focused_visit',
      'plannedStart-day': '31',
      'plannedStart-month': '2',
      'plannedStart-year': '2027',
    });
    expect(badDate.statusCode).toBe(400);
    expect(errorSummary(badDate.body)).toEqual([
      {
        href: '#plannedStart-day',
        text: 'The planned start date must be a real date, for example 27 3 2027',
      },
    ]);
    expect(badDate.body).toContain('value="31"');

    const noTheme = await regional.post('/activities', {
      laId: 'demo-northfield',
      activityType: 'focused_visit',
      'plannedStart-day': '1',
      'plannedStart-month': '3',
      'plannedStart-year': '2027',
    });
    expect(noTheme.statusCode).toBe(400);
    expect(errorSummary(noTheme.body)).toEqual([{ href: '#theme', text: 'Select the theme' }]);
    expect(noTheme.body).toContain('id="theme-error"');
    expect(brokenErrorAnchors(noTheme.body)).toEqual([]);
  });

  it('creates the activity and shows it', async () => {
    const regional = await signInAs(t, 'regional');
    await regional.get('/activities/new');
    const res = await regional.post('/activities', {
      laId: 'demo-northfield',
      activityType: 'monitoring_visit',
      sequenceNumber: '2',
      theme: 'Front door',
      'plannedStart-day': '2',
      'plannedStart-month': '3',
      'plannedStart-year': '2027',
      'plannedEnd-day': '3',
      'plannedEnd-month': '3',
      'plannedEnd-year': '2027',
    });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/activities\/[0-9a-f-]{36}\?done=created$/);
    const page = await regional.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The activity has been created.');
    expect(h1(page.body)).toBe('Monitoring visit 2: Northfield (demo)');
    expect(page.body).toContain('Front door');
    expect(page.body).not.toContain('Care leavers');
    expect(page.body).toContain('2 March 2027');
  });

  it('refuses an LA outside the regional team’s region', async () => {
    const regional = await signInAs(t, 'regional');
    const res = await regional.post('/activities', {
      laId: 'leeds',
      activityType: 'standard_inspection',
      'plannedStart-day': '2',
      'plannedStart-month': '3',
      'plannedStart-year': '2027',
    });
    expect(res.statusCode).toBe(403);
  });
});
