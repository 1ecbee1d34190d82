// The LA's action plan after a published inspection and its monitoring (issue 16), through the use
// cases on the demo: items from the published report, the LA's draft, versions and the region's
// answer; a monitoring visit's lead records views (hidden from the LA until the visit is
// published); the reform programme and where the report mentions it; who is refused what. On
// PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { DEMO_PUBLISHED } from '../../src/demo/demo-published.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { addProgressUpdate } from '../../src/usecases/action-plans/add-progress-update.js';
import { getActionPlanVersion } from '../../src/usecases/action-plans/get-action-plan-version.js';
import { getActionPlan } from '../../src/usecases/action-plans/get-action-plan.js';
import { getMonitoringReview } from '../../src/usecases/action-plans/get-monitoring-review.js';
import { listActionPlans } from '../../src/usecases/action-plans/list-action-plans.js';
import { listReformProgrammes } from '../../src/usecases/action-plans/list-reform-programmes.js';
import { recordMonitoringView } from '../../src/usecases/action-plans/record-monitoring-view.js';
import { removePlanAction } from '../../src/usecases/action-plans/remove-plan-action.js';
import { respondToActionPlan } from '../../src/usecases/action-plans/respond-to-action-plan.js';
import { savePlanAction } from '../../src/usecases/action-plans/save-plan-action.js';
import { saveReformProgramme } from '../../src/usecases/action-plans/save-reform-programme.js';
import { submitActionPlan } from '../../src/usecases/action-plans/submit-action-plan.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { getReportWorkspace } from '../../src/usecases/reports/get-report-workspace.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { actorFor, contextFor, demoContexts } from '../helpers/reports.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let la: UseCaseContext;
let otherLa: UseCaseContext;
let region: UseCaseContext;
let national: UseCaseContext;
let planId: string;
let visitId: string;
const EB = DEMO_PUBLISHED.find((d) => d.la.id === 'demo-eastbridge')!;

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  c = await demoContexts(db);
  la = contextFor(db, await actorFor(db, EB.dcs.email));
  otherLa = contextFor(db, await actorFor(db, 'dcs@southmere.example'));
  national = contextFor(db, await actorFor(db, 'national@triangulate.example'));
  await createUser(c.system, {
    email: 'regional.em@triangulate.example',
    displayName: 'Em Region',
    role: 'regional',
    region: 'East Midlands',
    laId: null,
    password: DEMO_PASSWORD,
  });
  region = contextFor(db, await actorFor(db, 'regional.em@triangulate.example'));
  const row = await db
    .selectFrom('activities')
    .select('id')
    .where('la_id', '=', 'demo-eastbridge')
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  planId = row.id;
}, 240_000);
afterAll(async () => t?.close());

const action = (itemKey: string, extra: Record<string, string> = {}) => ({
  activityId: planId,
  itemKey,
  action: 'Audit twenty files a month',
  owner: 'Head of service, children in care',
  milestone: 'First audit reported to the board',
  dueOn: '2026-03-31',
  impactMeasure: 'Children in care can say who they are and why they are in care',
  ...extra,
});

describe('the plan starts from the published report', () => {
  it('has one item per thing that needs to improve, and no version yet', async () => {
    const plan = await getActionPlan(la, { activityId: planId });
    expect(plan.items.map((i) => i.text)).toEqual(EB.improvements.map((x) => `${x}.`));
    expect(plan.items.every((i) => i.kind === 'improvement')).toBe(true);
    expect(plan.status).toBe('not_started');
    expect(plan.can).toEqual({ write: true, respond: false });
    const list = await listActionPlans(la, { laId: 'demo-eastbridge' });
    expect(list.plans).toMatchObject([{ activityId: planId, items: 2, status: 'not_started' }]);
  });

  it('is read by the region, national staff and admins; never by another LA or researchers', async () => {
    for (const who of [region, national, c.admin])
      expect(await codeOf(getActionPlan(who, { activityId: planId }))).toBe('ok');
    for (const who of [otherLa, c.researcher, c.regional])
      expect(await codeOf(getActionPlan(who, { activityId: planId }))).toBe('NOT_FOUND');
    expect(await codeOf(listActionPlans(otherLa, { laId: 'demo-eastbridge' }))).toBe('NOT_FOUND');
  });
});

