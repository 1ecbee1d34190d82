// Saved programme plans (issue 14) on the demo: a regional user solves the North West from the
// inspectors' profiles and the run is saved; it is listed, explained, pinned, asked what-if and
// compared; publishing creates planned activities with their teams that LA users never see, a
// newer version changes or cancels them, a plan that now breaks a hard rule is refused, and an
// inspector on leave cannot be put on a team by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf, todayInEngland } from '../../src/clock.js';
import { findActivity, listTeam } from '../../src/data/repositories/activities.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { addInspectorAbsence } from '../../src/usecases/inspectors/add-inspector-absence.js';
import { listMyActivities } from '../../src/usecases/activities/list-my-activities.js';
import { compareProgrammeRuns } from '../../src/usecases/programme/compare-programme-runs.js';
import { explainProgrammeRun } from '../../src/usecases/programme/explain-programme-run.js';
import { getProgrammeRun } from '../../src/usecases/programme/get-programme-run.js';
import { listProgrammeRuns } from '../../src/usecases/programme/list-programme-runs.js';
import { pinProgrammeRun } from '../../src/usecases/programme/pin-programme-run.js';
import { publishProgrammeRun } from '../../src/usecases/programme/publish-programme-run.js';
import { runProgrammeSolve } from '../../src/usecases/programme/run-programme-solve.js';
import { whatIfProgrammeRun } from '../../src/usecases/programme/what-if-programme-run.js';
import type { ProgrammeRunView } from '../../src/usecases/programme/saved-runs.js';
import { createTestApp, signInAs, type TestApp } from '../helpers/app.js';
import { actorFor, contextFor } from '../helpers/reports.js';
import { demoEmail } from '../helpers/app.js';

let t: TestApp;
const c: Record<string, UseCaseContext> = {};
let from: string;
let first: ProgrammeRunView;
beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['regional', 'national', 'inspector', 'la', 'researcher', 'admin'])
    c[who] = contextFor(t.database.db, await actorFor(t.database.db, demoEmail(who)));
  from = addDays(mondayOf(todayInEngland()), 14);
}, 180_000);
afterAll(async () => t?.close());

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );
const solveOpts = () => ({
  region: 'north-west',
  from,
  weeks: 10,
  timeLimitSeconds: 60,
  relativeGap: 0.05,
});

describe('saving, listing and explaining runs', () => {
  it('saves each solve as a run with its placements, teams and explanations', async () => {
    const saved = await runProgrammeSolve(c.regional!, solveOpts());
    expect(saved.solved.solution.hardBreaches).toEqual([]);
    first = await getProgrammeRun(c.regional!, { runId: saved.runId });
    expect(first.run.region).toBe('North West');
    expect(first.run.options.rosterFromProfiles).toBe(true);
    expect(first.placements.length).toBeGreaterThan(0);
    expect(first.placements.length).toBe(saved.solved.solution.plan!.placements.length);
    for (const p of first.placements) {
      expect(p.team.filter((m) => m.teamRole === 'lead')).toHaveLength(1);
      expect(p.explanation.binding.length).toBeGreaterThan(0);
    }
    const runs = await listProgrammeRuns(c.regional!, { region: 'North West' });
    expect(runs.map((r) => r.id)).toContain(saved.runId);
    expect(await codeOf(listProgrammeRuns(c.la!, { region: 'North West' }))).toBe('NOT_FOUND');
    expect(await codeOf(getProgrammeRun(c.la!, { runId: saved.runId }))).toBe('NOT_FOUND');
    expect(await codeOf(getProgrammeRun(c.researcher!, { runId: saved.runId }))).toBe('NOT_FOUND');
  }, 240_000);

  it('explains a placement: the rules that bind it and the soft costs it carries', async () => {
    const p = first.placements[0]!;
    const e = await explainProgrammeRun(c.regional!, { runId: first.run.id, la: p.laName });
    expect(e.placements.every((x) => x.laId === p.laId)).toBe(true);
    expect(e.placements[0]!.binding[0]).toMatch(/^Needed: /);
    for (const s of e.placements.flatMap((x) => x.softCosts)) expect(s.why).toBeTruthy();
    expect(e.conflicts).toEqual([]);
  });
});

