// Practice QA (issue 17) against a real database: who may observe whom, who reads an observation
// (the inspector observed, its author, national staff; never other inspectors or LA users), the
// inspector's response, the national patterns with small numbers suppressed and never per person,
// and the strengths fed back on site tracked to the draft before release.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { getActivityPracticeQa } from '../../src/usecases/practice-qa/get-activity-practice-qa.js';
import { getDevelopmentRecord } from '../../src/usecases/practice-qa/get-development-record.js';
import { getPracticeObservation } from '../../src/usecases/practice-qa/get-practice-observation.js';
import { getPracticePatterns } from '../../src/usecases/practice-qa/get-practice-patterns.js';
import { recordPracticeObservation } from '../../src/usecases/practice-qa/record-practice-observation.js';
import { respondToPracticeObservation } from '../../src/usecases/practice-qa/respond-to-practice-observation.js';
import { accountForStrength } from '../../src/usecases/reports/account-for-strength.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { listFedBackStrengths } from '../../src/usecases/reports/list-fed-back-strengths.js';
import { saveReportSection } from '../../src/usecases/reports/save-report-section.js';
import { releaseReport } from '../../src/usecases/reports/release-report.js';
import { signOffReport } from '../../src/usecases/reports/sign-off-report.js';
import { addFeedbackEntry } from '../../src/usecases/judgements/add-feedback-entry.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { createTestApp, demoEmail, type TestApp } from '../helpers/app.js';
import {
  actorFor,
  contextFor,
  demoContexts,
  markJudgementsFinal,
  moveToDrafting,
} from '../helpers/reports.js';
import { todayInEngland } from '../../src/clock.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let national: UseCaseContext;
let analyst: UseCaseContext;
let panel: UseCaseContext;
let activityId: string;
let demoObservation: string;

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );
const ratings = (r: string) => [
  { promptKey: 'depth_of_case_discussion', rating: r, comment: 'Probing.' },
  { promptKey: 'use_of_childrens_voices', rating: r, comment: '' },
  { promptKey: 'balance_of_strengths_and_weaknesses', rating: 'effective', comment: '' },
];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  c = await demoContexts(db);
  national = contextFor(db, await actorFor(db, demoEmail('national')));
  analyst = contextFor(db, await actorFor(db, demoEmail('analyst')));
  panel = contextFor(db, await actorFor(db, demoEmail('panel')));
  activityId = t.demo.activityId;
}, 120_000);
afterAll(async () => t?.close());

