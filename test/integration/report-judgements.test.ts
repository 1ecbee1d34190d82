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
import { demoContexts, markJudgementsFinal, moveToQualityAssurance } from '../helpers/reports.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  c = await demoContexts(t.database.db);
  activityId = t.demo.activityId;
  await createReportDraft(c.lead, { activityId });
  await moveToQualityAssurance(t.database.db, activityId);
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
    const release = decodeHtml((await lead.get(`/activities/${activityId}/report/release`)).body);
    expect(release).toContain('Release version 2');
    const out = await releaseReport(c.lead, { activityId, baseVersion: 2 });
    expect(out.version).toBe(2);
  });
});
