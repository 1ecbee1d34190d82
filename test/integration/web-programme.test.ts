// The programme pages: a region named by its slug (as the CLI takes it) is shown and selected by
// its name; regional staff see their own region; LA users get 404. The demo's published programme
// for North West (version 1, solved from the demo roster) is on the programme page, the board and
// the LA timelines of the region's staff, and nowhere an LA user looks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProgrammeRun } from '../../src/data/repositories/programme.js';
import { listMyActivities } from '../../src/usecases/activities/list-my-activities.js';
import { getProgrammeRun } from '../../src/usecases/programme/get-programme-run.js';
import { DEMO_LA } from '../../src/demo/demo-content.js';
import {
  createTestApp,
  decodeHtml,
  demoEmail,
  h1,
  signInAs,
  type TestApp,
} from '../helpers/app.js';
import { actorFor, contextFor } from '../helpers/reports.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

describe('the programme page', () => {
  it('names the region asked for by its slug, and selects it', async () => {
    const web = await signInAs(t, 'national');
    const res = await web.get('/programme?region=north-west');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Programme for North West');
    expect(decodeHtml(res.body)).toMatch(/<option value="North West" selected>/);
  });

  it('shows regional staff their own region, and LA users nothing', async () => {
    const regional = await signInAs(t, 'regional');
    expect(h1((await regional.get('/programme')).body)).toBe('Programme for North West');
    const la = await signInAs(t, 'la');
    expect((await la.get('/programme?region=north-west')).statusCode).toBe(404);
  });
});

describe('the demo’s published programme', () => {
  const contexts = async () => ({
    regional: contextFor(t.database.db, await actorFor(t.database.db, demoEmail('regional'))),
    la: contextFor(t.database.db, await actorFor(t.database.db, demoEmail('la'))),
  });
  const publishedRunId = async () => {
    const regional = await signInAs(t, 'regional');
    const page = decodeHtml((await regional.get('/programme')).body);
    const m = /href="\/programme\/runs\/([^"]+)">Version 1</.exec(page);
    expect(m, 'the programme page links the published version 1').not.toBeNull();
    return { web: regional, runId: m![1]! };
  };

  it('is North West’s version 1: 52 weeks, solved and published by the regional SHMI', async () => {
    const { web, runId } = await publishedRunId();
    const board = decodeHtml((await web.get(`/programme/runs/${runId}`)).body);
    expect(board).toContain('None: the independent checker');
    expect(board).toContain('52 weeks from');
    expect(board).toContain('Rhys Evans (regional SHMI)');
    expect(board).toContain('id="by-week"');
    const c = await contexts();
    const run = await getProgrammeRun(c.regional, { runId });
    expect(run.run.publishedVersion).toBe(1);
    expect(run.run.options.rosterFromProfiles).toBe(true);
    // Every LA the plan places is one of the region's, each team led by a lead-qualified inspector.
    expect(run.placements.length).toBeGreaterThan(20);
    for (const p of run.placements)
      expect(p.team.filter((m) => m.teamRole === 'lead')).toHaveLength(1);
    // Its planned activities exist, with their teams.
    const planned = (await listMyActivities(c.regional, {})).filter(
      (a) => a.state === 'planned' && a.title.endsWith('(planned)'),
    );
    expect(planned).toHaveLength(run.placements.length);
  });

  it('shows an LA’s planned activity on its timeline to the region’s staff only', async () => {
    const { web, runId } = await publishedRunId();
    const c = await contexts();
    const run = await getProgrammeRun(c.regional, { runId });
    const placed = run.placements.find((p) => p.laId === DEMO_LA.id) ?? run.placements[0]!;
    const staff = decodeHtml((await web.get(`/las/${placed.laId}/timeline`)).body);
    expect(staff).toContain('Planned in the published programme, version 1');
    expect(staff).toContain(placed.explanation.typeLabel);

    // Northfield's DCS: no planned date on its timeline, home page or activity list, and 404 at
    // the address of each of its planned activities.
    const la = await signInAs(t, 'la');
    const timeline = await la.get(`/las/${DEMO_LA.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(decodeHtml(timeline.body)).not.toContain('Planned');
    const home = decodeHtml((await la.get('/home')).body);
    expect(home).not.toContain('(planned)');
    const planned = (await listMyActivities(c.regional, { laId: DEMO_LA.id })).filter(
      (a) => a.state === 'planned' && a.title.endsWith('(planned)'),
    );
    const seen = (await listMyActivities(c.la, {})).map((a) => a.id);
    for (const a of planned) {
      expect(seen).not.toContain(a.id);
      expect((await la.get(`/activities/${a.id}`)).statusCode).toBe(404);
      expect(home).not.toContain(a.plannedStart!);
    }
  });
});

describe('a run with no plan', () => {
  it('says the solver found none in time and asks for a longer limit, with nothing checked', async () => {
    const regional = await signInAs(t, 'regional');
    const list = decodeHtml((await regional.get('/programme')).body);
    // The form offers a limit a busy server can meet; the solve ends sooner when it can.
    expect(list).toMatch(/id="timeLimitSeconds" name="timeLimitSeconds" type="text" value="30"/);
    const runId = /href="\/programme\/runs\/([^"]+)">Version 1</.exec(list)![1]!;
    const ctx = contextFor(t.database.db, await actorFor(t.database.db, demoEmail('regional')));
    const demo = (await getProgrammeRun(ctx, { runId })).run;
    // A run as a solve stopped by its limit before any plan saves it (the solver's timing is
    // not the test's to depend on).
    const none = await insertProgrammeRun(
      t.database.db,
      {
        region: 'North West',
        start: demo.start,
        weeks: demo.weeks,
        inputsHash: 'no-plan',
        options: { ...demo.options, timeLimitSeconds: 5 },
        status: 'no_plan_in_time',
        solverStatus: 'time_limit',
        objective: null,
        bound: null,
        gap: null,
        seconds: 5,
        summary: { ...demo.summary, softBreaches: [], loads: [], hardBreaches: [] },
        parentRunId: null,
        createdBy: (ctx.actor as { userId: string }).userId,
        createdByLabel: 'Rhys Evans (regional SHMI)',
      },
      [],
    );
    const page = decodeHtml((await regional.get(`/programme/runs/${none}`)).body);
    expect(page).toContain('The solver found no plan within 5 seconds');
    expect(page).toContain('No plan to check.');
    expect(page).not.toContain('None: the independent checker');
    expect(page).not.toContain('Publish this plan');
  });
});
