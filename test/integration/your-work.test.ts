// "Your work" and turn notifications per role, along the demo inspection's journey: the panel's
// challenges, the lead's answers, the QAM's approval and sign-offs, the LA's factual accuracy
// window (its own LA only, never before notification), each item linking to where it is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { listMyWork } from '../../src/usecases/home/list-my-work.js';
import { listMyNotifications } from '../../src/usecases/notifications/list-my-notifications.js';
import { markMyNotificationsRead } from '../../src/usecases/notifications/mark-notifications-read.js';
import { advanceJudgements } from '../../src/usecases/judgements/advance-judgements.js';
import { addPanelComment } from '../../src/usecases/judgements/add-panel-comment.js';
import { respondToPanelComment } from '../../src/usecases/judgements/respond-to-panel-comment.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { saveReportSection } from '../../src/usecases/reports/save-report-section.js';
import { signOffReport } from '../../src/usecases/reports/sign-off-report.js';
import { releaseReport } from '../../src/usecases/reports/release-report.js';
import { addReportComment } from '../../src/usecases/reports/add-report-comment.js';
import { respondToReportComment } from '../../src/usecases/reports/respond-to-report-comment.js';
import { confirmFactualAccuracy } from '../../src/usecases/reports/confirm-factual-accuracy.js';
import { getReportWorkspace } from '../../src/usecases/reports/get-report-workspace.js';
import { createTestApp, decodeHtml, demoEmail, signInAs, type TestApp } from '../helpers/app.js';
import {
  actorFor,
  contextFor,
  demoContexts,
  markJudgementsFinal,
  moveToDrafting,
} from '../helpers/reports.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let panel: UseCaseContext;
let otherLa: UseCaseContext;
let activityId: string;
let plannedEnd: string;

// The demo inspection's work and notifications only: the demo people also sit on the published
// demo inspections and a consistency panel, whose items are not this journey's.
const myWork = async (ctx: UseCaseContext) =>
  (await listMyWork(ctx)).filter((w) => w.href.includes(activityId));
const kinds = async (ctx: UseCaseContext) => (await myWork(ctx)).map((w) => w.kind);
const unread = async (ctx: UseCaseContext) =>
  (await listMyNotifications(ctx, { unreadOnly: true }))
    .filter((n) => n.activityId === activityId)
    .map((n) => n.kind);
const version = async () => (await getReportWorkspace(c.lead, activityId)).report!.currentVersion;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  c = await demoContexts(db);
  activityId = t.demo.activityId;
  panel = contextFor(db, await actorFor(db, demoEmail('panel')));
  const la = await db
    .selectFrom('local_authorities')
    .select('id')
    .where('id', '!=', 'demo-northfield')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await createUser(
    { db, actor: systemActor('test') },
    {
      email: 'other.la@example.org',
      displayName: 'Other LA',
      role: 'la_user',
      laId: la.id,
      password: 'other la password 123',
    },
  );
  otherLa = contextFor(db, await actorFor(db, 'other.la@example.org'));
  const a = await db
    .selectFrom('activities')
    .select('planned_end')
    .where('id', '=', activityId)
    .executeTakeFirstOrThrow();
  plannedEnd = a.planned_end!;
}, 120_000);
afterAll(async () => t?.close());