describe('pins, what-ifs and comparisons', () => {
  let pinned: ProgrammeRunView;
  it('pins an LA’s activity to a week with a lead and solves again', async () => {
    const p = first.placements[0]!;
    const lead = p.team.find((m) => m.teamRole === 'lead')!;
    const r = await pinProgrammeRun(c.regional!, {
      runId: first.run.id,
      la: p.laId,
      activityType: p.activityType,
      week: p.start,
      lead: lead.inspectorId,
      timeLimitSeconds: 60,
    });
    pinned = await getProgrammeRun(c.regional!, { runId: r.runId });
    expect(pinned.run.parentRunId).toBe(first.run.id);
    expect(pinned.run.options.pins).toEqual([
      expect.objectContaining({ laId: p.laId, week: p.week, inspectorIds: [lead.inspectorId] }),
    ]);
    const q = pinned.placements.find(
      (x) => x.laId === p.laId && x.activityType === p.activityType,
    )!;
    expect(q.week).toBe(p.week);
    expect(q.team.find((m) => m.teamRole === 'lead')!.inspectorId).toBe(lead.inspectorId);
  }, 240_000);

  it('asks what if an inspector is on long leave, and compares the two runs', async () => {
    const p = first.placements[0]!;
    const member = p.team[0]!;
    const r = await whatIfProgrammeRun(c.regional!, {
      runId: first.run.id,
      leave: [{ inspector: member.inspectorId, from: p.start, to: addDays(p.start, 27) }],
      risk: [{ la: 'northfield', level: 'high' }],
      timeLimitSeconds: 60,
    });
    const w = await getProgrammeRun(c.regional!, { runId: r.runId });
    expect(w.run.options.whatIf!.longLeave).toHaveLength(1);
    for (const x of w.placements)
      if (x.start <= addDays(p.start, 27) && x.end >= p.start)
        expect(x.team.map((m) => m.inspectorId)).not.toContain(member.inspectorId);
    const cmp = await compareProgrammeRuns(c.regional!, { a: first.run.id, b: r.runId });
    expect(cmp.differences.length).toBeGreaterThan(0);
    const changed = cmp.differences.find(
      (d) => d.laId === p.laId && d.activityType === p.activityType,
    )!;
    expect(changed.change === 'moved' || changed.change === 'team').toBe(true);
    if (changed.change === 'team') expect(changed.left).toContain(member.inspectorId);
    expect(cmp.objective.a).toBe(first.run.objective);
    expect(await codeOf(compareProgrammeRuns(c.la!, { a: first.run.id, b: r.runId }))).toBe(
      'NOT_FOUND',
    );
  }, 240_000);
});

