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

/** Wall-clock and CPU time (user + system) of each run: on a loaded machine the CPU time is the steadier. */
function run(
  table: RatingsTable,
  level: Level,
  categories: string[] | undefined,
  n: number,
): { wall: Summary; cpu: Summary; stats: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let stats = 0;
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = computeAgreement(table, { level, categories, resamples: 2000, seed: i + 1 });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    stats = report.results.filter((r) => r.interval).length;
  }
  return { wall: summarise(wall), cpu: summarise(cpu), stats };
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
    '| data | statistics with an interval | wall p50 ms | wall p95 ms | wall max ms | CPU p50 ms | CPU max ms | first run (cold) wall / CPU ms |',
    '| ---- | --------------------------- | ----------- | ----------- | ----------- | ---------- | ---------- | ------------------------------ |',
  ];
  for (const [label, table, level, categories] of cases) {
    const cold = run(table, level, categories, 1); // the first call: what a one-off CLI run pays
    const { wall, cpu, stats } = run(table, level, categories, n);
    out.push(
      `| ${label} | ${stats} | ${wall.p50} | ${wall.p95} | ${wall.max} | ${cpu.p50} | ${cpu.max} | ${cold.wall.max} / ${cold.cpu.max} |`,
    );
  }
  out.push('');
  return out;
}