describe('your work and notifications, role by role', () => {
  it('starts with the LA told only of the notified inspection, the panel member of her panel', async () => {
    const laNotes = await listMyNotifications(c.la);
    expect(laNotes.map((n) => n.kind)).toEqual(['activity_notified']);
    // The demo's focused visit is not notified: nothing about it reaches the LA.
    expect(laNotes.every((n) => n.activityId === activityId)).toBe(true);
    expect(await unread(panel)).toEqual(['panel_assigned']);
    expect(await listMyNotifications(otherLa)).toEqual([]);
    for (const ctx of [c.lead, c.qam, panel, c.la, otherLa, c.researcher, c.regional])
      expect(await kinds(ctx)).toEqual([]);
  });

  it('puts the panel member’s challenges in front of her, linked and due by fieldwork’s end', async () => {
    await advanceJudgements(c.lead, { activityId, toStage: 'consistency_panel' });
    const [item] = await myWork(panel);
    expect(item).toMatchObject({
      kind: 'panel_challenges',
      href: `/activities/${activityId}/judgements/panel`,
      due: plannedEnd,
    });
    expect(await unread(panel)).toEqual(['judgements_at_panel', 'panel_assigned']);
    // Her home page lists it and the page it links to opens for her.
    const browser = await signInAs(t, 'panel');
    const home = decodeHtml((await browser.get('/home')).body);
    expect(home).toContain('Your work');
    expect(home).toContain(`href="/activities/${activityId}/judgements/panel"`);
    expect(home).toContain('Challenge or comment on the judgements');
    expect((await browser.get(`/activities/${activityId}/judgements/panel`)).statusCode).toBe(200);
    expect(await kinds(c.lead)).toEqual([]);
  });

  it('gives the lead the answers to make, then the QAM the approval', async () => {
    const challenge = await addPanelComment(panel, {
      activityId,
      kind: 'challenge',
      text: 'Is the care leavers grade secure?',
    });
    expect(await myWork(c.lead)).toMatchObject([
      { kind: 'panel_answers', text: 'Answer 1 consistency panel comment' },
    ]);
    expect(await unread(c.lead)).toContain('panel_comment');
    await respondToPanelComment(c.lead, {
      activityId,
      commentId: challenge.id,
      response: 'Yes: see the evidence.',
    });
    expect(await kinds(c.lead)).toEqual([]);
    await advanceJudgements(c.lead, { activityId, toStage: 'quality_assurance' });
    expect(await myWork(c.qam)).toMatchObject([
      { kind: 'qa_approval', href: `/activities/${activityId}/judgements/qa`, due: plannedEnd },
    ]);
    expect(await unread(c.qam)).toEqual(['judgements_at_qa']);
    expect(await kinds(panel)).toEqual([]);
  });

  it('walks the report: draft, sign-off, release, the LA’s window, answers, sign-off, publish', async () => {
    await markJudgementsFinal(t.database.db, activityId);
    await moveToDrafting(t.database.db, activityId);
    expect(await kinds(c.lead)).toEqual(['draft_report']);
    await createReportDraft(c.lead, {
      activityId,
      improvements: [{ text: 'Pathway plans for care leavers' }],
    });
    expect(await unread(c.qam)).toContain('report_drafted');
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'summary',
      text: 'Services for children in Northfield require improvement to be good.',
      baseVersion: await version(),
    });
    expect(await kinds(c.qam)).toEqual(['signoff_release']);
    await signOffReport(c.qam, { activityId, baseVersion: await version() });
    expect(await myWork(c.lead)).toMatchObject([
      { kind: 'release', href: `/activities/${activityId}/report/release` },
    ]);
    expect(await unread(c.lead)).toContain('draft_signed_off');
    expect(await kinds(c.la)).toEqual([]);

    const out = await releaseReport(c.lead, { activityId, baseVersion: await version() });
    expect(await myWork(c.la)).toMatchObject([
      {
        kind: 'factual_accuracy',
        href: `/activities/${activityId}/report/factual-accuracy`,
        due: out.deadline,
      },
    ]);
    expect(await unread(c.la)).toEqual(['report_released', 'activity_notified']);
    // Another LA's users see nothing of it.
    expect(await kinds(otherLa)).toEqual([]);
    expect(await listMyNotifications(otherLa)).toEqual([]);

    const comment = await addReportComment(c.la, {
      activityId,
      sectionKey: 'summary',
      paragraph: 1,
      text: 'Please name the service correctly.',
    });
    expect(await myWork(c.lead)).toMatchObject([{ kind: 'la_answers', due: out.deadline }]);
    await respondToReportComment(c.lead, {
      activityId,
      commentId: comment.id,
      outcome: 'not_accepted',
      reason: 'The name is correct.',
      baseVersion: await version(),
    });
    expect(await kinds(c.qam)).toEqual([]);
    await confirmFactualAccuracy(c.la, { activityId });
    expect(await kinds(c.la)).toEqual([]);
    expect(await kinds(c.qam)).toEqual(['signoff_publication']);
    expect(await unread(c.qam)).toContain('la_confirmed');
    await signOffReport(c.qam, { activityId, baseVersion: await version() });
    expect(await myWork(c.lead)).toMatchObject([
      { kind: 'publish', href: `/activities/${activityId}/report/publish` },
    ]);
    expect(await unread(c.lead)).toContain('text_signed_off');
  });

  it('marks one’s own notifications read, never anyone else’s', async () => {
    const [mine] = await listMyNotifications(c.la, { unreadOnly: true });
    const leads = await listMyNotifications(c.lead, { unreadOnly: true });
    await expect(markMyNotificationsRead(c.la, { id: leads[0]!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await listMyNotifications(c.lead, { unreadOnly: true })).toHaveLength(leads.length);
    await markMyNotificationsRead(c.la, { id: mine!.id });
    expect((await listMyNotifications(c.la, { unreadOnly: true })).map((n) => n.id)).not.toContain(
      mine!.id,
    );
    // In the browser: mark all as read from the home page.
    const browser = await signInAs(t, 'lead');
    expect(decodeHtml((await browser.get('/home')).body)).toContain('Mark as read');
    const res = await browser.post('/notifications/read', { back: '/home' });
    expect(res.statusCode).toBe(303);
    expect(await unread(c.lead)).toEqual([]);
    const page = decodeHtml((await browser.get('/notifications')).body);
    expect(page).toContain('text after the factual accuracy check is signed off');
  });
});
