// The agreement engine at the size: 500 units (cases) rated by 10 raters on the four-grade
// scale, some ratings missing, every statistic of the ordinal level (percentage agreement, within
// one grade, Fleiss, Conger, Gwet's AC1 and AC2 linear and quadratic, Brennan-Prediger,
// Krippendorff's alpha nominal and ordinal) each with a 2,000-resample bootstrap interval. Also
// two raters (Cohen's kappa three ways, Scott's pi) and the ratio level on numeric ratings.
// Target: under 1 s for the 500 x 10 run. Pure computation: no database.
//   npm run bench -- --only agreement [--n 7]
import { computeAgreement, type Level, type RatingsTable } from '../src/domain/agreement/index.js';
import { createRandom } from '../src/domain/sampling/seeded-random.js';
import { summarise, type Summary } from './stats.js';

const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];

function ratings(units: number, raters: number, values: string[], seed: number): RatingsTable {
  const random = createRandom(seed);
  return {
    unit: 'case',
    raters: Array.from({ length: raters }, (_, g) => `inspector ${g + 1}`),
    units: Array.from({ length: units }, (_, i) => {
      const truth = random.int(0, values.length - 1);
      return {
        id: `case ${i + 1}`,
        ratings: Array.from({ length: raters }, () => {
          if (random.chance(0.05)) return null;
          const k = random.chance(0.7)
            ? truth
            : Math.max(0, Math.min(values.length - 1, truth + random.pick([-1, 1])));
          return values[k]!;
        }),
      };
    }),
  };
}

function run(
  table: RatingsTable,
  level: Level,
  categories: string[] | undefined,
  n: number,
): { s: Summary; stats: number } {
  const samples: number[] = [];
  let stats = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const report = computeAgreement(table, { level, categories, resamples: 2000, seed: i + 1 });
    samples.push(performance.now() - t0);
    stats = report.results.filter((r) => r.interval).length;
  }
  return { s: summarise(samples), stats };
}

export function benchAgreement(n: number): string[] {
  const numbers = Array.from({ length: 10 }, (_, k) => String(k + 1));
  const cases: [string, RatingsTable, Level, string[] | undefined][] = [
    ['500 cases x 10 raters, ordinal (grades)', ratings(500, 10, GRADES, 1), 'ordinal', GRADES],
    ['500 cases x 10 raters, nominal (grades)', ratings(500, 10, GRADES, 2), 'nominal', GRADES],
    [
      '500 cases x 10 raters, ratio (scores 1-10)',
      ratings(500, 10, numbers, 3),
      'ratio',
      undefined,
    ],
    ['500 cases x 2 raters, ordinal (grades)', ratings(500, 2, GRADES, 4), 'ordinal', GRADES],
  ];
  const out = [
    `## Agreement statistics: 2,000-resample bootstrap intervals (n=${n} runs each)`,
    '',
    '| data | statistics with an interval | p50 ms | p95 ms | max ms |',
    '| ---- | --------------------------- | ------ | ------ | ------ |',
  ];
  for (const [label, table, level, categories] of cases) {
    run(table, level, categories, 1); // warm-up
    const { s, stats } = run(table, level, categories, n);
    out.push(`| ${label} | ${stats} | ${s.p50} | ${s.p95} | ${s.max} |`);
  }
  out.push('');
  return out;
}
