// Calibration pages and API on the demo: the national user keeps the vignette bank (criteria from
// the framework file, a reference grade) and sets an exercise up; an invited inspector rates
// blind (no reference grade, no other rating, no notes before submitting; an incomplete
// submission is refused with the ratings kept), then sees the spread and joins the discussion;
// their own agreement is theirs alone; the national view withholds groups under three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { DEMO_VIGNETTES } from '../../src/demo/demo-vignettes.js';
import {
  brokenErrorAnchors,
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';

let t: TestApp;
let national: WebClient;
let tom: WebClient;
let quinn: WebClient;
beforeAll(async () => {
  t = await createTestApp();
  national = await signInAs(t, 'national');
  tom = await signInAs(t, 'inspector');
  quinn = await signInAs(t, 'qam');
});
afterAll(async () => t?.close());

const text = (html: string) => decodeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const NEW_NOTE = 'The panel’s line on thresholds: a decision recorded with reasons.';

describe('calibration pages', () => {
  let exerciseId = '';
  let vignetteIds: string[] = [];
  let inspectorIds: string[] = [];

  it('the national user keeps the bank: criteria from the framework, a reference grade', async () => {
    const bank = await national.get('/calibration/vignettes');
    expect(bank.statusCode).toBe(200);
    for (const v of DEMO_VIGNETTES) expect(decodeHtml(bank.body)).toContain(v.title);
    expect(bank.body).toContain('href="/calibration"');
    const form = await national.get('/calibration/vignettes/new?area=ilacs-2026|care_leavers');
    expect(h1(form.body)).toBe('Add a vignette');
    expect(form.body).toContain('value="care_leavers.pathway_plans"');
    const base = { frameworkId: 'ilacs-2026', judgementKey: 'care_leavers', title: 'Rooms found' };
    const bad = await national.post('/calibration/vignettes', { ...base, body: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body).map((e) => e.text)).toContain('Choose the reference grade');
    expect(brokenErrorAnchors(bad.body)).toEqual([]);
    const ok = await national.post('/calibration/vignettes', {
      ...base,
      body: 'Advisers find rooms for young people leaving care within days.',
      criteria: ['care_leavers.accommodation'],
      referenceGrade: 'good',
    });
    expect(ok.statusCode).toBe(303);
    expect(decodeHtml((await national.get('/calibration/vignettes')).body)).toContain(
      'Rooms found',
    );
    expect((await tom.get('/calibration/vignettes')).statusCode).toBe(404);
  });

  it('sets up an exercise with vignettes and inspectors picked on the page', async () => {
    const choices = (await national.get('/api/v1/calibration/choices')).json() as {
      inspectors: { id: string; email: string }[];
    };
    const vignettes = (await national.get('/api/v1/calibration/vignettes')).json() as {
      vignettes: { id: string; title: string }[];
    };
    vignetteIds = vignettes.vignettes.slice(0, 2).map((v) => v.id);
    const page = await national.get('/calibration/exercises/new');
    expect(page.statusCode).toBe(200);
    const pick = ['inspector@triangulate.example', 'qam@triangulate.example'];
    const inspectors = choices.inspectors.filter((u) => pick.includes(u.email)).map((u) => u.id);
    const refused = await national.post('/calibration/exercises', {
      title: 'Web calibration',
      vignetteIds,
      inspectors: inspectors.slice(0, 1),
    });
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)[0]?.text).toBe('Invite at least two inspectors');
    inspectorIds = inspectors;
    const res = await national.post('/calibration/exercises', {
      title: 'Web calibration',
      vignetteIds,
      inspectors,
    });
    expect(res.statusCode).toBe(303);
    exerciseId = /exercises\/([0-9a-f-]+)/.exec(res.headers.location as string)![1]!;
    const organiser = await national.get(`/calibration/exercises/${exerciseId}`);
    expect(text(organiser.body)).toContain('Inspectors invited');
  });

  it('keeps the inspector blind until they submit, then shows the spread', async () => {
    const home = await tom.get('/home');
    expect(home.body).toContain(`href="/calibration/exercises/${exerciseId}"`);
    const blind = await tom.get(`/calibration/exercises/${exerciseId}`);
    expect(blind.statusCode).toBe(200);
    const seen = text(blind.body);
    expect(seen).not.toContain('Reference grade');
    expect(seen).not.toContain('How the inspectors who submitted rated it');
    for (const v of DEMO_VIGNETTES) expect(seen).not.toContain(v.panelNote);
    const [first, second] = vignetteIds;
    const part = await tom.post(`/calibration/exercises/${exerciseId}/ratings`, {
      [`grade-${first}`]: 'good',
      intent: 'submit',
    });
    expect(part.statusCode).toBe(400);
    expect(errorSummary(part.body)).toEqual([
      { href: `#grade-${second}`, text: 'Choose a grade for vignette 2 before submitting' },
    ]);
    expect(part.body).toMatch(
      new RegExp(`name="grade-${first}" type="radio" value="good" checked`),
    );
    expect(text(part.body)).not.toContain('Reference grade');
    // The API says the same: the reference grade is withheld.
    const api = (await tom.get(`/api/v1/calibration/exercises/${exerciseId}`)).json() as {
      revealed: boolean;
      vignettes: { referenceGrade: unknown; spread: unknown }[];
    };
    expect(api.revealed).toBe(false);
    expect(api.vignettes.every((v) => v.referenceGrade === null && v.spread === null)).toBe(true);
    const done = await tom.post(`/calibration/exercises/${exerciseId}/ratings`, {
      [`grade-${first}`]: 'good',
      [`grade-${second}`]: 'inadequate',
      [`rationale-${second}`]: 'Drift for children on plans.',
      intent: 'submit',
    });
    expect(done.statusCode).toBe(303);
    const open = text((await tom.get(done.headers.location as string)).body);
    expect(open).toContain('Your ratings were submitted');
    expect(open).toContain('Reference grade');
    expect(open).toContain('How the inspectors who submitted rated it');
    expect(open).toContain('Your agreement with the reference grades');
    // Quinn has not submitted: still blind, and may not join the discussion yet.
    expect(text((await quinn.get(`/calibration/exercises/${exerciseId}`)).body)).not.toContain(
      'Reference grade',
    );
    const early = await quinn.post(`/calibration/exercises/${exerciseId}/notes`, {
      vignetteId: first!,
      note: 'x',
    });
    expect(early.statusCode).toBe(403);
    const note = await tom.post(`/calibration/exercises/${exerciseId}/notes`, {
      vignetteId: first!,
      note: NEW_NOTE,
    });
    expect(note.statusCode).toBe(303);
    expect(text((await tom.get(`/calibration/exercises/${exerciseId}`)).body)).toContain(NEW_NOTE);
  });

  it('shows nobody else the exercise, and each inspector only their own agreement', async () => {
    const analyst = await signInAs(t, 'analyst');
    expect((await analyst.get(`/calibration/exercises/${exerciseId}`)).statusCode).toBe(404);
    const regional = await signInAs(t, 'regional');
    expect((await regional.get('/calibration')).statusCode).toBe(404);
    const mine = await tom.get('/calibration/mine');
    expect(text(mine.body)).toContain('Web calibration');
    expect((await national.get('/calibration/mine')).statusCode).toBe(404);
    expect((await tom.get('/calibration/national')).statusCode).toBe(404);
  });

  it('gives national staff the demo’s figures by region and quarter, small groups withheld', async () => {
    const page = text((await national.get('/calibration/national')).body);
    expect(page).toContain('South East');
    expect(page).toMatch(/London 1 Not shown: fewer than 3 inspectors/);
    expect(page).toMatch(/North West \d+ \d+ \d+%/);
    expect(page).toContain('By quarter of submission');
    const api = (await national.get('/api/v1/calibration/national')).json() as {
      byQuarter: unknown[];
      overall: { ratings: number } | null;
    };
    expect(api.byQuarter.length).toBeGreaterThanOrEqual(2);
    expect(api.overall!.ratings).toBeGreaterThan(90);
    const list = text((await national.get('/calibration')).body);
    expect(list).toContain('Demo calibration: all judgement areas');
    expect(list).toMatch(/Demo calibration: all judgement areas All regions 10 7 of 8/);
  });

  it('retires a vignette: gone from the bank and new exercises, kept in past ones', async () => {
    const retiredId = vignetteIds[0]!;
    const before = (await national.get('/api/v1/calibration/vignettes')).json() as {
      vignettes: { id: string; title: string }[];
    };
    const title = before.vignettes.find((v) => v.id === retiredId)!.title;
    const bank = await national.get('/calibration/vignettes');
    expect(bank.body).toContain(`action="/calibration/vignettes/${retiredId}/retire"`);
    expect((await tom.post(`/calibration/vignettes/${retiredId}/retire`, {})).statusCode).toBe(403);
    const res = await national.post(`/calibration/vignettes/${retiredId}/retire`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/calibration/vignettes?done=retired');
    const after = await national.get('/calibration/vignettes?done=retired');
    expect(text(after.body)).toContain('The vignette was retired');
    expect(after.body).not.toContain(`/calibration/vignettes/${retiredId}/retire`);
    const api = (await national.get('/api/v1/calibration/vignettes')).json() as {
      vignettes: { id: string }[];
    };
    expect(api.vignettes.map((v) => v.id)).not.toContain(retiredId);
    const again = await national.post(`/calibration/vignettes/${retiredId}/retire`, {});
    expect(again.statusCode).toBe(404);
    const past = await national.get(`/calibration/exercises/${exerciseId}`);
    expect(decodeHtml(past.body)).toContain(title);
    const refused = await national.post('/calibration/exercises', {
      title: 'After retiring',
      vignetteIds: [retiredId],
      inspectors: inspectorIds,
    });
    expect(refused.statusCode).toBe(400);
    expect(
      errorSummary(refused.body)
        .map((e) => e.text)
        .join(' '),
    ).toContain('not a vignette');
    const events = await listAuditEvents(t.database.db, {
      action: 'calibration.vignette_retired',
      entityId: retiredId,
    });
    expect(events).toHaveLength(1);
  });
});
