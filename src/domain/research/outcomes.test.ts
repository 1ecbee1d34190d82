import { describe, expect, it } from 'vitest';
import { lintText } from '../language/lint.js';
import type { NeighbourRow } from '../national-stats/indicators.js';
import { figureNear, neighbourGroups, rateBandOf } from './national-context.js';
import {
  bootstrapRho,
  outcomeStatement,
  outcomeStats,
  quantileGroups,
  ranks,
  spearman,
  type OutcomePoint,
} from './outcomes.js';
import { researchSettings } from './settings.js';

const grades = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'].map((label, i) => ({
  numeric: i + 1,
  label,
}));

/** 40 LAs whose grade rises (worsens) with the value, with some noise. */
const points: OutcomePoint[] = Array.from({ length: 40 }, (_, i) => ({
  unit: `la-${String(i).padStart(2, '0')}`,
  value: i * 10,
  grade: Math.min(4, 1 + Math.floor(i / 10) + (i % 7 === 0 ? 1 : 0)),
}));

describe('outcomes against context', () => {
  it('ranks ties by their average and computes Spearman', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4], [1, 2, 3, 4])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 2], [1, 2])).toBeNull();
    expect(spearman([1, 2, 3], [2, 2, 2])).toBeNull();
  });

  it('cuts quantile groups of equal size and keeps equal values together', () => {
    const g = quantileGroups(points, 4);
    expect(g.map((x) => x.length)).toEqual([10, 10, 10, 10]);
    const tied = quantileGroups(
      [1, 1, 1, 1, 2, 3].map((value, i) => ({ unit: `u${i}`, value, grade: 1 })),
      2,
    );
    expect(tied.map((x) => x.map((p) => p.value))).toEqual([
      [1, 1, 1, 1],
      [2, 3],
    ]);
  });

  it('gives the same interval for the same seed, around rho', () => {
    const a = bootstrapRho(points, 500, 7);
    expect(a).toEqual(bootstrapRho(points, 500, 7));
    const s = outcomeStats(points, { groups: 4, resamples: 500, seed: 7, grades });
    expect(s.rho).toBeGreaterThan(0.8);
    expect(s.ci!.low).toBeLessThanOrEqual(s.rho!);
    expect(s.ci!.high).toBeGreaterThanOrEqual(s.rho!);
    expect(s.groups[0]!.counts).toEqual([8, 2, 0, 0]);
    expect(s.groups.reduce((n, g) => n + g.n, 0)).toBe(40);
  });

  it('writes a statement that passes the product language checks', () => {
    const flat = points.map((p, i) => ({ ...p, grade: 1 + (i % 4) }));
    for (const ps of [points, flat, points.slice(0, 2)]) {
      const s = outcomeStats(ps, { groups: 4, resamples: 300, seed: 1, grades });
      const text = outcomeStatement(s, {
        measure: 'deprivation (the score on the loaded index)',
        higher: 'more deprived authorities',
        unit: "each local authority's latest graded inspection under the inspection of local authority children's services, from 2018",
        timing: 'The deprivation scores are those of the index as loaded.',
      }).join('\n');
      expect(text).toMatch(/association, not a cause/);
      expect(text).not.toMatch(/that are (with|more)/);
      const f = lintText(text, { layout: 'paragraphs' }).findings.map(
        (x) => `${x.rule}: ${x.text}`,
      );
      expect(f).toEqual([]);
    }
  });
});

describe('national statistics context', () => {
  it('takes the figure of the year, else the nearest within the window', () => {
    const s = [
      { year: 2021, value: 300 },
      { year: 2023, value: 320 },
    ];
    expect(figureNear(s, 2021, 3)?.value).toBe(300);
    expect(figureNear(s, 2022, 3)?.value).toBe(300);
    expect(figureNear(s, 2019, 3)?.value).toBe(300);
    expect(figureNear(s, 2015, 3)).toBeNull();
    expect(figureNear(s, null, 3)).toBeNull();
  });

  it('bands rates by the stated boundaries', () => {
    const st = researchSettings();
    expect(rateBandOf(299.9, 'cin.rate_per_10k', st)?.label).toBe('Under 300 per 10,000');
    expect(rateBandOf(300, 'cin.rate_per_10k', st)?.label).toBe('300 to 399.9 per 10,000');
    expect(rateBandOf(61, 'cp.rate_per_10k', st)?.label).toBe('60 or more per 10,000');
  });

  it('groups each LA with some of its own neighbours, deterministically', () => {
    const row = (laId: string, rank: number, n: string): NeighbourRow => ({
      laId,
      model: 'sn_model_2025',
      rank,
      neighbourLaId: n,
      closeness: null,
    });
    const rows = [row('a', 1, 'b'), row('a', 2, 'c'), row('b', 1, 'a'), row('d', 1, 'a')];
    const g = neighbourGroups(rows);
    expect(g.get('a')).toBe(1);
    expect(g.get('b')).toBe(1);
    expect(g.get('c')).toBe(1);
    expect(g.get('d')).toBe(2);
  });
});