describe('publishing', () => {
  it('creates planned activities with their teams, which LA users never see', async () => {
    expect(await codeOf(publishProgrammeRun(c.la!, { runId: first.run.id }))).toBe('NOT_FOUND');
    // The demo has published version 1 (52 weeks): what this 10-week plan keeps of it is moved,
    // the rest cancelled.
    const demoRun = (await listProgrammeRuns(c.regional!, { region: 'North West' })).find(
      (r) => r.publishedVersion === 1,
    )!;
    const demo = await getProgrammeRun(c.regional!, { runId: demoRun.id });
    const kept = first.placements.filter((p) =>
      demo.placements.some(
        (q) => q.laId === p.laId && q.activityType === p.activityType && q.ordinal === p.ordinal,
      ),
    ).length;
    const pub = await publishProgrammeRun(c.regional!, { runId: first.run.id });
    expect(pub).toMatchObject({
      version: 2,
      created: first.placements.length - kept,
      cancelled: demo.placements.length - kept,
    });
    const again = await getProgrammeRun(c.regional!, { runId: first.run.id });
    expect(again.run.publishedVersion).toBe(2);
    // An inspector on a team sees their own placements of the published version.
    const inspector = c.inspector!.actor as { userId: string };
    const own = first.placements.filter((p) =>
      p.team.some((m) => m.inspectorId === inspector.userId),
    );
    if (own.length > 0) {
      const seen = await getProgrammeRun(c.inspector!, { runId: first.run.id });
      expect(seen.ownPlacementsOnly).toBe(true);
      expect(seen.placements).toHaveLength(own.length);
    } else
      expect(await codeOf(getProgrammeRun(c.inspector!, { runId: first.run.id }))).toBe(
        'NOT_FOUND',
      );
    // Northfield's planned activity: its LA user sees nothing of it, not even by its address.
    const mine = await listMyActivities(c.regional!, {});
    const planned = mine.filter((a) => a.state === 'planned' && a.title.endsWith('(planned)'));
    expect(planned.length).toBe(first.placements.length);
    const nf = planned.find((a) => a.laId === 'northfield') ?? planned[0]!;
    expect((await listTeam(t.database.db, nf.id)).length).toBeGreaterThan(0);
    const laList = await listMyActivities(c.la!, {});
    for (const a of planned) expect(laList.map((x) => x.id)).not.toContain(a.id);
    const web = await signInAs(t, 'la');
    expect((await web.get(`/activities/${nf.id}`)).statusCode).toBe(404);
    expect((await web.get('/')).body).not.toContain(nf.plannedStart!);
  }, 120_000);

  it('refuses a plan that now breaks a hard rule (an inspector’s leave recorded since)', async () => {
    const r = await runProgrammeSolve(c.regional!, solveOpts());
    const v = await getProgrammeRun(c.regional!, { runId: r.runId });
    const p = v.placements[0]!;
    await addInspectorAbsence(c.regional!, {
      inspector: p.team[0]!.inspectorId,
      kind: 'leave',
      startsOn: p.start,
      endsOn: p.end,
      note: null,
    });
    const err = await publishProgrammeRun(c.regional!, { runId: r.runId }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PROGRAMME_NOT_PUBLISHABLE' });
    expect((err as { details: { value: string }[] }).details.map((d) => d.value)).toContain(
      'leave',
    );
  }, 240_000);

  it('publishes a newer run as version 3, moving or cancelling what has not started', async () => {
    const r = await runProgrammeSolve(c.regional!, solveOpts());
    const v = await getProgrammeRun(c.regional!, { runId: r.runId });
    const pub = await publishProgrammeRun(c.regional!, { runId: r.runId });
    expect(pub.version).toBe(3);
    const kept = v.placements.filter((p) =>
      first.placements.some(
        (q) => q.laId === p.laId && q.activityType === p.activityType && q.ordinal === p.ordinal,
      ),
    ).length;
    expect(pub.created).toBe(v.placements.length - kept);
    expect(pub.cancelled).toBe(first.placements.length - kept);
    const mine = await listMyActivities(c.regional!, {});
    const live = mine.filter((a) => a.state === 'planned' && a.title.endsWith('(planned)'));
    expect(live).toHaveLength(v.placements.length);
    expect(await codeOf(publishProgrammeRun(c.regional!, { runId: r.runId }))).toBe(
      'PROGRAMME_NOT_PUBLISHABLE',
    );
  }, 240_000);

  it('refuses to put an inspector on leave on a team by hand, naming the rule', async () => {
    const mine = await listMyActivities(c.regional!, {});
    const a = mine.find((x) => x.state === 'planned' && x.title.endsWith('(planned)'))!;
    const activity = (await findActivity(t.database.db, a.id))!;
    const team = new Set((await listTeam(t.database.db, a.id)).map((m) => m.userId));
    const runs = await listProgrammeRuns(c.regional!, { region: 'North West' });
    const roster =
      (await getProgrammeRun(c.regional!, { runId: runs[0]!.id })).run.options.inspectors ?? [];
    const other = roster.find((i) => !team.has(i.id))!;
    await addInspectorAbsence(c.regional!, {
      inspector: other.id,
      kind: 'training',
      startsOn: activity.plannedStart!,
      endsOn: activity.plannedStart!,
      note: null,
    });
    const err = await addTeamMember(c.regional!, {
      activityId: a.id,
      userId: other.id,
      teamRole: 'team_inspector',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ACTIVITY_RULE_BROKEN' });
    expect((err as { details: { value: string }[] }).details[0]!.value).toBe('inspector_on_leave');
  });
});
