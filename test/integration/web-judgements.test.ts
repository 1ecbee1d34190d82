// The judgements pages through the real forms, as the demo's people (and a panel inspector).
import { todayInEngland } from '../../src/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import {
  unfocusableErrorAnchors,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  WebClient,
  createTestApp,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let base: string;
const PANEL_EMAIL = 'panel.hmi@example.org';
const PANEL_PASSWORD = 'panel password 12345';

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}`;
  await createUser(
    { db: t.database.db, actor: systemActor('test') },
    {
      email: PANEL_EMAIL,
      displayName: 'Pat Panel (HMI)',
      role: 'inspector',
      password: PANEL_PASSWORD,
    },
  );
});
afterAll(async () => t?.close());

/** The error summary's link targets, in order. */
const hrefs = (html: string) => errorSummary(html).flatMap((e) => (e.href ? [e.href] : []));

const today = todayInEngland();
const [year, month, day] = today.split('-');

describe('judgements pages', () => {
  it('links the judgements from the activity page and shows the overview', async () => {
    const lead = await signInAs(t, 'lead');
    const show = await lead.get(base);
    expect(show.body).toContain(`href="${base}/judgements"`);
    const page = await lead.get(`${base}/judgements`);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Judgements');
    expect(decodeHtml(page.body)).toContain('Help and protection');
    const la = await signInAs(t, 'la');
    expect((await la.get(`${base}/judgements`)).statusCode).toBe(404);
    expect((await la.get(`${base}/moderation-record`)).statusCode).toBe(404);
    expect((await la.get(base)).body).not.toContain('/judgements');
  });

  it('records provisional views and shows the spread once you have your own', async () => {
    const lead = await signInAs(t, 'lead');
    const inspector = await signInAs(t, 'inspector');
    await inspector.get(`${base}/judgements/provisional-views`);
    let res = await inspector.post(`${base}/judgements/care_leavers/provisional-view`, {
      grade: 'good',
      position: 'close_to_below',
      note: 'Pathway plans mixed',
    });
    expect(res.statusCode).toBe(303);
    await lead.get(`${base}/judgements/provisional-views`);
    res = await lead.post(`${base}/judgements/care_leavers/provisional-view`, { grade: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual(['#grade-care_leavers']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    // Each judgement's form has its own ids: a note's problem links to that judgement's note.
    res = await lead.post(`${base}/judgements/care_leavers/provisional-view`, {
      grade: 'good',
      note: 'x'.repeat(5001),
    });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual(['#note-care_leavers']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    res = await lead.post(`${base}/judgements/care_leavers/provisional-view`, {
      grade: 'requires_improvement',
      position: 'secure',
    });
    expect(res.statusCode).toBe(303);
    const page = decodeHtml((await lead.get(`${base}/judgements/provisional-views`)).body);
    expect(page).toContain('1 grade apart');
    expect(page).toContain('Pathway plans mixed');
  });

  it('edits a judgement through the form, with inline errors and the history', async () => {
    const lead = await signInAs(t, 'lead');
    const form = await lead.get(`${base}/judgements/help_and_protection/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="criteriaMet"');
    // The demo has already recorded this judgement: edit from the version the form carries.
    const version = /name="expectedVersion" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    expect(Number(version)).toBeGreaterThanOrEqual(0);
    let res = await lead.post(`${base}/judgements/help_and_protection`, {
      expectedVersion: version,
      grade: 'good',
      position: 'close_to_below',
      narrative: 'Children get help when they need it.',
    });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)[0]?.href).toBe('#nearness');
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    // Criteria link to the first box; evidence to a select, not to the "Evidence cited" heading.
    const select = /<select[^>]*id="(link-\d+)"/.exec(form.body)?.[1] ?? '';
    expect(select).not.toBe('');
    res = await lead.post(`${base}/judgements/help_and_protection`, {
      expectedVersion: version,
      grade: 'good',
      position: 'secure',
      narrative: 'Children get help when they need it.',
      criteriaMet: 'not_a_criterion',
      [select]: 'strength|coding|00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual(['#criteriaMet', `#${select}`]);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    res = await lead.post(`${base}/judgements/help_and_protection`, {
      expectedVersion: version,
      grade: 'good',
      position: 'close_to_below',
      nearness: 'Plans drift for some children.',
      context: 'Demand rose by a fifth this year.',
      narrative: 'Children get help when they need it.',
      criteriaMet: ['help_and_protection.front_door', 'help_and_protection.assessments'],
    });
    expect(res.statusCode).toBe(303);
    const overview = decodeHtml((await lead.get(`${base}/judgements`)).body);
    expect(overview).toContain('Close to the grade below');
    res = await lead.post(`${base}/judgements/help_and_protection`, {
      expectedVersion: version,
      grade: 'outstanding',
    });
    expect(res.statusCode).toBe(409);
    expect(decodeHtml(res.body)).toContain('was changed by');
    const history = decodeHtml((await lead.get(`${base}/judgements/history`)).body);
    expect(history).toContain('Plans drift for some children.');
  });

  it('logs feedback and flags divergence for the lead to explain', async () => {
    const lead = await signInAs(t, 'lead');
    await lead.get(`${base}/feedback-log`);
    let res = await lead.post(`${base}/feedback-log`, {});
    expect(res.statusCode).toBe(400);
    // The date links to its day field, the radios to their first radio.
    expect(hrefs(res.body)).toEqual(['#heldOn-day', '#kind', '#present']);
    expect(res.body).toMatch(/<input class="govuk-radios__input" id="kind" name="kind"/);
    expect(res.body).toMatch(
      /id="heldOn-day"[^>]*govuk-input--error|govuk-input--error[^>]*id="heldOn-day"/,
    );
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    const meeting = {
      kind: 'final_feedback',
      'heldOn-day': day!,
      'heldOn-month': month!,
      'heldOn-year': year!,
      present: 'DCS',
    };
    res = await lead.post(`${base}/feedback-log`, {
      ...meeting,
      'theme-text-help_and_protection': 'Strong front door',
    });
    expect(hrefs(res.body)).toEqual(['#theme-direction-help_and_protection']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    // The use case names theme fields by position (themes.0.*); the links name the form's ids.
    res = await lead.post(`${base}/feedback-log`, {
      ...meeting,
      'theme-text-help_and_protection': 'Strong front door',
      'theme-direction-help_and_protection': 'strength',
      'theme-grade-help_and_protection': 'superb',
    });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual(['#theme-grade-help_and_protection']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    res = await lead.post(`${base}/feedback-log`, {
      ...meeting,
      'theme-text-care_leavers': 'y'.repeat(2001),
      'theme-direction-care_leavers': 'weakness',
    });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual(['#theme-text-care_leavers']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    res = await lead.post(`${base}/feedback-log`, {
      kind: 'keeping_in_touch',
      'heldOn-day': day!,
      'heldOn-month': month!,
      'heldOn-year': year!,
      present: 'DCS and head of service',
      'theme-text-help_and_protection': 'Front door decisions are timely',
      'theme-direction-help_and_protection': 'strength',
      'theme-grade-help_and_protection': 'outstanding',
    });
    expect(res.statusCode).toBe(303);
    const log = decodeHtml((await lead.get(`${base}/feedback-log`)).body);
    expect(log).toContain('Front door decisions are timely');
    const div = decodeHtml((await lead.get(`${base}/judgements/divergence`)).body);
    expect(div).toContain('Outstanding was indicated on site');
    const key = /name="flagKey" value="(grade_differs:[^"]+)"/.exec(div)?.[1] ?? '';
    expect(key).not.toBe('');
    res = await lead.post(`${base}/judgements/divergence`, { flagKey: key, explanation: '' });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual([`#explanation-${key}`]);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    // A flag that no longer exists has no field on the page: the problem is listed unlinked.
    res = await lead.post(`${base}/judgements/divergence`, { flagKey: 'gone', explanation: 'x' });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body).map((e) => e.href)).toEqual([null]);
    res = await lead.post(`${base}/judgements/divergence`, {
      flagKey: key,
      explanation: 'Outstanding was a slip; the LA was corrected the next day.',
    });
    expect(res.statusCode).toBe(303);
  });

  it('links stage and panel problems only to controls the page shows', async () => {
    const lead = await signInAs(t, 'lead');
    await lead.get(`${base}/judgements`);
    let res = await lead.post(`${base}/judgements/stage`, { toStage: 'nowhere' });
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual(['#toStage']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
    // The QA page shows no decision form before quality assurance.
    res = await lead.post(`${base}/judgements/stage`, { toStage: 'final', from: 'qa' });
    expect(res.statusCode).toBe(409);
    expect(errorSummary(res.body).length).toBeGreaterThan(0);
    expect(hrefs(res.body)).toEqual([]);
    // The lead has no comment form (only the panel comments): nothing to link to.
    res = await lead.post(`${base}/judgements/panel/comments`, {});
    expect(res.statusCode).toBe(400);
    expect(hrefs(res.body)).toEqual([]);
    res = await lead.post(`${base}/judgements/panel`, { user: 'nobody@example.org' });
    expect(hrefs(res.body)).toEqual(['#user']);
    expect(unfocusableErrorAnchors(res.body)).toEqual([]);
  });

  it('lets the panel read and comment but never change grades', async () => {
    const lead = await signInAs(t, 'lead');
    await lead.get(`${base}/judgements/panel`);
    let res = await lead.post(`${base}/judgements/panel`, {
      user: 'inspector@triangulate.example',
    });
    expect(res.statusCode).toBe(400);
    expect(decodeHtml(res.body)).toContain('on this activity’s team');
    res = await lead.post(`${base}/judgements/panel`, { user: PANEL_EMAIL });
    expect(res.statusCode).toBe(303);
    const panel = await new WebClient(t.app).signIn(PANEL_EMAIL, PANEL_PASSWORD);
    expect((await panel.get(`${base}/judgements/panel`)).statusCode).toBe(200);
    const edit = await panel.get(`${base}/judgements/help_and_protection/edit`);
    expect(edit.body).not.toContain('Save judgement');
    res = await panel.post(`${base}/judgements/help_and_protection`, {
      expectedVersion: '2',
      grade: 'inadequate',
      reason: 'x',
    });
    expect(res.statusCode).toBe(403);
    // The activity page leads her to what she must challenge; the evidence base stays hidden.
    const page = await panel.get(base);
    expect(page.statusCode).toBe(200);
    expect(decodeHtml(page.body)).toContain('make your challenges');
    expect((await panel.get(`${base}/evidence`)).statusCode).toBe(404);
  });

  it('shows the moderation record to the LA once published', async () => {
    await t.database.db
      .updateTable('activities')
      .set({ state: 'published' })
      .where('id', '=', t.demo.activityId)
      .execute();
    const la = await signInAs(t, 'la');
    expect((await la.get(base)).body).toContain(`${base}/moderation-record`);
    const res = await la.get(`${base}/moderation-record`);
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Moderation record');
    expect((await la.get(`${base}/judgements`)).statusCode).toBe(404);
  });
});
