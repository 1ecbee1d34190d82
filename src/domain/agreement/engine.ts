// The agreement engine: every statistic the level allows, each with a seeded bootstrap interval
// (units resampled with replacement, percentile interval) and the units the raters disagreed on.
// The same seed and data always give the same intervals, whatever the order of rows or columns.
import { createRandom } from '../sampling/seeded-random.js';
import {
  brennanPrediger,
  cohenKappa,
  congerKappa,
  fleissKappa,
  gwetAc,
  krippendorffAlpha,
  scottPi,
} from './coefficients.js';
import { prepare, type Prepared } from './prepare.js';
import {
  summarise,
  unitTerms,
  weightMatrix,
  type Summary,
  type UnitTerms,
  type WeightMatrix,
} from './summary.js';
import type {
  AgreementOptions,
  AgreementReport,
  AgreementResult,
  Disagreement,
  Interval,
  Level,
  RatingsTable,
  StatisticKey,
  Weights,
} from './types.js';

type DisagreementKind = 'exact' | 'within-one' | 'pair';

interface Spec {
  statistic: StatisticKey;
  name: string;
  weights: Weights | null;
  level: Level | null;
  kind: DisagreementKind;
  /** Why the statistic does not apply to these data (null: it does). */
  notApplicable: string | null;
  compute: (s: Summary) => number;
  used: (p: Prepared, s: Summary) => { units: number; ratings: number };
}

const WEIGHT_NAMES: Record<Weights, string> = {
  unweighted: 'unweighted',
  linear: 'linear weights',
  quadratic: 'quadratic weights',
  'within-one': 'within one grade',
};

function usedByAll(p: Prepared): { units: number; ratings: number } {
  let ratings = 0;
  for (const x of p.m) ratings += x;
  return { units: p.n, ratings };
}

function usedPairable(p: Prepared): { units: number; ratings: number } {
  let units = 0;
  let ratings = 0;
  for (const x of p.m)
    if (x >= 2) {
      units++;
      ratings += x;
    }
  return { units, ratings };
}

type Used = Spec['used'];

/** One statistic's description; most apply whatever the raters and have no level. */
function spec(
  statistic: StatisticKey,
  name: string,
  weights: Weights | null,
  kind: DisagreementKind,
  compute: Spec['compute'],
  used: Used,
  extra: { notApplicable?: string | null; level?: Level } = {},
): Spec {
  const { notApplicable = null, level = null } = extra;
  return { statistic, name, weights, level, kind, notApplicable, compute, used };
}

/** Statistics of two raters: Cohen's kappa (with weights on an ordered scale) and Scott's pi. */
function twoRaterSpecs(p: Prepared, W: (k: Weights) => WeightMatrix): Spec[] {
  const notApplicable =
    p.r === 2
      ? null
      : `needs exactly two raters (there are ${p.r}): see Conger's kappa and Fleiss' kappa for more`;
  const used: Used = (_p, s) => ({ units: s.pair?.n ?? 0, ratings: 2 * (s.pair?.n ?? 0) });
  const weights: Weights[] = p.ordered ? ['unweighted', 'linear', 'quadratic'] : ['unweighted'];
  return [
    ...weights.map((k) =>
      spec(
        'cohen-kappa',
        `Cohen's kappa (${WEIGHT_NAMES[k]})`,
        k,
        'pair',
        (s) => cohenKappa(p, s, W(k)),
        used,
        { notApplicable },
      ),
    ),
    spec(
      'scott-pi',
      "Scott's pi",
      'unweighted',
      'pair',
      (s) => scottPi(p, s, W('unweighted')),
      used,
      { notApplicable },
    ),
  ];
}

function specs(p: Prepared, w: Map<Weights, WeightMatrix>): Spec[] {
  const W = (k: Weights): WeightMatrix => w.get(k)!;
  const pa = (s: Summary, k: Weights): number => s.pa.get(k) ?? NaN;
  const all: Used = () => usedByAll(p);
  const pairable: Used = () => usedPairable(p);
  const U = 'unweighted';
  const list: Spec[] = [
    spec('percent-agreement', 'Percentage agreement', U, 'exact', (s) => pa(s, U), pairable),
  ];
  if (p.ordered)
    list.push(
      spec(
        'agreement-within-one',
        'Agreement within one grade',
        'within-one',
        'within-one',
        (s) => pa(s, 'within-one'),
        pairable,
      ),
    );
  list.push(
    ...twoRaterSpecs(p, W),
    spec(
      'fleiss-kappa',
      "Fleiss' kappa",
      U,
      'exact',
      (s) => fleissKappa(p, s, pa(s, U), W(U)),
      all,
    ),
    spec(
      'conger-kappa',
      "Conger's kappa",
      U,
      'exact',
      (s) => congerKappa(p, s, pa(s, U), W(U)),
      all,
      {
        notApplicable: p.r < 2 ? 'needs at least two raters' : null,
      },
    ),
    spec('gwet-ac1', "Gwet's AC1", U, 'exact', (s) => gwetAc(p, s, pa(s, U), W(U)), all),
  );
  if (p.ordered)
    for (const k of ['linear', 'quadratic'] as const)
      list.push(
        spec(
          'gwet-ac2',
          `Gwet's AC2 (${WEIGHT_NAMES[k]})`,
          k,
          'exact',
          (s) => gwetAc(p, s, pa(s, k), W(k)),
          all,
        ),
      );
  list.push(
    spec(
      'brennan-prediger',
      'Brennan-Prediger',
      U,
      'exact',
      (s) => brennanPrediger(p, pa(s, U), W(U)),
      all,
    ),
  );
  const levels: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];
  for (const level of levels.slice(0, levels.indexOf(p.level) + 1))
    list.push(
      spec(
        'krippendorff-alpha',
        `Krippendorff's alpha (${level})`,
        null,
        'exact',
        (s) => krippendorffAlpha(p, s, level),
        pairable,
        { level },
      ),
    );
  return list;
}