describe('the LA answers each item and submits; the region answers each version', () => {
  it('only the LA writes; others who read are refused, others who do not get NOT_FOUND', async () => {
    const key = (await getActionPlan(la, { activityId: planId })).items[0]!.key;
    expect(await codeOf(savePlanAction(region, action(key)))).toBe('FORBIDDEN');
    expect(await codeOf(savePlanAction(otherLa, action(key)))).toBe('NOT_FOUND');
    expect(await codeOf(savePlanAction(la, action('no-such-item')))).toBe('NOT_FOUND');
    expect(await codeOf(savePlanAction(la, action(key, { impactMeasure: ' ' })))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses an incomplete plan, naming each item without an action', async () => {
    const [first] = (await getActionPlan(la, { activityId: planId })).items;
    await savePlanAction(la, action(first!.key));
    const e = await submitActionPlan(la, { activityId: planId }).catch(
      (x: { code: string; details: { reason: string }[] }) => x,
    );
    expect(e).toMatchObject({ code: 'ACTION_PLAN_INCOMPLETE' });
    expect((e as { details: { reason: string }[] }).details.map((d) => d.reason)).toEqual([
      `Add at least one action for “${EB.improvements[1]}.”`,
    ]);
    // The region does not see the draft.
    const seen = await getActionPlan(region, { activityId: planId });
    expect(seen.showing).toBe('nothing_submitted');
    expect(seen.items[0]!.actions).toEqual([]);
  });

  it('submits version 1; the region returns it with comments, once', async () => {
    const items = (await getActionPlan(la, { activityId: planId })).items;
    await savePlanAction(la, action(items[1]!.key, { action: 'Draft a template' }));
    await savePlanAction(la, action(items[1]!.key, { action: 'Remove me' }));
    await removePlanAction(la, { activityId: planId, itemKey: items[1]!.key, actionId: 'A2' });
    const v1 = await submitActionPlan(la, { activityId: planId });
    expect(v1.version).toBe(1);
    expect(v1.items.map((i) => i.actions.map((a) => a.id))).toEqual([['A1'], ['A1']]);
    expect(await codeOf(submitActionPlan(la, { activityId: planId }))).toBe('VALIDATION_FAILED');
    const read = await getActionPlan(region, { activityId: planId });
    expect(read.status).toBe('submitted');
    expect(read.items[1]!.actions[0]!.action).toBe('Draft a template');
    const answer = { activityId: planId, version: 1, decision: 'return' as const };
    expect(await codeOf(respondToActionPlan(la, { ...answer, comment: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(respondToActionPlan(region, answer))).toBe('VALIDATION_FAILED');
    const returned = await respondToActionPlan(region, {
      ...answer,
      comment: 'Say how you will measure the template’s use.',
    });
    expect(returned.response).toMatchObject({ kind: 'returned', by: { label: 'Em Region' } });
    expect(await codeOf(respondToActionPlan(region, { ...answer, decision: 'acknowledge' }))).toBe(
      'ACTION_PLAN_ANSWERED',
    );
    expect((await getActionPlan(la, { activityId: planId })).status).toBe('returned');
  });

  it('keeps version 1 as it was when version 2 changes an action and adds progress', async () => {
    const key = (await getActionPlan(la, { activityId: planId })).items[1]!.key;
    await savePlanAction(
      la,
      action(key, { actionId: 'A1', impactMeasure: 'Decisions are recorded in 95% of contacts' }),
    );
    expect(
      await codeOf(
        addProgressUpdate(la, { activityId: planId, itemKey: key, on: '2999-01-01', text: 'x' }),
      ),
    ).toBe('VALIDATION_FAILED');
    await addProgressUpdate(la, {
      activityId: planId,
      itemKey: key,
      on: '2025-10-01',
      text: 'Template in use in two teams; audit shows 70% of decisions recorded.',
    });
    expect((await getActionPlan(la, { activityId: planId })).status).toBe('draft');
    const v2 = await submitActionPlan(la, { activityId: planId });
    expect(v2.version).toBe(2);
    const old = await getActionPlanVersion(region, { activityId: planId, version: 1 });
    expect(old.items[1]!.actions[0]!.impactMeasure).toBe(action(key).impactMeasure);
    expect(old.items[1]!.updates).toEqual([]);
    const now = await getActionPlanVersion(region, { activityId: planId, version: 2 });
    expect(now.items[1]!.updates.map((u) => u.on)).toEqual(['2025-10-01']);
    expect(now.items[1]!.changes).toMatchObject({
      actionsAdded: 0,
      actionsRemoved: 0,
      updatesAdded: 1,
    });
    expect(now.canRespond).toBe(true);
    await respondToActionPlan(region, { activityId: planId, version: 2, decision: 'acknowledge' });
    expect((await getActionPlan(la, { activityId: planId })).status).toBe('acknowledged');
    expect(await codeOf(getActionPlanVersion(otherLa, { activityId: planId, version: 1 }))).toBe(
      'NOT_FOUND',
    );
  });

  it('writes an audit event for every change', async () => {
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('activity_id', '=', planId)
      .where('action', 'like', 'action_plan.%')
      .execute();
    const count = (a: string) => events.filter((e) => e.action === a).length;
    expect(count('action_plan.action_added')).toBe(3);
    expect(count('action_plan.action_removed')).toBe(1);
    expect(count('action_plan.action_changed')).toBe(1);
    expect(count('action_plan.update_added')).toBe(1);
    expect(count('action_plan.submitted')).toBe(2);
    expect(count('action_plan.returned')).toBe(1);
    expect(count('action_plan.acknowledged')).toBe(1);
  });
});

describe('a monitoring visit reviews the plan', () => {
  let evidenceId: string;
  beforeAll(async () => {
    const sys = c.system;
    const v = await createActivity(sys, {
      laId: 'demo-eastbridge',
      activityType: 'focused_visit',
      plannedStart: '2026-01-12',
      theme: 'Front door',
      ruleReason: 'Test: a visit to review the action plan',
    });
    visitId = v.id;
    await addTeamMember(sys, {
      activityId: visitId,
      userId: c.lead.actor.kind === 'user' ? c.lead.actor.userId : '',
      teamRole: 'lead_inspector',
    });
    await addTeamMember(sys, {
      activityId: visitId,
      userId: c.inspector.actor.kind === 'user' ? c.inspector.actor.userId : '',
      teamRole: 'team_inspector',
    });
    await changeActivityState(sys, { activityId: visitId, toState: 'notified' });
    await changeActivityState(sys, { activityId: visitId, toState: 'on_site' });
    const e = await recordEvidence(c.lead, {
      activityId: visitId,
      text: 'Front door decisions are now recorded on the new template in most contacts seen.',
      method: 'case_file_reading',
      judgementAreas: ['help_and_protection'],
      direction: 'strength',
      observedOn: '2026-01-12',
    } as never);
    evidenceId = (e as { id: string }).id;
  }, 60_000);

  it('starts from the plan: the latest submitted version per item', async () => {
    const review = await getMonitoringReview(c.lead, { visitId });
    expect(review.plan).toMatchObject({ activityId: planId, latestVersion: 2 });
    expect(review.items[1]!.updates).toHaveLength(1);
    expect(review.evidence.map((e) => e.id)).toContain(evidenceId);
    expect(review.can.record).toBe(true);
    expect((await getMonitoringReview(c.inspector, { visitId })).can.record).toBe(false);
    expect(await codeOf(getMonitoringReview(la, { visitId }))).toBe('NOT_FOUND');
    expect(await codeOf(getMonitoringReview(c.researcher, { visitId }))).toBe('NOT_FOUND');
  });

  it('only the lead records a view, linking evidence of the visit only', async () => {
    const key = (await getMonitoringReview(c.lead, { visitId })).items[1]!.key;
    const view = { visitId, itemKey: key, view: 'progress' as const, reason: 'Decisions recorded' };
    expect(await codeOf(recordMonitoringView(c.inspector, view))).toBe('FORBIDDEN');
    expect(await codeOf(recordMonitoringView(region, view))).toBe('FORBIDDEN');
    expect(await codeOf(recordMonitoringView(la, view))).toBe('NOT_FOUND');
    expect(await codeOf(recordMonitoringView(c.lead, { ...view, itemKey: 'nope' }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(recordMonitoringView(c.lead, { ...view, reason: '' }))).toBe(
      'VALIDATION_FAILED',
    );
    const foreign = await t.database.db
      .selectFrom('evidence_records')
      .select('id')
      .where('activity_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(await codeOf(recordMonitoringView(c.lead, { ...view, evidenceIds: [foreign.id] }))).toBe(
      'VALIDATION_FAILED',
    );
    await recordMonitoringView(c.lead, { ...view, evidenceIds: [evidenceId] });
    const first = (await getMonitoringReview(c.lead, { visitId })).items[0]!.key;
    await recordMonitoringView(c.lead, {
      visitId,
      itemKey: first,
      view: 'no_progress',
      reason: 'Life-story work is still missing for most children seen',
    });
    const review = await getMonitoringReview(region, { visitId });
    expect(review.items[1]!.view).toMatchObject({ view: 'progress', evidenceIds: [evidenceId] });
    // Regional staff do not read the visit's evidence base: the lead does.
    expect(review.items[1]!.linked).toEqual([]);
    const lead = await getMonitoringReview(c.lead, { visitId });
    expect(lead.items[1]!.linked.map((e) => e.id)).toEqual([evidenceId]);
    expect(review.summary).toContain('inspectors found progress in 1');
    expect(review.summary).toContain('no progress in the consistency of life-story work');
  });

  it('offers the views to the visit’s letter in the report editor', async () => {
    await createReportDraft(c.lead, { activityId: visitId });
    const w = await getReportWorkspace(c.lead, visitId);
    expect(w.planProgress?.summary).toBe((await getMonitoringReview(c.lead, { visitId })).summary);
    expect(w.planProgress?.href).toBe(`/activities/${visitId}/monitoring`);
    // The published inspection's own report has no monitoring views to draw on.
    expect((await getReportWorkspace(national, planId)).planProgress).toBeNull();
  });

  it('hides the views from the LA until the visit is published, then shows them by each item', async () => {
    const before = await getActionPlan(la, { activityId: planId });
    expect(before.items.flatMap((i) => i.views)).toEqual([]);
    const regional = await getActionPlan(region, { activityId: planId });
    expect(regional.items[1]!.views).toMatchObject([{ view: 'progress', published: false }]);
    // Test set-up only: the letter's publication is walked in the reports tests.
    await t.database.db
      .updateTable('activities')
      .set({ state: 'published' })
      .where('id', '=', visitId)
      .execute();
    const after = await getActionPlan(la, { activityId: planId });
    expect(after.items[1]!.views).toMatchObject([
      { view: 'progress', viewLabel: 'Progress', reason: 'Decisions recorded', published: true },
    ]);
    expect(after.items[0]!.views[0]!.view).toBe('no_progress');
    expect(
      await codeOf(
        recordMonitoringView(c.lead, {
          visitId,
          itemKey: after.items[0]!.key,
          view: 'worse',
          reason: 'x',
        }),
      ),
    ).toBe('MONITORING_CLOSED');
  });
});

describe('the reform and improvement programme', () => {
  it('is recorded by the LA and quoted where the published report mentions it', async () => {
    const p = {
      laId: 'demo-eastbridge',
      name: 'Telling My Story',
      aims: 'Every child in care has a life-story book by 2026.',
      startsOn: '2025-09-01',
      keywords: 'life-story work, memory boxes',
    };
    const saved = await saveReformProgramme(la, p);
    expect(saved.keywords).toEqual(['life-story work', 'memory boxes']);
    expect(await codeOf(saveReformProgramme(la, p))).toBe('ALREADY_EXISTS');
    expect(await codeOf(saveReformProgramme(region, { ...p, name: 'Other' }))).toBe('FORBIDDEN');
    expect(await codeOf(saveReformProgramme(otherLa, { ...p, name: 'Other' }))).toBe('NOT_FOUND');
    expect(
      await codeOf(saveReformProgramme(la, { ...p, name: 'Later', endsOn: '2025-01-01' })),
    ).toBe('VALIDATION_FAILED');
    const list = await listReformProgrammes(region, { laId: 'demo-eastbridge' });
    expect(list.programmes[0]!.mentions.map((m) => m.quote)).toContain(`${EB.improvements[0]}.`);
    expect(list.programmes[0]!.mentions[0]!.term).toBe('life-story work');
    const changed = await saveReformProgramme(la, { ...p, programmeId: saved.id, keywords: '' });
    expect(changed.keywords).toEqual([]);
    expect(
      (await listReformProgrammes(la, { laId: 'demo-eastbridge' })).programmes[0]!.mentions,
    ).toEqual([]);
    expect(await codeOf(listReformProgrammes(c.researcher, { laId: 'demo-eastbridge' }))).toBe(
      'NOT_FOUND',
    );
    void systemActor;
  });
});

describe('the demo', () => {
  it('has Southmere’s plan in progress, a published visit’s views shown and a current one’s hidden', async () => {
    const db = t.database.db;
    const southmere = contextFor(db, await actorFor(db, 'dcs@southmere.example'));
    const list = await listActionPlans(southmere, { laId: 'demo-southmere' });
    expect(list.plans).toMatchObject([{ items: 3, status: 'submitted', latestVersion: 2 }]);
    const id = list.plans[0]!.activityId;
    const plan = await getActionPlan(southmere, { activityId: id });
    expect(plan.versions.map((v) => [v.version, v.response?.kind ?? null])).toEqual([
      [2, null],
      [1, 'acknowledged'],
    ]);
    expect(plan.items.map((i) => i.views.map((v) => v.view))).toEqual([
      ['progress'],
      ['no_progress'],
      ['progress'],
    ]);
    const region = contextFor(db, await actorFor(db, 'regional.southeast@triangulate.example'));
    const seen = await getActionPlan(region, { activityId: id });
    expect(seen.items[0]!.views.map((v) => v.published)).toEqual([false, true]);
    const programmes = await listReformProgrammes(southmere, { laId: 'demo-southmere' });
    expect(programmes.programmes[0]!.mentions.length).toBeGreaterThan(0);
  });
});
