// The fieldwork plan (issue 17) on the seeded demo: the demo's plan and its progress figures,
// refusal of a second inspector on a case unless planned jointly, who may edit and mark, and LA
// users and researchers never seeing it. On PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIELDWORK_PLAN } from '../../src/demo/seed-demo-fieldwork-plan.js';
import { allocateCase } from '../../src/usecases/fieldwork/allocate-case.js';
import { getFieldworkPlan } from '../../src/usecases/fieldwork/get-fieldwork-plan.js';
import { getFieldworkProgress } from '../../src/usecases/fieldwork/get-fieldwork-progress.js';
import { markFieldworkItem } from '../../src/usecases/fieldwork/mark-fieldwork-item.js';
import { planConversation } from '../../src/usecases/fieldwork/plan-conversation.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { demoContexts } from '../helpers/reports.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
const activityId = () => t.demo.activityId;

beforeAll(async () => {
  t = await createTestApp();
  c = await demoContexts(t.database.db);
}, 180_000);
afterAll(async () => t?.close());

const ids = (ctx: { actor: { kind: string } }) =>
  (ctx.actor as unknown as { userId: string }).userId;

describe('the demo inspection’s fieldwork plan', () => {
  it('has cases allocated to the lead and the inspector, conversations and observations', async () => {
    const p = await getFieldworkPlan(c.inspector, { activityId: activityId() });
    expect(p.canEdit).toBe(false);
    expect(p.visits).toHaveLength(DEMO_FIELDWORK_PLAN.visits);
    expect(new Set(p.visits.map((v) => v.inspectorId))).toEqual(
      new Set([ids(c.lead), ids(c.inspector)]),
    );
    expect(p.conversations).toHaveLength(DEMO_FIELDWORK_PLAN.conversations);
    expect(p.observations).toHaveLength(DEMO_FIELDWORK_PLAN.observations);
    expect(p.serviceAreas.map((a) => a.key)).toEqual([
      'early_help',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
    ]);
  });

  it('shows progress figures and the gaps in plain words', async () => {
    const v = await getFieldworkProgress(c.qam, { activityId: activityId() });
    const p = v.progress;
    expect(p.casesPlanned).toBe(8);
    expect(p.casesSeen).toBe(4);
    expect(p.casesUnallocated).toBe(p.sampleSize - 8);
    expect(p.remoteSharePercent).toBe(25); // one of the four seen was remote
    expect(p.minutesPerCaseSeen).toBe(46); // (45 + 60 + 30 + 50) / 4, rounded
    expect(p.observationsDone).toBe(1);
    const careLeavers = p.voices.find((x) => x.serviceArea.key === 'care_leavers');
    expect(careLeavers?.conversationsDone).toBe(0);
    const inCare = p.voices.find((x) => x.serviceArea.key === 'children_in_care');
    // The conversation held, and the demo's child conversation recorded as evidence.
    expect(inCare?.conversationsDone).toBe(1);
    expect(inCare?.evidenceRecords).toBeGreaterThan(0);
    expect(v.gaps).toContain('46 minutes per case seen on average, below the 60 expected');
    expect(v.gaps.some((g) => g.startsWith('Line of enquiry “Help and protection'))).toBe(true);
    expect(v.gaps.some((g) => /allocated cases? with no evidence yet/.test(g))).toBe(true);
  });
});

describe('allocation', () => {
  it('refuses a second inspector on the same case unless planned jointly', async () => {
    const p = await getFieldworkPlan(c.lead, { activityId: activityId() });
    const visit = p.visits.find((v) => v.inspectorId === ids(c.lead))!;
    await expect(
      allocateCase(c.lead, {
        activityId: activityId(),
        sampleCaseId: visit.sampleCaseId,
        inspectorId: ids(c.inspector),
        mode: 'in_person',
      }),
    ).rejects.toMatchObject({ code: 'CASE_ALREADY_ALLOCATED' });
    const joint = await allocateCase(c.lead, {
      activityId: activityId(),
      sampleCaseId: visit.sampleCaseId,
      inspectorId: ids(c.inspector),
      mode: 'in_person',
      plannedJoint: true,
    });
    expect(joint.plannedJoint).toBe(true);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', joint.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['fieldwork.case_allocated']);
  });

  it('lets only the lead change the plan; the allocated inspector marks their own visit', async () => {
    const p = await getFieldworkPlan(c.lead, { activityId: activityId() });
    const free = p.sampleCases.find((s) => s.allocatedTo.length === 0)!;
    await expect(
      allocateCase(c.inspector, {
        activityId: activityId(),
        sampleCaseId: free.id,
        inspectorId: ids(c.inspector),
        mode: 'remote',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      planConversation(c.qam, {
        activityId: activityId(),
        withWhom: 'child',
        serviceArea: 'care_leavers',
        inspectorId: ids(c.inspector),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const mine = p.visits.find(
      (v) => v.inspectorId === ids(c.inspector) && v.status === 'planned',
    )!;
    const theirs = p.visits.find((v) => v.inspectorId === ids(c.lead) && v.status === 'planned')!;
    await expect(
      markFieldworkItem(c.inspector, {
        activityId: activityId(),
        kind: 'visit',
        itemId: theirs.id,
        status: 'done',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const done = await markFieldworkItem(c.inspector, {
      activityId: activityId(),
      kind: 'visit',
      itemId: mine.id,
      status: 'done',
      minutesSpent: 90,
    });
    expect(done.status).toBe('done');
  });

  it('answers NOT_FOUND to LA users and researchers', async () => {
    for (const ctx of [c.la, c.researcher]) {
      await expect(getFieldworkPlan(ctx, { activityId: activityId() })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(getFieldworkProgress(ctx, { activityId: activityId() })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    const p = await getFieldworkProgress(c.regional, { activityId: activityId() });
    expect(p.progress.casesPlanned).toBeGreaterThan(0);
  });
});
