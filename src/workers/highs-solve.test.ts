// The programme solver, one rule at a time on tiny instances (a few LAs, a few weeks), each plan
// checked by the independent checker (domain/programme/check-plan.ts) as well as by the test.
import { describe, expect, it } from 'vitest';
import { inspector, instance, la } from '../../test/helpers/programme.js';
import {
  comparePlans,
  withLongLeave,
  withPin,
  withRiskLevel,
} from '../domain/programme/transforms.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import { solveProgrammeHere } from './highs-solve.js';

const T = 60_000;
const solve = (inst: ProgrammeInstance) => solveProgrammeHere(inst, { timeLimit: 20 });
const four = (extra: Parameters<typeof inspector>[1] = {}) =>
  ['i1', 'i2', 'i3', 'i4'].map((id) => inspector(id, extra));
const short = (l: ReturnType<typeof la>) => ({
  ...l,
  timeline: [
    ...l.timeline,
    { activityType: 'focused_visit', start: '2025-06-03', end: null, label: 'fv' },
  ],
});

describe('programme solver: each hard rule on a tiny instance', () => {
  it(
    'gives a good LA a short inspection and an inadequate one a standard inspection and monitoring visits; progress is reported',
    async () => {
      const events: string[] = [];
      const inst = instance(
        [short(la('good', 'good')), la('bad', 'inadequate', '2025-03-03')],
        four(),
        { weeks: 16 },
      );
      const r = await solveProgrammeHere(inst, { timeLimit: 20 }, (e) => events.push(e.kind));
      expect(r.status).toBe('optimal');
      expect(r.hardBreaches).toEqual([]);
      const types = (id: string) =>
        r
          .plan!.placements.filter((p) => p.laId === id)
          .map((p) => p.activityType)
          .sort();
      expect(types('good')).toEqual(['short_inspection']);
      expect(types('bad')).toContain('monitoring_visit');
      expect(types('bad')).not.toContain('short_inspection');
      expect(events).toContain('model-built');
      expect(events).toContain('presolve');
      expect(r.plan!.placements[0]!.binding[0]).toMatch(/^Needed: judged/);
    },
    T,
  );

  it(
    'keeps Christmas clear (a blackout the planner holds hard)',
    async () => {
      const inst = instance([short(la('a', 'good'))], four(), { start: '2026-12-14', weeks: 6 });
      const r = await solve(inst);
      const p = r.plan!.placements[0]!;
      expect([1, 2]).not.toContain(p.week);
      expect(p.binding.join(' ')).toMatch(/christmas rules out weeks 1-2/);
      expect(r.hardBreaches).toEqual([]);
    },
    T,
  );

  it(
    'respects leave, conflicts and one lead-qualified lead',
    async () => {
      const insp = [
        inspector('lead', { unavailable: [{ from: '2027-01-04', to: '2027-01-22' }] }),
        inspector('x', { leadQualified: false }),
        inspector('y', { leadQualified: false }),
        inspector('z', { leadQualified: false }),
        inspector('c', { conflictedLaIds: ['a'] }),
      ];
      const r = await solve(instance([short(la('a', 'good'))], insp, { weeks: 8 }));
      const p = r.plan!.placements[0]!;
      expect(p.week).toBeGreaterThanOrEqual(3);
      expect(p.team.map((m) => m.inspectorId).sort()).toEqual(['lead', 'x', 'y', 'z']);
      expect(p.team.filter((m) => m.lead).map((m) => m.inspectorId)).toEqual(['lead']);
      expect(r.hardBreaches).toEqual([]);
    },
    T,
  );

  it(
    'never books an inspector twice in a week, and one activity at a time per LA',
    async () => {
      const r = await solve(
        instance([short(la('a', 'good')), short(la('b', 'good'))], four(), { weeks: 6 }),
      );
      const [p, q] = r.plan!.placements;
      expect(p!.week).not.toBe(q!.week);
      expect(r.hardBreaches).toEqual([]);
    },
    T,
  );

  it(
    'names the conflicting rules when no plan exists (no lead-qualified inspector)',
    async () => {
      const inst = instance(
        [la('bad', 'inadequate', '2025-03-03')],
        four({ leadQualified: false }),
        { weeks: 8 },
      );
      inst.settings.monitoringVisitsPerYear = 1;
      const r = await solve(inst);
      expect(r.status).toBe('infeasible');
      expect(r.plan).toBeNull();
      expect(r.conflicts!.map((c) => c.rule)).toContain('one_lead');
    },
    T,
  );

  it(
    'names the quarter limit when it leaves too few weeks',
    async () => {
      const inst = instance(
        [la('bad', 'inadequate', '2025-03-03')],
        four({ maxWeeksOnSitePerQuarter: 0 }),
        { weeks: 8 },
      );
      inst.settings.monitoringVisitsPerYear = 1;
      const r = await solve(inst);
      expect(r.status).toBe('infeasible');
      expect(r.conflicts!.map((c) => c.rule)).toContain('weeks_on_site_per_quarter');
    },
    T,
  );
});

describe('pins, what-ifs and compare', () => {
  it(
    'holds a pinned week and inspector, and compares the plans',
    async () => {
      const base = instance([short(la('a', 'good'))], [...four(), inspector('i5')], { weeks: 8 });
      const first = await solve(base);
      const pinned = await solve(
        withPin(base, {
          laId: 'a',
          activityType: 'short_inspection',
          week: 5,
          inspectorIds: ['i5'],
        }),
      );
      const p = pinned.plan!.placements[0]!;
      expect(p.week).toBe(5);
      expect(p.team.map((m) => m.inspectorId)).toContain('i5');
      expect(pinned.hardBreaches).toEqual([]);
      const diff = comparePlans(first.plan!, pinned.plan!);
      expect(diff.differences[0]).toMatchObject({ laId: 'a', change: 'moved', after: { week: 5 } });
    },
    T,
  );

  it(
    'moves a high-risk LA earlier, and plans round an inspector on long leave',
    async () => {
      const two = [short(la('a', 'good')), short(la('b', 'good'))];
      const base = instance(two, four(), { weeks: 6 });
      base.settings.weights.riskSooner = 50;
      const low = await solve(withRiskLevel(withRiskLevel(base, 'a', 'low'), 'b', 'high'));
      const high = await solve(withRiskLevel(withRiskLevel(base, 'a', 'high'), 'b', 'low'));
      const weekOf = (r: typeof low, id: string) =>
        r.plan!.placements.find((p) => p.laId === id)!.week;
      expect(weekOf(low, 'b')).toBeLessThan(weekOf(low, 'a'));
      expect(weekOf(high, 'a')).toBeLessThan(weekOf(high, 'b'));
      const leave = await solve(
        withLongLeave(instance([short(la('a', 'good'))], four(), { weeks: 8 }), 'i1', 0, 4),
      );
      expect(leave.plan!.placements[0]!.week).toBeGreaterThanOrEqual(4);
      expect(leave.hardBreaches).toEqual([]);
    },
    T,
  );
});
