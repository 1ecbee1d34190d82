// `plan solve` without a roster plans with the inspectors' profiles in the database: their leave,
// conflicts of interest and working days hold in the solved plan (and the independent checker
// finds no hard-rule breach).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertAbsence,
  insertConflict,
  saveInspectorProfile,
} from '../../src/data/repositories/inspectors.js';
import { insertUser } from '../../src/data/repositories/users.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadBundledHistory } from '../../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { solveProgramme } from '../../src/usecases/programme/solve-programme.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
let ctx: UseCaseContext;
const ids: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: systemActor('test'), catalog: loadActivityTypeCatalog() };
  await loadLaReference(ctx);
  await loadBundledHistory(ctx);
  for (let k = 0; k < 13; k += 1) {
    const user = await insertUser(t.db, {
      email: `sw-${k}@roster.example`,
      displayName: `SW inspector ${k}`,
      passwordHash: 'x',
      role: 'inspector',
      region: null,
      laId: null,
      mustChangePassword: false,
    });
    ids.push(user.id);
    await saveInspectorProfile(
      t.db,
      user.id,
      {
        // One education inspector: never on an ILACS team.
        inspectorRole: k === 12 ? 'education_inspector' : 'hmi',
        homeRegion: 'South West',
        // The last HMI works Monday to Wednesday only: never five days on site.
        workingDays: k === 11 ? ['mon', 'tue', 'wed'] : ['mon', 'tue', 'wed', 'thu', 'fri'],
        leadQualified: k < 7,
        maxSiteWeeksPerQuarter: 6,
        preparationDays: k % 2 === 0 ? null : 1,
        note: null,
      },
      null,
    );
  }
  // Inspector 0 lives in Devon; inspector 1 is on leave for the first four weeks.
  await insertConflict(
    t.db,
    { userId: ids[0]!, laId: 'devon', reason: 'lives_in', detail: null, from: null, to: null },
    'test',
  );
  await insertAbsence(
    t.db,
    { userId: ids[1]!, kind: 'leave', startsOn: '2027-01-04', endsOn: '2027-01-29', note: null },
    'test',
  );
}, 120_000);
afterAll(async () => t.destroy());

describe('plan solve with the roster from the database', () => {
  it('respects a leave week, a conflict of interest and a working pattern recorded in profiles', async () => {
    const r = await solveProgramme(ctx, {
      region: 'South West',
      from: '2027-01-04',
      timeLimitSeconds: 120,
      relativeGap: 0.05,
    });
    expect(r.inspectors).toBe(12);
    const s = r.solution;
    expect(s.hardBreaches).toEqual([]);
    const plan = s.plan!;
    const on = (p: (typeof plan.placements)[number], id: string) =>
      p.team.some((m) => m.inspectorId === id);
    // The conflict: Devon's activities are placed, never with inspector 0.
    const devon = plan.placements.filter((p) => p.laId === 'devon');
    expect(devon.length).toBeGreaterThan(0);
    for (const p of devon) expect(on(p, ids[0]!)).toBe(false);
    // The leave: activities are placed in the first four weeks, never with inspector 1.
    const early = plan.placements.filter((p) => p.start <= '2027-01-29');
    expect(early.length).toBeGreaterThan(0);
    for (const p of early) expect(on(p, ids[1]!)).toBe(false);
    // The working pattern: inspector 11 only on two-day visits (Tuesday and Wednesday).
    for (const p of plan.placements.filter((x) => on(x, ids[11]!)))
      expect(['focused_visit', 'monitoring_visit']).toContain(p.activityType);
    // The education inspector is not on the roster at all.
    expect(plan.placements.some((p) => on(p, ids[12]!))).toBe(false);
  }, 300_000);
});