describe('observations of practice', () => {
  it('the demo has the QAM’s observation of the team inspector', async () => {
    const record = await getDevelopmentRecord(c.inspector);
    expect(record.observations).toHaveLength(1);
    const o = record.observations[0]!;
    expect(o.observer.role).toBe('qam');
    expect(o.described.map((d) => d.ratingLabel)).toEqual(['Effective', 'Developing', 'Strong']);
    expect(o.developmentPoints).toContain('what the child has said');
    expect(record.awaitingResponse).toBe(1);
    demoObservation = o.id;
  });

  it('is recorded by the QAM of anyone who inspects, and by the lead of the team’s inspectors', async () => {
    const qamPage = await getActivityPracticeQa(c.qam, { activityId });
    expect(qamPage.observable.map((m) => m.teamRole).sort()).toEqual([
      'lead_inspector',
      'team_inspector',
    ]);
    const leadPage = await getActivityPracticeQa(c.lead, { activityId });
    expect(leadPage.observable.map((m) => m.teamRole)).toEqual(['team_inspector']);
    const lead = c.lead.actor as { userId: string };
    const byQam = await recordPracticeObservation(c.qam, {
      activityId,
      inspector: lead.userId,
      observedOn: todayInEngland(),
      setting: 'Strategy meeting',
      ratings: ratings('strong'),
      developmentPoints: 'Keep it up.',
    });
    expect(byQam.id).toBeTruthy();
    // The lead may not observe themselves, nor the QAM; the team inspector may not observe.
    const self = await recordPracticeObservation(c.lead, {
      activityId,
      inspector: lead.userId,
      observedOn: todayInEngland(),
      setting: 'x',
      ratings: ratings('strong'),
    }).catch((e: { code: string; details: { field: string }[] }) => e);
    expect(self).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      await codeOf(
        recordPracticeObservation(c.inspector, {
          activityId,
          inspector: demoEmail('lead'),
          observedOn: todayInEngland(),
          setting: 'x',
          ratings: ratings('strong'),
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        recordPracticeObservation(national, {
          activityId,
          inspector: demoEmail('inspector'),
          observedOn: todayInEngland(),
          setting: 'x',
          ratings: ratings('strong'),
        }),
      ),
    ).toBe('FORBIDDEN');
    // Every prompt rated on the set's scale (the prompts are the data file's).
    const missing = await recordPracticeObservation(c.qam, {
      activityId,
      inspector: demoEmail('inspector'),
      observedOn: todayInEngland(),
      setting: 'x',
      ratings: [{ promptKey: 'depth_of_case_discussion', rating: 'superb', comment: '' }],
    }).catch((e: { code: string; details: { field: string }[] }) => e);
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((missing as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
      'rating_depth_of_case_discussion',
      'rating_use_of_childrens_voices',
      'rating_balance_of_strengths_and_weaknesses',
    ]);
    const events = await listAuditEvents(t.database.db, {
      action: 'practice_qa.observation_recorded',
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('is read by the inspector observed, its author and national staff; hidden from the rest', async () => {
    expect((await getPracticeObservation(c.inspector, { observationId: demoObservation })).id).toBe(
      demoObservation,
    );
    expect((await getPracticeObservation(c.qam, { observationId: demoObservation })).id).toBe(
      demoObservation,
    );
    expect((await getPracticeObservation(national, { observationId: demoObservation })).id).toBe(
      demoObservation,
    );
    for (const ctx of [c.lead, analyst, panel, c.la, c.admin, c.regional, c.researcher])
      expect(await codeOf(getPracticeObservation(ctx, { observationId: demoObservation }))).toBe(
        'NOT_FOUND',
      );
    // The lead's page lists only what the lead wrote: not the QAM's observations.
    const leadPage = await getActivityPracticeQa(c.lead, { activityId });
    expect(leadPage.observations.map((o) => o.inspector.label)).toEqual([
      expect.stringContaining('Lena Marsh'),
    ]);
    expect((await getActivityPracticeQa(national, { activityId })).observations.length).toBe(2);
    for (const ctx of [c.inspector, analyst, panel, c.la, c.regional, c.researcher])
      expect(await codeOf(getActivityPracticeQa(ctx, { activityId }))).toBe('NOT_FOUND');
    // Each inspector's record is their own: the lead sees the QAM's observation of them only.
    const leadRecord = await getDevelopmentRecord(c.lead);
    expect(leadRecord.observations.map((o) => o.inspector.label)).toEqual([
      expect.stringContaining('Lena Marsh'),
    ]);
    for (const ctx of [c.la, national, c.admin])
      expect(await codeOf(getDevelopmentRecord(ctx))).toBe('NOT_FOUND');
  });

  it('the inspector acknowledges it with their response; nobody else may', async () => {
    expect(
      await codeOf(
        respondToPracticeObservation(c.qam, { observationId: demoObservation, response: 'x' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        respondToPracticeObservation(c.lead, { observationId: demoObservation, response: 'x' }),
      ),
    ).toBe('NOT_FOUND');
    await respondToPracticeObservation(c.inspector, {
      observationId: demoObservation,
      response: 'Agreed: I will ask about the child’s wishes first.',
    });
    const record = await getDevelopmentRecord(c.inspector);
    expect(record.observations[0]).toMatchObject({ response: expect.stringContaining('wishes') });
    expect(record.awaitingResponse).toBe(0);
  });
});

describe('national patterns', () => {
  it('are for national staff only', async () => {
    for (const ctx of [c.lead, c.qam, c.inspector, c.la, c.admin, c.regional, c.researcher])
      expect(await codeOf(getPracticePatterns(ctx, {}))).toBe('NOT_FOUND');
  });

  it('suppress small numbers (fewer than 5 observations or 3 inspectors)', async () => {
    const few = await getPracticePatterns(national, { groupBy: 'region' });
    expect(few.rows.length).toBe(3);
    for (const row of few.rows) {
      expect(row).toMatchObject({ suppressed: true, observations: null });
      expect(Object.values(row.counts).every((v) => v === null)).toBe(true);
    }
    // Four more inspectors on the team, each observed by the QAM: 6 observations of 6 people.
    const sys = { db: t.database.db, actor: systemActor('test'), catalog: c.lead.catalog };
    for (let i = 1; i <= 4; i++) {
      const u = await createUser(sys, {
        email: `hmi${i}@example.org`,
        displayName: `HMI ${i}`,
        role: 'inspector',
        password: `a long password ${i} for tests`,
      });
      await addTeamMember(sys, { activityId, userId: u.id, teamRole: 'team_inspector' });
      await recordPracticeObservation(c.qam, {
        activityId,
        inspector: u.id,
        observedOn: todayInEngland(),
        setting: 'Case discussion',
        ratings: ratings(i === 1 ? 'developing' : 'strong'),
      });
    }
    const more = await getPracticePatterns(national, { groupBy: 'region' });
    const depth = more.rows.find((r) => r.promptKey === 'depth_of_case_discussion')!;
    expect(depth).toMatchObject({ group: 'North West', suppressed: false, observations: 6 });
    // strong 4 (lead + 3 HMIs), effective 1 and developing 1: both small counts hidden.
    expect(depth.counts).toEqual({ strong: null, effective: null, developing: null, not_seen: 0 });
    const balance = more.rows.find((r) => r.promptKey === 'balance_of_strengths_and_weaknesses')!;
    // strong 1 (the demo's) and effective 5: the 1 is hidden, and the 5 with it (else 6 - 5 gives it).
    expect(balance.counts).toEqual({ strong: null, effective: null, developing: 0, not_seen: 0 });
    const year = await getPracticePatterns(national, { groupBy: 'activity_type' });
    expect(year.rows.map((r) => r.group)).toContain('standard_inspection');
    expect(JSON.stringify(more)).not.toMatch(/HMI|Achebe|Marsh|Harper|hmi\d@/);
    const london = await getPracticePatterns(national, { region: 'London' });
    expect(london.rows).toEqual([]);
  });

  it('never rank people: grouping by inspector or observer is refused by name', async () => {
    for (const groupBy of ['inspector', 'observer', 'Inspector'])
      expect(await codeOf(getPracticePatterns(national, { groupBy }))).toBe(
        'PRACTICE_QA_NO_LEAGUE_TABLE',
      );
    expect(await codeOf(getPracticePatterns(national, { groupBy: 'la' }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('strengths fed back tracked to the report', () => {
  it('finds the demo’s strength in the assembled draft, and refuses release while one is unaccounted', async () => {
    const db = t.database.db;
    await addFeedbackEntry(c.lead, {
      activityId,
      kind: 'keeping_in_touch',
      heldOn: todayInEngland(),
      present: 'Director of children’s services',
      themes: [
        {
          judgementKey: 'children_in_care',
          direction: 'strength',
          text: 'Creative participation work with the children in care council',
        },
      ],
    });
    // Before any draft: every strength is listed as "No draft yet", with nothing to decide.
    const early = await listFedBackStrengths(c.lead, { activityId });
    expect(early.report).toBeNull();
    expect(early.can.decide).toBe(false);
    expect(early.strengths.map((s) => s.status)).toEqual(early.strengths.map(() => 'no_draft'));
    expect(early.strengths.length).toBeGreaterThan(0);
    expect(await codeOf(listFedBackStrengths(c.la, { activityId }))).toBe('NOT_FOUND');
    await markJudgementsFinal(db, activityId);
    await createReportDraft(c.lead, {
      activityId,
      improvements: [{ text: 'Pathway plans for care leavers' }],
    });
    let v = 1;
    for (const [sectionKey, text] of [
      ['summary', 'Services for children in Northfield are good.'],
      ['ilacs_children_summary.what_needs_to_get_better', 'Plans for young people leaving care.'],
    ] as const)
      v = (await saveReportSection(c.lead, { activityId, sectionKey, text, baseVersion: v }))
        .version;
    const list = await listFedBackStrengths(c.lead, { activityId });
    const demo = list.strengths.find((s) => s.text.startsWith('Timely'))!;
    expect(demo.status).toBe('found');
    expect(demo.appearsIn?.text).toContain('front door are timely and well informed');
    const added = list.strengths.find((s) => s.text.startsWith('Creative'))!;
    expect(list.can.decide).toBe(true);
    expect((await listFedBackStrengths(c.qam, { activityId })).can.decide).toBe(false);
    expect(await codeOf(listFedBackStrengths(c.la, { activityId }))).toBe('NOT_FOUND');
    await moveToDrafting(db, activityId);
    await signOffReport(c.qam, { activityId, baseVersion: list.report!.currentVersion });
    {
      expect(added.status).toBe('missing');
      const refused = await releaseReport(c.lead, {
        activityId,
        baseVersion: list.report!.currentVersion,
      }).catch((e: { code: string; message: string }) => e);
      expect(refused).toMatchObject({ code: 'STRENGTHS_UNACCOUNTED' });
      expect((refused as { message: string }).message).toContain('Creative participation');
      expect(
        await codeOf(
          accountForStrength(c.qam, {
            how: 'explain',
            activityId,
            strengthKey: added.key,
            reason: 'x',
          }),
        ),
      ).toBe('FORBIDDEN');
      await accountForStrength(c.lead, {
        how: 'explain',
        activityId,
        strengthKey: added.key,
        reason:
          'On reflection the participation work reaches too few children to report as a strength.',
      });
      const after = await listFedBackStrengths(c.lead, { activityId });
      expect(after.strengths.find((s) => s.key === added.key)?.status).toBe('explained');
      // A link by hand takes precedence over the reason.
      const p = after.paragraphs.find((x) => x.text.length > 0)!;
      await accountForStrength(c.lead, {
        how: 'link',
        activityId,
        strengthKey: added.key,
        paragraph: `${p.sectionKey}:${p.index}`,
      });
      const linked = await listFedBackStrengths(c.lead, { activityId });
      expect(linked.strengths.find((s) => s.key === added.key)).toMatchObject({
        status: 'linked',
        appearsIn: { text: p.text },
      });
      expect(linked.unaccounted).toBe(0);
    }
    const out = await releaseReport(c.lead, {
      activityId,
      baseVersion: list.report!.currentVersion,
    });
    expect(out.round).toBe(1);
  });
});
