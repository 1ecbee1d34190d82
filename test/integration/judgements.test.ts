// Judgements from provisional to final, through the use cases, on a real database.
import { addDays, todayInEngland } from '../../src/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { listStateChanges } from '../../src/data/repositories/activities.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { isAppError } from '../../src/errors.js';
import { addFeedbackEntry } from '../../src/usecases/judgements/add-feedback-entry.js';
import { addPanelComment } from '../../src/usecases/judgements/add-panel-comment.js';
import { advanceJudgements } from '../../src/usecases/judgements/advance-judgements.js';
import { assignPanelMember } from '../../src/usecases/judgements/assign-panel-member.js';
import { explainDivergence } from '../../src/usecases/judgements/explain-divergence.js';
import { getJudgementHistory } from '../../src/usecases/judgements/get-judgement-history.js';
import { getJudgementsForReport } from '../../src/usecases/judgements/get-judgements-for-report.js';
import { getJudgementsOverview } from '../../src/usecases/judgements/get-judgements-overview.js';
import { getModerationRecord } from '../../src/usecases/judgements/get-moderation-record.js';
import { getProvisionalViews } from '../../src/usecases/judgements/get-provisional-views.js';
import { recordProvisionalView } from '../../src/usecases/judgements/record-provisional-view.js';
import { respondToPanelComment } from '../../src/usecases/judgements/respond-to-panel-comment.js';
import {
  setJudgement,
  type SetJudgementInput,
} from '../../src/usecases/judgements/set-judgement.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { makeJudgementTeam, type JudgementTeam } from '../helpers/judgements.js';

let t: TestDatabase;
let team: JudgementTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);
const A = () => team.activity.id;

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeJudgementTeam(t.db);
});
afterAll(async () => t.destroy());

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
}

async function version(key: string): Promise<number> {
  const o = await getJudgementsOverview(as(team.lead), A());
  return o.rows.find((r) => r.key === key)?.version ?? 0;
}

async function set(
  actor: UserActor,
  input: Omit<SetJudgementInput, 'activityId' | 'expectedVersion'>,
) {
  return setJudgement(as(actor), {
    activityId: A(),
    expectedVersion: await version(input.judgementKey),
    context: 'High deprivation and a 20% rise in referrals were taken into account.',
    narrative: 'Children are helped when they need it.',
    ...input,
  });
}

