// England region by region (highs-regions.ts): the split, and that the summed bound is a true
// lower bound (never above the full model's proven optimum) while the plan keeps every hard rule.
// Also the class capacity rows (schedule-model.ts): a pool with a part-time inspector.
import { describe, expect, it } from 'vitest';
import { inspector, instance, la } from '../../test/helpers/programme.js';
import { buildDemands } from '../domain/programme/demand.js';
import { planCost } from '../domain/programme/plan-cost.js';
import { buildScheduleModel, stageData } from '../domain/programme/schedule-model.js';
import { solveProgrammeHere } from './highs-solve.js';
import { splitByRegion } from './highs-regions.js';

const T = 120_000;
const twoRegions = () =>
  instance(
    [
      la('sw1', 'good'),
      la('sw2', 'inadequate', '2025-03-03', { riskLevel: 'high' }),
      la('se1', 'requires_improvement', '2024-06-10', { region: 'South East' }),
      la('se2', 'good', '2023-10-02', { region: 'South East' }),
    ],
    [
      ...['w1', 'w2', 'w3', 'w4'].map((id) => inspector(id, { preparationDays: 2 })),
      ...['e1', 'e2', 'e3', 'e4'].map((id) =>
        inspector(id, { homeRegion: 'South East', leadQualified: id !== 'e4' }),
      ),
    ],
    { weeks: 20 },
  );

describe('programme solver: England region by region', () => {
  it('splits independent regions, sharing the balance weight', () => {
    const inst = twoRegions();
    const parts = splitByRegion(inst)!;
    expect(parts.map((p) => p.las.map((l) => l.id))).toEqual([
      ['se1', 'se2'],
      ['sw1', 'sw2'],
    ]);
    expect(parts[0]!.inspectors.every((p) => p.homeRegion === 'South East')).toBe(true);
    expect(parts[0]!.settings.weights.balance).toBe(inst.settings.weights.balance / 2);
    expect(
      splitByRegion({ ...inst, settings: { ...inst.settings, crossRegion: true } }),
    ).toBeNull();
    // A region with no inspectors of its own borrows everyone's: not independent.
    expect(splitByRegion({ ...inst, inspectors: inst.inspectors.slice(0, 4) })).toBeNull();
  });

  it(
    'solves by region with a bound no higher than the full model’s optimum',
    async () => {
      const inst = twoRegions();
      const byRegion = await solveProgrammeHere(inst, { timeLimit: 30 });
      const full = await solveProgrammeHere(inst, { timeLimit: 60, method: 'full' });
      expect(byRegion.method?.note).toMatch(/by region \(2\)/);
      expect(byRegion.hardBreaches).toEqual([]);
      expect(full.status).toBe('optimal');
      expect(byRegion.bound!).toBeLessThanOrEqual(full.objective! + 1e-6);
      expect(byRegion.objective!).toBeGreaterThanOrEqual(full.objective! - 1e-6);
      expect(byRegion.objective!).toBeGreaterThanOrEqual(byRegion.bound!);
      // The objective reported is the plan's own cost with the true weights.
      const demands = buildDemands(inst);
      const keyOf = (laId: string, type: string, ordinal: number) =>
        demands.findIndex((d) => d.key === `${laId}|${type}|${ordinal}`);
      const ids = new Map(inst.inspectors.map((p, i) => [p.id, i]));
      const placed = byRegion.plan!.placements;
      const choice = {
        chosen: new Map(placed.map((p) => [keyOf(p.laId, p.activityType, p.ordinal), p.week])),
        teams: new Map(
          placed.map((p) => [
            keyOf(p.laId, p.activityType, p.ordinal),
            p.team.map((m) => ids.get(m.inspectorId)!),
          ]),
        ),
        skipped: new Set(byRegion.plan!.skipped.map((s) => keyOf(s.laId, s.activityType, 1))),
      };
      expect(planCost(inst, demands, choice)).toBeCloseTo(byRegion.objective!, 6);
    },
    T,
  );

  it(
    'staffs a pool whose part-time inspector cannot do a full week (the class capacity rows)',
    async () => {
      // Three full-time and two Monday-to-Wednesday inspectors: a short inspection (five days,
      // team of four) can have only three of them, so the pool's capacity alone would pass it.
      const inst = instance(
        [la('a', 'good'), la('b', 'requires_improvement', '2024-06-10')],
        [
          ...['f1', 'f2', 'f3', 'f4'].map((id) => inspector(id)),
          ...['p1', 'p2'].map((id) => inspector(id, { workingDays: ['mon', 'tue', 'wed'] })),
        ],
        { weeks: 16 },
      );
      const demands = buildDemands(inst);
      const schedule = buildScheduleModel(inst, stageData(inst, demands));
      expect(schedule.rowGroups.class_capacity ?? 0).toBeGreaterThan(0);
      const r = await solveProgrammeHere(inst, { timeLimit: 30 });
      expect(r.plan).not.toBeNull();
      expect(r.hardBreaches).toEqual([]);
    },
    T,
  );
});