function disagreementsOf(p: Prepared): Record<DisagreementKind, Disagreement[]> {
  const out: Record<DisagreementKind, Disagreement[]> = { exact: [], 'within-one': [], pair: [] };
  for (let i = 0; i < p.n; i++) {
    if (p.m[i]! < 2) continue;
    let lo = Infinity;
    let hi = -Infinity;
    const ratings: Record<string, string> = {};
    for (let g = 0; g < p.r; g++) {
      const k = p.codes[i * p.r + g]!;
      if (k < 0) continue;
      ratings[p.raters[g]!] = p.labels[k]!;
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
    }
    const d = { unit: p.unitIds[i]!, ratings };
    if (hi > lo) out.exact.push(d);
    if (hi - lo > 1) out['within-one'].push(d);
    if (p.r === 2 && p.codes[i * 2]! >= 0 && p.codes[i * 2 + 1]! >= 0 && hi > lo) out.pair.push(d);
  }
  return out;
}

function quantile(sorted: Float64Array, prob: number): number {
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function bootstrap(
  p: Prepared,
  terms: UnitTerms,
  list: Spec[],
  resamples: number,
  seed: number,
): Float64Array[] {
  const draws = list.map(() => new Float64Array(resamples));
  const random = createRandom(seed);
  const mult = new Float64Array(p.n);
  for (let b = 0; b < resamples; b++) {
    mult.fill(0);
    for (let j = 0; j < p.n; j++) {
      const i = Math.floor(random.next() * p.n);
      mult[i] = mult[i]! + p.weight[i]!;
    }
    const s = summarise(p, terms, mult);
    list.forEach((spec, x) => {
      draws[x]![b] = spec.notApplicable ? NaN : spec.compute(s);
    });
  }
  return draws;
}

function intervalOf(draws: Float64Array, confidence: number, seed: number): Interval | null {
  const defined = draws.filter((v) => Number.isFinite(v)).sort();
  if (defined.length === 0) return null;
  const tail = (1 - confidence) / 2;
  return {
    lower: quantile(defined, tail),
    upper: quantile(defined, 1 - tail),
    confidence,
    resamples: draws.length,
    undefinedResamples: draws.length - defined.length,
    seed,
    method: 'percentile bootstrap, resampling units with replacement',
  };
}

/** Every statistic the level allows, computed on the ratings table. */
export function computeAgreement(table: RatingsTable, options: AgreementOptions): AgreementReport {
  const p = prepare(table, options);
  const weights: Weights[] = p.ordered
    ? ['unweighted', 'within-one', 'linear', 'quadratic']
    : ['unweighted'];
  const matrices = new Map(weights.map((k) => [k, weightMatrix(p, k)] as const));
  const terms = unitTerms(p, matrices);
  const list = specs(p, matrices);
  const full = summarise(p, terms, p.weighted ? p.weight : null);
  const resamples = Math.max(0, Math.floor(options.resamples ?? 1000));
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  const draws = resamples > 0 && p.n >= 2 ? bootstrap(p, terms, list, resamples, seed) : null;
  const disagreements = disagreementsOf(p);
  const results: AgreementResult[] = list.map((spec, x) => {
    const value = spec.notApplicable ? NaN : spec.compute(full);
    const defined = Number.isFinite(value);
    const used = spec.used(p, full);
    return {
      statistic: spec.statistic,
      name: spec.name,
      weights: spec.weights,
      level: spec.level,
      value: defined ? value : null,
      reason:
        spec.notApplicable ??
        (defined
          ? null
          : 'undefined for these ratings: there is no variation (or no unit rated twice) to measure agreement against'),
      interval: defined && draws ? intervalOf(draws[x]!, confidence, seed) : null,
      unit: p.unit,
      units: spec.notApplicable ? 0 : used.units,
      raters: spec.notApplicable ? 0 : p.r,
      ratings: spec.notApplicable ? 0 : used.ratings,
      disagreements: spec.notApplicable ? [] : disagreements[spec.kind],
    };
  });
  return {
    unit: p.unit,
    level: p.level,
    categories: p.labels,
    raters: p.raters,
    units: p.n,
    unitsWithoutRatings: p.unitsWithoutRatings,
    ratersWithoutRatings: p.ratersWithoutRatings,
    results,
  };
}