describe('judgements from provisional to final', () => {
  it('keeps provisional views, hiding colleagues’ views until you record your own', async () => {
    await recordProvisionalView(as(team.lead), {
      activityId: A(),
      judgementKey: 'help_and_protection',
      grade: 'good',
      position: 'close_to_below',
      note: 'Front door strong; plans drift',
    });
    const before = await getProvisionalViews(as(team.member), A());
    const hp = before.judgements.find((j) => j.key === 'help_and_protection');
    expect(hp).toMatchObject({ hidden: true, views: [] });
    await recordProvisionalView(as(team.member), {
      activityId: A(),
      judgementKey: 'help_and_protection',
      grade: 'requires_improvement',
    });
    const after = await getProvisionalViews(as(team.member), A());
    const cmp = after.judgements.find((j) => j.key === 'help_and_protection');
    expect(cmp?.hidden).toBe(false);
    expect(cmp?.spread).toBe(1);
    expect(cmp?.views.map((v) => v.gradeLabel).sort()).toEqual([
      'Good',
      'Requires improvement to be good',
    ]);
    expect(
      await code(
        recordProvisionalView(as(team.shadow), {
          activityId: A(),
          judgementKey: 'care_leavers',
          grade: 'good',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await code(getProvisionalViews(as(team.laUser), A()))).toBe('NOT_FOUND');
    expect(await code(getProvisionalViews(as(team.researcher), A()))).toBe('NOT_FOUND');
    expect(await code(getProvisionalViews(as(team.panel), A()))).toBe('NOT_FOUND');
  });

  it('records judgements with evidence, checks aggregation, and refuses stale edits', async () => {
    const first = await set(team.lead, {
      judgementKey: 'help_and_protection',
      grade: 'good',
      position: 'close_to_below',
      nearness: 'Plans drift for a minority of children.',
      criteriaMet: ['help_and_protection.front_door'],
      criteriaNotMet: ['help_and_protection.plans'],
      links: [
        { kind: 'evidence', id: team.evidenceId, direction: 'strength' },
        { kind: 'line_of_enquiry', id: team.lineId, direction: 'weakness' },
      ],
    });
    expect(first.record).toMatchObject({ grade: 'good', version: 1 });
    expect(first.record.links).toHaveLength(2);
    const stale = await code(
      setJudgement(as(team.member), {
        activityId: A(),
        judgementKey: 'help_and_protection',
        expectedVersion: 0,
        grade: 'good',
      }),
    );
    expect(stale).toBe('CONFLICT');
    expect(
      await code(
        set(team.lead, { judgementKey: 'care_leavers', grade: 'good', position: 'close_to_above' }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await code(set(team.lead, { judgementKey: 'care_leavers', grade: 'brilliant' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await code(set(team.shadow, { judgementKey: 'care_leavers', grade: 'good' }))).toBe(
      'FORBIDDEN',
    );
    for (const k of ['impact_of_leaders', 'children_in_care', 'care_leavers'])
      await set(team.member, {
        judgementKey: k,
        grade: k === 'impact_of_leaders' ? 'inadequate' : 'good',
        position: 'secure',
      });
    // Hard rule: overall cannot be better than the best judgement... nor outstanding here.
    const hard = await set(team.lead, {
      judgementKey: 'overall_effectiveness',
      grade: 'outstanding',
      position: 'secure',
    }).catch((e: unknown) => e);
    expect(isAppError(hard) && hard.details[0]?.reason).toMatch(/Overall effectiveness/);
    // Soft rule: leaders inadequate but overall requires improvement needs a written reason.
    const soft = await set(team.lead, {
      judgementKey: 'overall_effectiveness',
      grade: 'requires_improvement',
      position: 'secure',
    }).catch((e: unknown) => e);
    expect(isAppError(soft) && soft.details[0]?.field).toBe('aggregationReason');
    const withReason = await set(team.lead, {
      judgementKey: 'overall_effectiveness',
      grade: 'requires_improvement',
      position: 'secure',
      aggregationReason: 'Leaders have only just arrived; practice is not yet affected.',
    });
    expect(withReason.record.aggregationRules).toEqual(['leaders_inadequate_overall_inadequate']);
    const o = await getJudgementsOverview(as(team.lead), A());
    expect(o.state.facts.hardViolations).toEqual([]);
    expect(o.state.facts.unexplainedSoft).toEqual([]);
  });

  it('logs on-site feedback and moves to the panel, which comments and challenges', async () => {
    const today = todayInEngland();
    await addFeedbackEntry(as(team.lead), {
      activityId: A(),
      kind: 'final_feedback',
      heldOn: today,
      present: 'DCS, head of service, lead inspector',
      themes: [
        {
          judgementKey: 'help_and_protection',
          direction: 'strength',
          text: 'Strong front door',
          indicatedGrade: 'good',
        },
      ],
    });
    // Dates are checked against today and the activity's own dates.
    const tomorrow = addDays(todayInEngland(), 1);
    expect(
      await code(
        addFeedbackEntry(as(team.lead), {
          activityId: A(),
          kind: 'keeping_in_touch',
          heldOn: tomorrow,
          present: 'DCS',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const early = await changeActivityState(
      as(team.lead),
      { activityId: A(), toState: 'on_site' },
      new Date('2025-05-01T09:00:00Z'),
    ).catch((e: unknown) => e);
    expect(isAppError(early) && early.message).toContain('planned start is 2 June 2025');
    expect(
      await code(
        addFeedbackEntry(as(team.laUser), {
          activityId: A(),
          kind: 'keeping_in_touch',
          heldOn: today,
          present: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        advanceJudgements(as(team.member), { activityId: A(), toStage: 'consistency_panel' }),
      ),
    ).toBe('FORBIDDEN');
    await advanceJudgements(as(team.lead), { activityId: A(), toStage: 'consistency_panel' });
    expect(
      await code(assignPanelMember(as(team.lead), { activityId: A(), user: team.member.email })),
    ).toBe('VALIDATION_FAILED');
    await assignPanelMember(as(team.lead), { activityId: A(), user: team.panel.email });
    // The panel member reads, comments and challenges, but cannot change grades.
    const seen = await getJudgementsOverview(as(team.panel), A());
    expect(seen.can).toMatchObject({ edit: false, comment: true });
    expect(
      await code(
        set(team.panel, { judgementKey: 'care_leavers', grade: 'inadequate', reason: 'x' }),
      ),
    ).toBe('FORBIDDEN');
    await addPanelComment(as(team.panel), {
      activityId: A(),
      kind: 'comment',
      text: 'Narratives are clear.',
    });
    const challenge = await addPanelComment(as(team.panel), {
      activityId: A(),
      judgementKey: 'help_and_protection',
      kind: 'challenge',
      text: 'The weaknesses in plans look wider than "close to below" suggests.',
    });
    expect(
      await code(
        advanceJudgements(as(team.lead), { activityId: A(), toStage: 'quality_assurance' }),
      ),
    ).toBe('INVALID_TRANSITION');
    expect(
      await code(
        respondToPanelComment(as(team.panel), {
          activityId: A(),
          commentId: challenge.id,
          response: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    await respondToPanelComment(as(team.lead), {
      activityId: A(),
      commentId: challenge.id,
      response: 'Agreed; QA to review plans evidence.',
    });
    await advanceJudgements(as(team.lead), { activityId: A(), toStage: 'quality_assurance' });
  });

  it('QA changes a grade only with a reason; final needs divergence explained and context stated', async () => {
    expect(
      await code(
        set(team.lead, {
          judgementKey: 'help_and_protection',
          grade: 'requires_improvement',
          reason: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    const noReason = await set(team.qam, {
      judgementKey: 'help_and_protection',
      grade: 'requires_improvement',
      position: 'close_to_above',
      nearness: 'Close to good.',
    }).catch((e: unknown) => e);
    expect(isAppError(noReason) && noReason.details[0]?.field).toBe('reason');
    await set(team.qam, {
      judgementKey: 'help_and_protection',
      grade: 'requires_improvement',
      position: 'close_to_above',
      nearness: 'Close to good: the front door is strong.',
      reason: 'Plans drift in a third of sampled cases (E1, LoE 1).',
      links: [{ kind: 'line_of_enquiry', id: team.lineId, direction: 'weakness' }],
    });
    const history = await getJudgementHistory(as(team.qam), A(), 'help_and_protection');
    const qa = history.entries.filter((e) => e.stage === 'quality_assurance');
    expect(qa.find((e) => e.field === 'grade')).toMatchObject({
      fromText: 'Good',
      toText: 'Requires improvement to be good',
      reason: 'Plans drift in a third of sampled cases (E1, LoE 1).',
      changedBy: team.qam.displayName,
    });
    expect(history.stageChanges.map((s) => s.toStage)).toEqual([
      'consistency_panel',
      'quality_assurance',
    ]);

    const o = await getJudgementsOverview(as(team.qam), A());
    const flags = o.state.flags;
    expect(flags.map((f) => f.rule).sort()).toEqual(['grade_differs', 'strength_then_lower']);
    const blocked = await advanceJudgements(as(team.qam), {
      activityId: A(),
      toStage: 'final',
    }).catch((e: unknown) => e);
    expect(isAppError(blocked) && blocked.details.map((d) => d.reason).join(' ')).toMatch(
      /2 not yet explained/,
    );
    for (const f of flags)
      await explainDivergence(as(team.qam), {
        activityId: A(),
        flagKey: f.key,
        explanation: 'Wider sampling in QA showed plans drifting; the LA was told by letter.',
      });
    expect(
      await code(
        explainDivergence(as(team.member), {
          activityId: A(),
          flagKey: flags[0]!.key,
          explanation: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    await advanceJudgements(as(team.qam), { activityId: A(), toStage: 'final' });
    // One state for one inspection: the QAM's approval takes the activity on to drafting.
    const moved = await listStateChanges(t.db, A());
    expect(moved.at(-1)).toMatchObject({
      toState: 'drafting',
      reason: 'Judgements approved as final.',
    });
    expect(
      await code(set(team.qam, { judgementKey: 'care_leavers', grade: 'inadequate', reason: 'x' })),
    ).toBe('FORBIDDEN');

    const report = await getJudgementsForReport(as(team.lead), { activityId: A() });
    expect(report.map((r) => r.judgementKey)).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
      'overall_effectiveness',
    ]);
    expect(report[1]).toMatchObject({
      grade: 'requires_improvement',
      gradeLabel: 'Requires improvement to be good',
      position: 'close_to_above',
      state: 'final',
    });
    const audit = await listAuditEvents(t.db, { activityId: A() });
    expect(audit.map((e) => e.action)).toContain('judgement.stage_changed');
  });

  it('shows the moderation record to the LA only once published, without unrelated panel chatter', async () => {
    expect(await code(getModerationRecord(as(team.laUser), A()))).toBe('NOT_FOUND');
    await t.db
      .updateTable('activities')
      .set({ state: 'published' })
      .where('id', '=', A())
      .execute();
    const record = await getModerationRecord(as(team.laUser), A());
    const hp = record.judgements.find((j) => j.key === 'help_and_protection');
    expect(hp?.finalGrade).toBe('Requires improvement to be good');
    expect(hp?.gradeAtFeedback).toBe('Good');
    // The column the LA reads comes from the feedback log: what was said, not the history.
    expect(hp?.saidAtFeedback).toBe('Good');
    expect(hp?.changes.find((c) => c.field === 'grade')).toMatchObject({
      stage: 'Quality assurance',
      from: 'Good',
      to: 'Requires improvement to be good',
    });
    expect(hp?.explanations).toHaveLength(2);
    expect(hp?.challenges[0]?.text).toMatch(/plans look wider/);
    expect(JSON.stringify(record)).not.toContain('Narratives are clear.');
    expect(JSON.stringify(record)).not.toContain(team.qam.displayName);
    expect(await code(getModerationRecord(as(team.researcher), A()))).toBe('NOT_FOUND');
    expect(await code(getJudgementsOverview(as(team.laUser), A()))).toBe('NOT_FOUND');
  });
});
