// A draft reaches the LA, and the public, only with final judgements and a grade table that says
// what they say: release and publication are refused while the judgements are not yet approved
// as final, or when a grade changed after the draft was assembled; updating the grade table from
// the judgements makes a new version and lets the release through.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { getReportVersion } from '../../src/usecases/reports/get-report-version.js';
import { getReportWorkspace } from '../../src/usecases/reports/get-report-workspace.js';
import { releaseReport } from '../../src/usecases/reports/release-report.js';
import { updateReportGrades } from '../../src/usecases/reports/update-report-grades.js';
import { createTestApp, decodeHtml, signInAs, type TestApp } from '../helpers/app.js';
import { demoContexts, markJudgementsFinal, moveToDrafting } from '../helpers/reports.js';
import { saveReportSection } from '../../src/usecases/reports/save-report-section.js';
import { signOffReport } from '../../src/usecases/reports/sign-off-report.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  c = await demoContexts(t.database.db);
  activityId = t.demo.activityId;
  await createReportDraft(c.lead, { activityId });
}, 120_000);
afterAll(async () => t?.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', message: '', details: [] as Array<{ reason: string }> }),
    (e: { code: string; message: string; details?: Array<{ reason: string }> }) => ({
      code: e.code,
      message: e.message,
      details: e.details ?? [],
    }),
  );

describe('release needs settled judgements', () => {
  it('refuses while the judgements are not final, naming their stage', async () => {
    const e = await failure(releaseReport(c.lead, { activityId, baseVersion: 1 }));
    expect(e.code).toBe('REPORT_NOT_READY');
    expect(e.message).toMatch(/judgements are at the .* stage/);
    expect(e.message).toContain('approved the judgements as final');
    // The release page says so before anyone presses a button, and offers none.
    const lead = await signInAs(t, 'lead');
    const page = decodeHtml((await lead.get(`/activities/${activityId}/report/release`)).body);
    expect(page).toContain('The judgements are at the team provisional stage');
    expect(page).not.toContain('Release version');
  });

  it('refuses when a grade changed after the draft was assembled, naming it', async () => {
    await markJudgementsFinal(t.database.db, activityId);
    await moveToDrafting(t.database.db, activityId);
    // Quality assurance moved help and protection down after the draft was written.
    await sql`update judgements set grade = 'requires_improvement'
      where activity_id = ${activityId} and judgement_key = 'help_and_protection'`.execute(
      t.database.db,
    );
    const e = await failure(releaseReport(c.lead, { activityId, baseVersion: 1 }));
    expect(e.code).toBe('REPORT_NOT_READY');
    expect(e.message).toContain('grade table does not match');
    expect(e.details.map((d) => d.reason)).toContainEqual(
      expect.stringMatching(/help and protection.*“Good”.*“Requires improvement to be good”/i),
    );
    const w = await getReportWorkspace(c.lead, activityId);
    expect(w.gradeMismatches).toContainEqual(
      expect.objectContaining({ kind: 'heading', inDraft: expect.stringMatching(/: Good$/) }),
    );
    expect(w.gradeMismatches).toContainEqual(
      expect.objectContaining({
        kind: 'grade',
        inDraft: 'Good',
        now: 'Requires improvement to be good',
      }),
    );
    // Nothing was released and the activity did not move.
    expect(w.releases).toEqual([]);
  });

  it('updates the grade table as a new version, audited, and then releases', async () => {
    expect(await failure(updateReportGrades(c.la, { activityId, baseVersion: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // The lead sees the warning on the report page and updates the table from there.
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(`/activities/${activityId}/report`);
    expect(decodeHtml(page.body)).toContain(
      'The grade table no longer says what the judgements say',
    );
    const posted = await lead.post(`/activities/${activityId}/report/grades`, {
      baseVersion: '1',
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/activities/${activityId}/report?done=grades`);
    expect(await updateReportGrades(c.lead, { activityId, baseVersion: 2 })).toEqual({
      version: 2,
      changed: false,
    });
    const v = await getReportVersion(c.lead, { activityId, version: 2 });
    const table = v.version.document.sections.find((s) => s.content === 'grade_table');
    // The section heading carries the grade too ("{title}: {grade}").
    expect(v.version.document.sections.map((x) => x.heading)).toContainEqual(
      expect.stringMatching(/help and protection: Requires improvement to be good$/i),
    );
    expect(table?.tables[0]?.rows).toContainEqual([
      expect.stringMatching(/help and protection/i),
      'Requires improvement to be good',
    ]);
    const audit = await listAuditEvents(t.database.db, {
      activityId,
      action: 'report.grades_updated',
    });
    expect(audit).toHaveLength(1);
    expect((await getReportWorkspace(c.lead, activityId)).gradeMismatches).toEqual([]);
    // Every text tied to the changed grade waits for a person to read it again.
    const flagged = v.version.document.sections.filter((x) => x.reviewNeeded).map((x) => x.key);
    expect(flagged).toEqual(expect.arrayContaining(['summary', 'help_and_protection']));
    const waiting = (await getReportWorkspace(c.qam, activityId)).readiness.signOff.join(' ');
    expect(waiting).toMatch(/A grade changed after these were written; review them:/);
    expect(waiting).toMatch(/Write the required sections: .*What needs to improve/);
    expect((await failure(signOffReport(c.qam, { activityId, baseVersion: 2 }))).code).toBe(
      'REPORT_NOT_READY',
    );
    const reviewed = await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'help_and_protection',
      text: v.version.document.sections
        .find((x) => x.key === 'help_and_protection')!
        .paragraphs.join('\n\n'),
      baseVersion: 2,
    });
    expect(reviewed).toEqual({ version: 3, changed: true });
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'summary',
      text: 'Services for children in Northfield require improvement to be good.',
      baseVersion: 3,
    });
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'what_needs_to_improve',
      text: 'Pathway plans for care leavers',
      baseVersion: 4,
    });
    // The children and young people's summary speaks of the grades and what must get better too.
    const found = v.version.document.sections.find(
      (x) => x.key === 'ilacs_children_summary.what_we_found',
    )!;
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'ilacs_children_summary.what_we_found',
      text: found.paragraphs.join('\n\n'),
      baseVersion: 5,
    });
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'ilacs_children_summary.what_needs_to_get_better',
      text: 'Plans for young people leaving care',
      baseVersion: 6,
    });
    expect((await getReportWorkspace(c.qam, activityId)).readiness.signOff).toEqual([]);
    await signOffReport(c.qam, { activityId, baseVersion: 7 });
    const release = decodeHtml((await lead.get(`/activities/${activityId}/report/release`)).body);
    expect(release).toContain('Release version 7');
    const out = await releaseReport(c.lead, { activityId, baseVersion: 7 });
    expect(out.version).toBe(7);
  });
});
