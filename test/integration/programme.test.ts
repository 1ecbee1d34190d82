// A programme for the South West from the real LA register and inspection history: every LA's
// activity follows from its latest grades and window, every placement is staffed by the roster
// given, the independent checker finds no hard-rule breach, and only national or the region's own
// staff may solve it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { syntheticRoster } from '../../src/synthetic/roster.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadBundledHistory } from '../../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { solveProgramme } from '../../src/usecases/programme/solve-programme.js';
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

const roster = syntheticRoster({ n: 12, regions: ['South West'], start: '2027-01-04' });

describe('plan solve for a region', () => {
  it('places each South West LA’s activities with a team and breaks no hard rule', async () => {
    const kinds: string[] = [];
    const r = await solveProgramme(
      ctx,
      {
        region: 'south-west',
        from: '2027-01-01',
        timeLimitSeconds: 60,
        relativeGap: 0.05,
        inspectors: roster,
      },
      (p) => kinds.push(p.kind),
    );
    expect(r.region).toBe('South West');
    expect(r.start).toBe('2027-01-04');
    expect(r.las).toBeGreaterThan(10);
    expect(kinds).toContain('model-built');
    const plan = r.solution.plan!;
    expect(plan.placements.length).toBeGreaterThan(5);
    expect(r.solution.hardBreaches).toEqual([]);
    // Devon was judged inadequate in 2024: monitoring visits and a standard inspection, never a
    // short inspection or a focused visit.
    const devon = plan.placements.filter((p) => p.laId === 'devon').map((p) => p.activityType);
    expect(devon).toContain('monitoring_visit');
    expect(devon).not.toContain('short_inspection');
    expect(devon).not.toContain('focused_visit');
    for (const p of plan.placements) {
      expect(p.region).toBe('South West');
      expect(p.team.filter((m) => m.lead)).toHaveLength(1);
    }
  }, 240_000);

  it('refuses an unknown region and hides a region from another region’s staff', async () => {
    await expect(
      solveProgramme(ctx, { region: 'Atlantis', from: '2027-01-01', inspectors: roster }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const regional = {
      ...ctx,
      actor: {
        kind: 'user',
        id: 'u',
        email: 'r@x',
        name: 'R',
        role: 'regional',
        region: 'London',
      } as never,
    };
    await expect(
      solveProgramme(regional, { region: 'South West', from: '2027-01-01', inspectors: roster }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
