// The 2019 review's tables through the use case, on PGlite (and PostgreSQL when configured): from
// the history the app loads (its bundled copy of Ofsted's published history) and from
// Triangulate's own activities, each counted only where the actor may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { computeReviewTables } from '../../src/usecases/history/compute-review-tables.js';
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
  // Barnet (London, good) gets a focused visit; Devon (South West, inadequate) a monitoring visit.
  await createActivity(ctx, {
    laId: 'barnet',
    activityType: 'focused_visit',
    theme: 'Front door',
    plannedStart: '2027-02-02',
  });
  await createActivity(ctx, {
    laId: 'devon',
    activityType: 'monitoring_visit',
    theme: 'Children in care',
    sequenceNumber: 1,
    plannedStart: '2027-01-12',
  });
}, 120_000);
afterAll(async () => t.destroy());

const person = (role: UserActor['role'], region: string | null = null): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'someone@example.org',
  displayName: 'Someone',
  role,
  region,
  laId: null,
});
const as = (actor: UserActor): UseCaseContext => ({ ...ctx, actor });

describe('the review tables from the published history', () => {
  it('recomputes 2018 as the review: 8 short and 26 standard inspections', async () => {
    const r = await computeReviewTables(ctx, { source: 'history', year: '2018' });
    const count = (type: string) => r.table1.find((x) => x.type === type)?.occurrences;
    expect(count('short_inspection')).toBe(8);
    expect(count('standard_inspection')).toBe(26);
    expect(new Set(r.table1.map((x) => x.period))).toEqual(new Set(['2018']));
    expect(r.periods).toContain('2024');
    expect(r.table2.find((x) => x.grade === 'overall')?.averageDays).toBeGreaterThan(0);
    expect(r.table4.find((x) => x.framework === 'ILACS')?.inspectorDays).toBeGreaterThan(0);
    expect(r.table3).toMatchObject({ computable: false, rows: [] });
    expect(r.typeLabels.focused_visit).toBe('Focused visit');
  });

  it('gives focused-visit themes by judgement area for 2024-25', async () => {
    const r = await computeReviewTables(ctx, { yearStartMonth: 4, year: '2024-25' });
    const total = r.table7.reduce((s, x) => s + x.count, 0);
    expect(total).toBe(36);
    expect(r.table7.find((x) => x.theme === 'care_leavers')).toMatchObject({
      area: 'Children in care and care leavers',
      count: 13,
    });
  });
});

describe('the review tables from Triangulate’s activities', () => {
  it('counts every activity for the national team, with framework days and team sizes', async () => {
    const r = await computeReviewTables(as(person('national')), { source: 'app' });
    const y = r.table1.filter((x) => x.period === '2027');
    expect(y.find((x) => x.type === 'all')).toMatchObject({ occurrences: 2, las: 2 });
    expect(r.table4).toEqual([
      expect.objectContaining({ period: '2027', framework: 'ILACS', events: 2, inspectorDays: 8 }),
    ]);
    expect(r.table7).toEqual([
      expect.objectContaining({ theme: 'front_door', label: 'Front door', count: 1 }),
    ]);
  });

  it('counts only the own region’s activities for regional staff, and nothing for researchers', async () => {
    const london = await computeReviewTables(as(person('regional', 'London')), { source: 'app' });
    expect(london.table1.find((x) => x.type === 'all')).toMatchObject({ occurrences: 1, las: 1 });
    expect(london.table1.find((x) => x.type === 'monitoring_visit')).toBeUndefined();
    const researcher = await computeReviewTables(as(person('researcher')), { source: 'app' });
    expect(researcher.table1).toEqual([]);
  });

  it('is not for inspectors or LA users, and refuses bad input', async () => {
    await expect(computeReviewTables(as(person('inspector')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(computeReviewTables(as(person('la_user')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(computeReviewTables(ctx, { yearStartMonth: 7 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(computeReviewTables(ctx, { source: 'plans' as 'app' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
