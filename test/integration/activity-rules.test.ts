// The framework's scheduling rules on the real register and history: the Devon examples
// (judged inadequate in 2024) are refused, soft rules need a reason, moves are checked too, and
// every decision is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { checkActivityPlan } from '../../src/usecases/activities/check-activity-plan.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { moveActivity } from '../../src/usecases/activities/move-activity.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadBundledHistory } from '../../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
let ctx: UseCaseContext;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: systemActor('test'), catalog: loadActivityTypeCatalog() };
  await loadLaReference(ctx);
  await loadBundledHistory(ctx);
}, 120_000);
afterAll(async () => t.destroy());

async function countActivities(laId: string): Promise<number> {
  const r = await t.db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('la_id', '=', laId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('scheduling rules for Devon (inadequate, standard inspection of 30 September 2024)', () => {
  it('refuses a short inspection, naming the rule, and creates nothing', async () => {
    const err = await createActivity(ctx, {
      laId: 'devon',
      activityType: 'short_inspection',
      plannedStart: '2027-01-11',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ACTIVITY_RULE_BROKEN',
      details: [
        expect.objectContaining({
          value: 'short_inspection_good_or_outstanding',
          reason: expect.stringMatching(
            /Short inspections are for local authorities judged good or outstanding.*judged inadequate/,
          ),
        }),
      ],
    });
    expect(await countActivities('devon')).toBe(0);
  });

  it('refuses a second activity in the same week, and two focused visits on consecutive days', async () => {
    const first = await createActivity(ctx, {
      laId: 'devon',
      activityType: 'monitoring_visit',
      theme: 'Children in care',
      sequenceNumber: 1,
      plannedStart: '2027-01-12',
    });
    expect(first.plannedStart).toBe('2027-01-12');
    await expect(
      createActivity(ctx, {
        laId: 'devon',
        activityType: 'standard_inspection',
        plannedStart: '2027-01-11',
        ruleReason: 'any reason',
      }),
    ).rejects.toMatchObject({
      code: 'ACTIVITY_RULE_BROKEN',
      details: [expect.objectContaining({ value: 'one_activity_at_a_time' })],
    });
    const fv = await checkActivityPlan(ctx, {
      laId: 'devon',
      activityType: 'focused_visit',
      plannedStart: '2027-01-13',
    });
    expect(fv.allowed).toBe(false);
    expect(fv.findings.filter((f) => f.severity === 'hard').map((f) => f.rule)).toEqual([
      'focused_visit_not_inadequate',
      'one_activity_at_a_time',
    ]);
    expect(await countActivities('devon')).toBe(1);
  });

  it('asks a reason for a monitoring visit within two months of another, and records it', async () => {
    const input = {
      laId: 'devon',
      activityType: 'monitoring_visit',
      theme: 'Children in care',
      sequenceNumber: 2,
      plannedStart: '2027-02-09',
    };
    await expect(createActivity(ctx, input)).rejects.toMatchObject({
      code: 'ACTIVITY_RULE_REASON_NEEDED',
      details: [
        expect.objectContaining({ field: 'ruleReason', value: 'monitoring_visit_quarterly' }),
      ],
    });
    const a = await createActivity(ctx, {
      ...input,
      ruleReason: 'Commissioner asked for an early visit',
    });
    const events = await listAuditEvents(t.db, { entityId: a.id });
    const created = events.find((e) => e.action === 'activity.created');
    expect(created?.after).toMatchObject({
      scheduling: {
        reason: 'Commissioner asked for an early visit',
        findings: [
          expect.objectContaining({ rule: 'monitoring_visit_quarterly', severity: 'soft' }),
        ],
      },
    });
  });

  it('checks a move the same way: refused into a clash, allowed elsewhere, audited', async () => {
    const later = await createActivity(ctx, {
      laId: 'devon',
      activityType: 'monitoring_visit',
      theme: 'Children in care',
      sequenceNumber: 3,
      plannedStart: '2027-06-15',
    });
    await expect(
      moveActivity(ctx, { activityId: later.id, plannedStart: '2027-01-12' }),
    ).rejects.toMatchObject({ code: 'ACTIVITY_RULE_BROKEN' });
    const moved = await moveActivity(ctx, { activityId: later.id, plannedStart: '2027-06-22' });
    expect(moved.plannedStart).toBe('2027-06-22');
    const events = await listAuditEvents(t.db, { entityId: later.id });
    expect(events.map((e) => e.action)).toContain('activity.rescheduled');
  });
});

describe('scheduling rules for other authorities', () => {
  it('asks a reason for a standard inspection of an authority judged good', async () => {
    const goodLa = await t.db
      .selectFrom('inspection_history')
      .select(['la_id', 'grades'])
      .distinctOn('la_id')
      .where('activity_type', 'in', ['short_inspection', 'standard_inspection'])
      .orderBy('la_id')
      .orderBy('start_date', 'desc')
      .execute();
    const good = goodLa.find(
      (r) => (r.grades as Record<string, string>).overall_effectiveness === 'good',
    );
    expect(good).toBeDefined();
    const check = await checkActivityPlan(ctx, {
      laId: good!.la_id,
      activityType: 'standard_inspection',
      plannedStart: '2030-01-07',
    });
    expect(check.allowed).toBe(true);
    expect(check.findings.map((f) => f.rule)).toContain(
      'standard_inspection_for_good_needs_reason',
    );
  });

  it('only lets regional staff of the region (and admins) check or move plans', async () => {
    const inspector = {
      kind: 'user',
      userId: '00000000-0000-4000-8000-000000000001',
      email: 'i@x',
      displayName: 'I',
      role: 'inspector',
      region: null,
      laId: null,
    } as const;
    await expect(
      checkActivityPlan(
        { ...ctx, actor: inspector },
        { laId: 'devon', activityType: 'focused_visit', plannedStart: '2027-03-02' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
