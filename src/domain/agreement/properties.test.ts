// Properties of the engine, checked on seeded random ratings tables (the repo's seeded random, so a
// failure can be replayed): the order of raters and units changes nothing, intervals included;
// perfect agreement gives 1; relabelling nominal categories changes nothing.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { createRandom, type Random } from '../sampling/seeded-random.js';
import { computeAgreement, type Level, type RatingsTable } from './index.js';

const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];

function randomTable(random: Random, perfect = false): RatingsTable {
  const r = random.int(2, 6);
  const n = random.int(4, 30);
  const raters = Array.from({ length: r }, (_, g) => `inspector ${g + 1}`);
  const units = Array.from({ length: n }, (_, i) => {
    const truth = i < 2 ? i : random.int(0, 3); // at least two grades used
    const ratings = raters.map((_, g) => {
      if (g >= 2 && random.chance(0.2)) return null;
      const k = perfect || random.chance(0.6) ? truth : random.int(0, 3);
      return GRADES[k]!;
    });
    return { id: `case ${i + 1}`, ratings };
  });
  return { unit: 'case', raters, units };
}

function shuffle<T>(random: Random, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function permuted(random: Random, t: RatingsTable): RatingsTable {
  const order = shuffle(
    random,
    t.raters.map((_, g) => g),
  );
  return {
    unit: t.unit,
    raters: order.map((g) => t.raters[g]!),
    units: shuffle(random, t.units).map((u) => ({
      id: u.id,
      ratings: order.map((g) => u.ratings[g]!),
    })),
  };
}

const options = (level: Level) => ({ level, categories: GRADES, resamples: 200, seed: 7 });

describe('agreement engine properties (seeded random tables)', () => {
  it('permuting raters or units changes nothing, intervals and disagreements included', () => {
    const random = createRandom(20261207);
    for (let trial = 0; trial < 40; trial++) {
      const t = randomTable(random);
      const level: Level = trial % 2 ? 'ordinal' : 'nominal';
      expect(computeAgreement(permuted(random, t), options(level))).toEqual(
        computeAgreement(t, options(level)),
      );
    }
  });

  it('perfect agreement gives 1 for every statistic that applies', () => {
    const random = createRandom(42);
    for (let trial = 0; trial < 40; trial++) {
      const report = computeAgreement(randomTable(random, true), options('ordinal'));
      for (const r of report.results) {
        if (r.reason?.startsWith('needs')) continue;
        expect(r.value, r.name).toBeCloseTo(1, 12);
        expect(r.disagreements, r.name).toEqual([]);
      }
    }
  });

  it('relabelling nominal categories changes no statistic', () => {
    const random = createRandom(5);
    for (let trial = 0; trial < 20; trial++) {
      const t = randomTable(random);
      const relabel = new Map(GRADES.map((g, k) => [g, `code ${(k * 3) % 4}`]));
      const renamed = {
        ...t,
        units: t.units.map((u) => ({
          ...u,
          ratings: u.ratings.map((v) => (v === null ? null : relabel.get(v)!)),
        })),
      };
      const a = computeAgreement(t, { level: 'nominal', resamples: 0 }).results.map((r) => r.value);
      const b = computeAgreement(renamed, { level: 'nominal', resamples: 0 }).results.map(
        (r) => r.value,
      );
      b.forEach((v, i) =>
        v === null ? expect(a[i]).toBeNull() : expect(v).toBeCloseTo(a[i]!, 12),
      );
    }
  });

  it('the same seed gives the same intervals, each with its lower bound below its upper', () => {
    const t = randomTable(createRandom(9));
    const a = computeAgreement(t, options('ordinal'));
    expect(computeAgreement(t, options('ordinal'))).toEqual(a);
    for (const r of a.results)
      if (r.interval) expect(r.interval.lower).toBeLessThanOrEqual(r.interval.upper);
    const other = computeAgreement(t, { ...options('ordinal'), seed: 8 });
    expect(other.results.map((r) => r.interval?.lower)).not.toEqual(
      a.results.map((r) => r.interval?.lower),
    );
  });
});

describe('agreement engine: what each result states', () => {
  const t: RatingsTable = {
    unit: 'case',
    raters: ['A', 'B', 'C'],
    units: [
      { id: 'c1', ratings: ['Good', 'Good', 'Good'] },
      { id: 'c2', ratings: ['Good', 'Requires improvement', null] },
      { id: 'c3', ratings: ['Outstanding', 'Inadequate', 'Good'] },
      { id: 'c4', ratings: ['Inadequate', null, null] },
      { id: 'c5', ratings: [null, null, null] },
    ],
  };
  const report = computeAgreement(t, { level: 'ordinal', categories: GRADES, resamples: 100 });

  it('names the unit, the raters and units used, and lists the disagreements', () => {
    const pa = report.results.find((r) => r.statistic === 'percent-agreement')!;
    expect(pa).toMatchObject({ unit: 'case', units: 3, raters: 3, ratings: 8 });
    expect(pa.value).toBeCloseTo((1 + 0 + 0) / 3, 12);
    expect(pa.disagreements.map((d) => d.unit)).toEqual(['c2', 'c3']);
    expect(pa.disagreements[0]!.ratings).toEqual({ A: 'Good', B: 'Requires improvement' });
    const within = report.results.find((r) => r.statistic === 'agreement-within-one')!;
    expect(within.value).toBeCloseTo((1 + 1 + 2 / 6) / 3, 12);
    expect(within.disagreements.map((d) => d.unit)).toEqual(['c3']);
    expect(report.unitsWithoutRatings).toBe(1);
  });

  it('says why two-rater statistics do not apply to three raters', () => {
    const cohen = report.results.filter((r) => r.statistic === 'cohen-kappa');
    expect(cohen.map((r) => r.name)).toEqual([
      "Cohen's kappa (unweighted)",
      "Cohen's kappa (linear weights)",
      "Cohen's kappa (quadratic weights)",
    ]);
    for (const r of cohen)
      expect(r).toMatchObject({
        value: null,
        interval: null,
        reason: expect.stringContaining('two raters'),
      });
  });

  it('gives each statistic a seeded percentile interval', () => {
    const ac1 = report.results.find((r) => r.statistic === 'gwet-ac1')!;
    expect(ac1.interval).toMatchObject({ confidence: 0.95, resamples: 100, seed: 1 });
  });

  it('refuses an ordered level without an order, and a rating outside the scale', () => {
    const words: RatingsTable = {
      unit: 'case',
      raters: ['A', 'B'],
      units: [{ id: 'x', ratings: ['high', 'low'] }],
    };
    expect(() => computeAgreement(words, { level: 'ordinal' })).toThrow(/needs the order/);
    expect(() => computeAgreement(words, { level: 'nominal', categories: ['low', 'mid'] })).toThrow(
      AppError,
    );
    expect(() =>
      computeAgreement(words, { level: 'interval', categories: ['low', 'high'] }),
    ).toThrow(/needs numbers/);
  });
});
