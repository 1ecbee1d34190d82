// Page text is for people: no developer labels, no "(s)", no "1 strengths", no ids for names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LA } from '../../src/demo/demo-content.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { createTestApp, decodeHtml, signInAs, type TestApp } from '../helpers/app.js';
import { demoContexts } from '../helpers/reports.js';

let t: TestApp;
let base: string;
let c: Awaited<ReturnType<typeof demoContexts>>;
beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}`;
  c = await demoContexts(t.database.db);
  await createReportDraft(c.lead, { activityId: t.demo.activityId });
}, 120_000);
afterAll(async () => t?.close());

const developerText = [
  /\w\(s\)/,
  /\b1 (strengths|weaknesses|findings|items|paragraphs|comments|errors)\b/,
  /Unheaded/,
  /Triangulate addition/,
  /recommendation \d/,
];
const expectPlain = (page: string) => {
  for (const re of developerText) expect(page, String(re)).not.toMatch(re);
};

describe('wording on pages', () => {
  it('shows an LA account its authority by name, not by id', async () => {
    const page = decodeHtml((await (await signInAs(t, 'la')).get('/account')).body);
    expect(page).toContain(DEMO_LA.name);
    expect(page).not.toContain(DEMO_LA.id);
  });

  it('counts in words on the judgements, report and report section pages', async () => {
    const lead = await signInAs(t, 'lead');
    const judgements = decodeHtml((await lead.get(`${base}/judgements`)).body);
    expectPlain(judgements);
    expect(judgements).toMatch(/\d+ (strength|strengths), \d+ (weakness|weaknesses)/);
    const report = await lead.get(`${base}/report`);
    expect(report.statusCode).toBe(200);
    const overview = decodeHtml(report.body);
    expectPlain(overview);
    const keys = [...overview.matchAll(/\/report\/sections\/([a-z_]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of new Set(keys)) {
      const section = await lead.get(`${base}/report/sections/${key}`);
      expectPlain(decodeHtml(section.body));
    }
  });
});

describe('the aggregation check', () => {
  it('says there are no grades yet instead of saying the grades meet the rules', async () => {
    const fresh = await createActivity(c.regional, {
      laId: DEMO_LA.id,
      activityType: 'standard_inspection',
      plannedStart: '2027-03-01',
      plannedEnd: '2027-03-12',
    });
    const lead = c.lead.actor;
    if (lead.kind !== 'user') throw new Error('the lead is a user');
    await addTeamMember(c.regional, {
      activityId: fresh.id,
      userId: lead.userId,
      teamRole: 'lead_inspector',
    });
    const page = decodeHtml(
      (await (await signInAs(t, 'lead')).get(`/activities/${fresh.id}/judgements`)).body,
    );
    expect(page).toContain('Aggregation check');
    expect(page).toContain('No grades yet');
    expect(page).not.toContain('The grades meet');
    const graded = decodeHtml((await (await signInAs(t, 'lead')).get(`${base}/judgements`)).body);
    expect(graded).not.toContain('No grades yet');
  });
});
