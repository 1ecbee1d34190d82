// Reports against a real database: the draft and its versions, optimistic concurrency, release
// to the LA, factual accuracy comments inside and after the window, responses, publication only
// when every comment is answered, immutability (also at the SQL level) and who sees what.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { listStateChanges } from '../../src/data/repositories/activities.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { addReportComment } from '../../src/usecases/reports/add-report-comment.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { getFactualAccuracy } from '../../src/usecases/reports/get-factual-accuracy.js';
import { getPublishedReport } from '../../src/usecases/reports/get-published-report.js';
import { getReportVersion } from '../../src/usecases/reports/get-report-version.js';
import { getReportWorkspace } from '../../src/usecases/reports/get-report-workspace.js';
import { publishReport } from '../../src/usecases/reports/publish-report.js';
import { releaseReport } from '../../src/usecases/reports/release-report.js';
import { respondToReportComment } from '../../src/usecases/reports/respond-to-report-comment.js';
import { restoreReportVersion } from '../../src/usecases/reports/restore-report-version.js';
import { saveReportSection } from '../../src/usecases/reports/save-report-section.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { systemActor } from '../../src/domain/access/actor.js';
import {
  actorFor,
  contextFor,
  demoContexts,
  markJudgementsFinal,
  moveToDrafting,
} from '../helpers/reports.js';
import { signOffReport } from '../../src/usecases/reports/sign-off-report.js';
import { confirmFactualAccuracy } from '../../src/usecases/reports/confirm-factual-accuracy.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import { getLa } from '../../src/usecases/las/get-la.js';
import { getRiskPicture } from '../../src/usecases/risk/get-risk-picture.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let otherLa: UseCaseContext;
let activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  c = await demoContexts(db);
  activityId = t.demo.activityId;
  // Release and publication need final judgements (report-judgements.test.ts checks that rule).
  await markJudgementsFinal(db, activityId);
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
}, 120_000);
afterAll(async () => t?.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('the draft', () => {
  it('is hidden from the LA, researchers and other LAs before anything is released', async () => {
    for (const ctx of [c.la, c.researcher, otherLa]) {
      expect(await codeOf(getReportWorkspace(ctx, activityId))).toBe('NOT_FOUND');
      expect(await codeOf(getFactualAccuracy(ctx, activityId))).toBe('NOT_FOUND');
      expect(await codeOf(getPublishedReport(ctx, activityId))).toBe('NOT_FOUND');
    }
    expect(await codeOf(createReportDraft(c.la, { activityId }))).toBe('NOT_FOUND');
  });

  it('is assembled from the framework template as version 1', async () => {
    const report = await createReportDraft(c.lead, {
      activityId,
      improvements: [
        {
          text: 'The timeliness of strategy discussions',
          nationalFrameworkRef: 'outcome 3, national framework',
        },
        { text: 'Pathway plans for care leavers' },
      ],
    });
    expect(report).toMatchObject({
      templateKey: 'ilacs_inspection_report',
      currentVersion: 1,
      state: 'draft',
    });
    const w = await getReportWorkspace(c.inspector, activityId);
    expect(w.document?.title).toMatch(/^Inspection of Northfield/);
    expect(w.sections.find((s) => s.key === 'what_needs_to_improve')?.paragraphs).toEqual([
      'The timeliness of strategy discussions (outcome 3, national framework).',
      'Pathway plans for care leavers.',
    ]);
    expect(w.versions.map((v) => v.number)).toEqual([1]);
    expect(await codeOf(createReportDraft(c.lead, { activityId }))).toBe('ALREADY_EXISTS');
  });

  it('saves every edit as a new version, refuses stale edits, shows language findings', async () => {
    const saved = await saveReportSection(c.inspector, {
      activityId,
      sectionKey: 'summary',
      text: 'Leaders ensure that all children are kept safe.\n\nSecond paragraph of the summary.',
      baseVersion: 1,
    });
    expect(saved).toEqual({ version: 2, changed: true });
    const stale = await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'summary',
      text: 'Someone else’s text.',
      baseVersion: 1,
    }).catch((e: { code: string; message: string }) => e);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect((stale as { message: string }).message).toContain('version 2');
    const w = await getReportWorkspace(c.lead, activityId);
    const summary = w.sections.find((s) => s.key === 'summary');
    expect(summary?.numbers).toEqual([1, 2]);
    expect(summary?.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining([expect.stringMatching(/safety|certainty/)]),
    );
    expect(
      await codeOf(
        saveReportSection(c.lead, {
          activityId,
          sectionKey: 'judgement_table',
          text: 'x',
          baseVersion: 2,
        }),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('compares and restores versions (a restore is a new version)', async () => {
    const view = await getReportVersion(c.lead, { activityId, version: 2, compareWith: 1 });
    const change = view.compared?.changes.find((x) => x.key === 'summary');
    expect(change?.status).toBe('changed');
    expect(change?.added).toContain('Second paragraph of the summary.');
    const restored = await restoreReportVersion(c.lead, { activityId, version: 1, baseVersion: 2 });
    expect(restored.version).toBe(3);
    const v3 = await getReportVersion(c.lead, { activityId, version: 3 });
    expect(v3.version.restoredFrom).toBe(1);
    expect(v3.version.document.sections.find((s) => s.key === 'summary')?.paragraphs).toEqual([]);
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'summary',
      text: 'Services for children in Northfield require improvement to be good.\n\nLeaders know their services well.',
      baseVersion: 3,
    });
  });
});

describe('release and factual accuracy', () => {
  it('goes to the LA only once the QAM has signed off that exact version', async () => {
    const e = await releaseReport(c.lead, { activityId, baseVersion: 4 }).catch(
      (x: { code: string; message: string }) => x,
    );
    expect(e).toMatchObject({ code: 'REPORT_NOT_READY' });
    expect((e as { message: string }).message).toContain('signed it off');
    // Nobody walks the activity into quality assurance by hand: only the QAM's sign-off does.
    await moveToDrafting(t.database.db, activityId);
    const byHand = await changeActivityState(c.lead, {
      activityId,
      toState: 'quality_assurance',
    }).catch((x: { code: string; message: string }) => x);
    expect(byHand).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((byHand as { message: string }).message).toContain('signing off the draft');
    expect((await getReportWorkspace(c.lead, activityId)).can.release).toBe(true);
    expect((await getReportWorkspace(c.lead, activityId)).readiness.release).toContain(
      'The activity is drafting: the draft goes to the LA once the quality assurance manager has signed it off.',
    );
    expect(await codeOf(signOffReport(c.lead, { activityId, baseVersion: 4 }))).toBe('FORBIDDEN');
    const qamView = await getReportWorkspace(c.qam, activityId);
    expect(qamView.can.signOff).toBe(true);
    expect(await signOffReport(c.qam, { activityId, baseVersion: 4 })).toEqual({
      version: 4,
      purpose: 'release',
    });
    const states = await listStateChanges(t.database.db, activityId);
    expect(states.at(-1)).toMatchObject({ fromState: 'drafting', toState: 'quality_assurance' });
    expect((await getReportWorkspace(c.lead, activityId)).readiness.release).toEqual([]);
    expect(await codeOf(releaseReport(c.inspector, { activityId, baseVersion: 4 }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(releaseReport(c.la, { activityId, baseVersion: 4 }))).toBe('NOT_FOUND');
  });

  it('freezes the version for the LA and opens a 5 working day window', async () => {
    const out = await releaseReport(
      c.lead,
      { activityId, baseVersion: 4 },
      new Date('2026-03-09T10:00:00Z'),
    );
    expect(out).toEqual({ round: 1, version: 4, releasedOn: '2026-03-09', deadline: '2026-03-16' });
    const states = await listStateChanges(t.database.db, activityId);
    expect(states.at(-1)?.toState).toBe('factual_accuracy');
    // The team edits on; the LA keeps seeing the released version.
    await saveReportSection(c.inspector, {
      activityId,
      sectionKey: 'closing',
      text: 'A later closing.',
      baseVersion: 4,
    });
    const fa = await getFactualAccuracy(c.la, activityId, new Date('2026-03-10T10:00:00Z'));
    expect(fa.release.versionNumber).toBe(4);
    expect(fa.document.sections.find((s) => s.key === 'closing')?.paragraphs[0]).not.toBe(
      'A later closing.',
    );
    expect(fa).toMatchObject({ open: true, can: { comment: true, respond: false } });
    expect(await codeOf(getFactualAccuracy(otherLa, activityId))).toBe('NOT_FOUND');
    expect(await codeOf(getFactualAccuracy(c.researcher, activityId))).toBe('NOT_FOUND');
    expect(await codeOf(getReportWorkspace(c.la, activityId))).toBe('NOT_FOUND');
  });

  it('takes LA comments inside the window and refuses them after it', async () => {
    const inWindow = new Date('2026-03-16T20:00:00Z');
    await addReportComment(
      c.la,
      {
        activityId,
        sectionKey: 'summary',
        paragraph: 2,
        text: 'Leaders also know about the front door.',
      },
      inWindow,
    );
    await addReportComment(
      c.la,
      {
        activityId,
        sectionKey: 'what_needs_to_improve',
        paragraph: 2,
        text: 'Pathway plans were updated in January.',
      },
      inWindow,
    );
    expect(
      await codeOf(
        addReportComment(
          c.la,
          { activityId, sectionKey: 'summary', paragraph: 7, text: 'x' },
          inWindow,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    const late = await addReportComment(
      c.la,
      { activityId, sectionKey: 'summary', text: 'Late.' },
      new Date('2026-03-17T09:00:00Z'),
    ).catch((e: { code: string; message: string }) => e);
    expect(late).toMatchObject({ code: 'REPORT_WINDOW_CLOSED' });
    expect((late as { message: string }).message).toContain('16 March 2026');
    expect(
      await codeOf(
        addReportComment(otherLa, { activityId, sectionKey: 'summary', text: 'x' }, inWindow),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        addReportComment(c.lead, { activityId, sectionKey: 'summary', text: 'x' }, inWindow),
      ),
    ).toBe('FORBIDDEN');
  });

  it('blocks publication until every comment has a response', async () => {
    const e = await publishReport(c.lead, { activityId, baseVersion: 5 }).catch(
      (x: { code: string; message: string }) => x,
    );
    expect(e).toMatchObject({ code: 'REPORT_NOT_READY' });
    expect((e as { message: string }).message).toContain('2 factual accuracy comments');
  });

  it('records responses: accepted with a new linked version, or not accepted with a reason', async () => {
    const w = await getReportWorkspace(c.lead, activityId);
    const [first, second] = w.comments;
    const accepted = await respondToReportComment(c.inspector, {
      activityId,
      commentId: first!.id,
      outcome: 'accepted',
      sectionText:
        'Services for children in Northfield require improvement to be good.\n\nLeaders know their services well, including the front door.',
      baseVersion: 5,
    });
    expect(accepted.version).toBe(6);
    const v6 = await getReportVersion(c.lead, { activityId, version: 6 });
    expect(v6.version).toMatchObject({
      kind: 'response',
      commentId: first!.id,
      sectionKey: 'summary',
    });
    expect(
      await codeOf(
        respondToReportComment(c.inspector, {
          activityId,
          commentId: second!.id,
          outcome: 'not_accepted',
          baseVersion: 6,
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    await respondToReportComment(c.lead, {
      activityId,
      commentId: second!.id,
      outcome: 'not_accepted',
      reason: 'The plans seen on site in March had not been updated.',
      baseVersion: 6,
    });
    expect(
      await codeOf(
        respondToReportComment(c.lead, {
          activityId,
          commentId: second!.id,
          outcome: 'not_accepted',
          reason: 'again',
          baseVersion: 6,
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      await codeOf(
        respondToReportComment(c.la, {
          activityId,
          commentId: second!.id,
          outcome: 'not_accepted',
          reason: 'x',
          baseVersion: 6,
        }),
      ),
    ).toBe('NOT_FOUND');
    const fa = await getFactualAccuracy(c.la, activityId);
    expect(fa.comments.map((x) => x.response?.outcome)).toEqual(['accepted', 'not_accepted']);
    expect(fa.comments[1]?.response?.text).toContain('had not been updated');
  });
});

describe('publication', () => {
  it('waits for the window or the LA, then the QAM signs off the text, then it is published', async () => {
    const inWindow = new Date('2026-03-12T10:00:00Z');
    const unsigned = await publishReport(c.lead, { activityId, baseVersion: 6 }, inWindow).catch(
      (x: { code: string; details: { reason: string }[] }) => x,
    );
    expect(unsigned).toMatchObject({ code: 'REPORT_NOT_READY' });
    const reasons = (unsigned as { details: { reason: string }[] }).details.map((d) => d.reason);
    expect(reasons.join(' ')).toMatch(/window is still open/);
    expect(reasons.join(' ')).toMatch(/signs off the text after/);
    expect(reasons.join(' ')).toMatch(/fieldwork is not over/);
    // The window is open and the LA has not confirmed: the QAM cannot sign off yet.
    const early = await signOffReport(c.qam, { activityId, baseVersion: 6 }, inWindow).catch(
      (x: { code: string; message: string }) => x,
    );
    expect(early).toMatchObject({ code: 'REPORT_NOT_READY' });
    expect((early as { message: string }).message).toContain('window is still open');
    expect(await codeOf(confirmFactualAccuracy(c.lead, { activityId }))).toBe('FORBIDDEN');
    await confirmFactualAccuracy(c.la, { activityId });
    expect(
      await codeOf(
        addReportComment(c.la, { activityId, sectionKey: 'summary', text: 'One more.' }, inWindow),
      ),
    ).toBe('REPORT_WINDOW_CLOSED');
    expect(await signOffReport(c.qam, { activityId, baseVersion: 6 }, inWindow)).toEqual({
      version: 6,
      purpose: 'publication',
    });
    // Before the inspection's own fieldwork has ended it is still not published.
    expect(await codeOf(publishReport(c.lead, { activityId, baseVersion: 6 }, inWindow))).toBe(
      'REPORT_NOT_READY',
    );
    expect(await codeOf(publishReport(c.inspector, { activityId, baseVersion: 6 }))).toBe(
      'FORBIDDEN',
    );
    expect(await publishReport(c.lead, { activityId, baseVersion: 6 })).toEqual({ version: 6 });
    const states = (await listStateChanges(t.database.db, activityId)).slice(-2);
    expect(states.map((s) => [s.fromState, s.toState])).toEqual([
      ['factual_accuracy', 'quality_assurance'],
      ['quality_assurance', 'published'],
    ]);
    expect(states[0]?.reason).toContain('Factual accuracy check closed');
    // The LA's page now shows this inspection as its latest, with the final grades.
    const la = await getLa(c.la, { id: 'demo-northfield' });
    const activity = await t.database.db
      .selectFrom('activities')
      .select('planned_start')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    expect(la.latestJudgement?.startDate).toBe(activity.planned_start);
    expect(la.history[0]?.startDate).toBe(activity.planned_start);
    // The LA's intelligence log gains the outcome, and its risk assessment is due for review.
    const entry = await t.database.db
      .selectFrom('intelligence_entries')
      .select(['kind', 'history_id', 'shared_with_la'])
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ kind: 'inspection_outcome', shared_with_la: true });
    expect(entry.history_id).not.toBeNull();
    const picture = await getRiskPicture(c.regional, { laId: 'demo-northfield' });
    expect(picture.overdue).toBe(true);
    expect(picture.reviewRequested?.reason).toContain('was published on');
    expect(picture.recentIntelligence.map((e) => e.id)).toContain(
      (
        await t.database.db
          .selectFrom('intelligence_entries')
          .select('id')
          .where('activity_id', '=', activityId)
          .executeTakeFirstOrThrow()
      ).id,
    );
  });

  it('refuses every change afterwards, in the use cases and in SQL', async () => {
    expect(
      await codeOf(
        saveReportSection(c.lead, {
          activityId,
          sectionKey: 'summary',
          text: 'Changed.',
          baseVersion: 6,
        }),
      ),
    ).toBe('REPORT_PUBLISHED');
    expect(
      await codeOf(restoreReportVersion(c.lead, { activityId, version: 1, baseVersion: 6 })),
    ).toBe('REPORT_PUBLISHED');
    expect(await codeOf(publishReport(c.lead, { activityId, baseVersion: 6 }))).toBe(
      'REPORT_PUBLISHED',
    );
    expect(
      await codeOf(addReportComment(c.la, { activityId, sectionKey: 'summary', text: 'x' })),
    ).toBe('REPORT_PUBLISHED');
    const db = t.database.db;
    const report = await db
      .selectFrom('reports')
      .select('id')
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    const attempts = [
      sql`update report_versions set document = '{}'::jsonb where report_id = ${report.id} and number = 6`,
      sql`delete from report_versions where report_id = ${report.id} and number = 1`,
      sql`update reports set current_version = 7 where id = ${report.id}`,
      sql`update report_comments set text = 'changed' where report_id = ${report.id}`,
      sql`insert into report_versions (report_id, number, document, kind, created_by_label) values (${report.id}, 7, '{}'::jsonb, 'edited', 'sql')`,
      sql`delete from report_signoffs where report_id = ${report.id}`,
    ];
    for (const q of attempts) await expect(q.execute(db)).rejects.toThrow(/published|append-only/);
  });

  it('is read by the LA and researchers, never by another LA', async () => {
    const la = await getPublishedReport(c.la, activityId);
    expect(la.version).toBe(6);
    expect(la.document.sections.find((s) => s.key === 'summary')?.paragraphs[1]).toContain(
      'front door',
    );
    expect((await getPublishedReport(c.researcher, activityId)).version).toBe(6);
    expect(await codeOf(getPublishedReport(otherLa, activityId))).toBe('NOT_FOUND');
  });

  it('audits every step', async () => {
    const events = await listAuditEvents(t.database.db, { activityId, limit: 200 });
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      'report.drafted',
      'report.section_saved',
      'report.version_restored',
      'report.released',
      'report.comment_added',
      'report.comment_answered',
      'report.la_confirmed',
      'report.signed_off',
      'report.published',
    ])
      expect(actions).toContain(a);
  });
});
