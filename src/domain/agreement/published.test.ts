// The engine against published worked examples. Each block names its source; the expected values
// are the published ones, to the precision published.
import { describe, expect, it } from 'vitest';
import { computeAgreement, type AgreementReport, type Level, type RatingsTable } from './index.js';

/** A table from rows of ratings (null = not rated); raters named R1, R2, ... */
function table(rows: (number | string | null)[][], unit = 'case'): RatingsTable {
  const r = Math.max(...rows.map((x) => x.length));
  return {
    unit,
    raters: Array.from({ length: r }, (_, g) => `R${g + 1}`),
    units: rows.map((x, i) => ({
      id: `u${String(i + 1).padStart(3, '0')}`,
      ratings: Array.from({ length: r }, (_, g) =>
        x[g] === null || x[g] === undefined ? null : String(x[g]),
      ),
    })),
  };
}

/** A table from a distribution of raters by unit and category (counts), as in irrCAC's *.dist data. */
function fromDistribution(rows: number[][]): RatingsTable {
  return table(rows.map((counts) => counts.flatMap((c, k) => Array<number>(c).fill(k + 1))));
}

/** Rows from a two-rater contingency table (row: rater 1's category, column: rater 2's). */
function fromContingency(t: number[][]): (number | null)[][] {
  return t.flatMap((row, a) =>
    row.flatMap((c, b) => Array.from({ length: c }, () => [a + 1, b + 1])),
  );
}

function value(report: AgreementReport, name: string): number {
  const r = report.results.find((x) => x.name === name);
  if (!r)
    throw new Error(`no statistic named ${name}: ${report.results.map((x) => x.name).join('; ')}`);
  if (r.value === null) throw new Error(`${name} has no value: ${r.reason}`);
  return r.value;
}

const run = (t: RatingsTable, level: Level = 'nominal') =>
  computeAgreement(t, { level, resamples: 0 });

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43): the reliability
// data matrix of 4 observers (A-D) by 12 units, with missing values. The same data are irrCAC's
// cac.raw4raters (Gwet, irrCAC package README / overview vignette) and the Python `krippendorff`
// package's tests (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py).
const krippendorff2011 = table([
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, null, 3, null],
]);

describe('Krippendorff (2011), 4 observers x 12 units with missing values', () => {
  const report = run(krippendorff2011, 'ratio');
  it('reproduces alpha at each level: nominal .743, ordinal .815, interval .849, ratio .797', () => {
    expect(value(report, "Krippendorff's alpha (nominal)")).toBeCloseTo(0.743, 3);
    expect(value(report, "Krippendorff's alpha (ordinal)")).toBeCloseTo(0.815, 3);
    expect(value(report, "Krippendorff's alpha (interval)")).toBeCloseTo(0.849, 3);
    expect(value(report, "Krippendorff's alpha (ratio)")).toBeCloseTo(0.797, 3);
  });
  it('uses the 11 units with two or more values (40 pairable values), 4 observers', () => {
    const alpha = report.results.find((r) => r.name === "Krippendorff's alpha (nominal)")!;
    expect(alpha).toMatchObject({ unit: 'case', units: 11, raters: 4, ratings: 40 });
  });
});

// Gwet, K. L., irrCAC R package, README and vignette "Calculating Chance-corrected Agreement
// Coefficients" (cran.r-project.org/package=irrCAC), raw ratings cac.raw4raters: pa.coeff.raw
// 0.8181818, gwet.ac1.raw 0.77544, fleiss.kappa.raw 0.76117, krippen.alpha.raw 0.74342,
// conger.kappa.raw 0.76282, bp.coeff.raw 0.77273.
describe('irrCAC: cac.raw4raters (Gwet)', () => {
  const report = run(krippendorff2011);
  it.each([
    ['Percentage agreement', 0.8181818],
    ["Gwet's AC1", 0.77544],
    ["Fleiss' kappa", 0.76117],
    ["Krippendorff's alpha (nominal)", 0.74342],
    ["Conger's kappa", 0.76282],
    ['Brennan-Prediger', 0.77273],
  ])('%s = %f', (name, expected) => {
    expect(value(report, name)).toBeCloseTo(expected, 4);
  });
});

// irrCAC README, contingency table cont3x3abstractors (2 raters, 100 subjects): kappa2.table
// 0.7964094, scott2.table 0.7962397, gwet.ac1.table 0.8493305, bp2.table 0.835, krippen2.table
// 0.7972585, pa2.table 0.89.
describe('irrCAC: cont3x3abstractors (Gwet)', () => {
  const report = run(
    table(
      fromContingency([
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ]),
    ),
  );
  it.each([
    ["Cohen's kappa (unweighted)", 0.7964094],
    ["Scott's pi", 0.7962397],
    ["Gwet's AC1", 0.8493305],
    ['Brennan-Prediger', 0.835],
    ["Krippendorff's alpha (nominal)", 0.7972585],
    ['Percentage agreement', 0.89],
  ])('%s = %f', (name, expected) => {
    expect(value(report, name)).toBeCloseTo(expected, 6);
  });
});

// irrCAC README, distribution of 6 raters by subject and category (distrib.6raters, 15 psychiatric
// patients): gwet.ac1.dist 0.4448007, fleiss.kappa.dist 0.4139265, krippen.alpha.dist 0.4204384,
// bp.coeff.dist 0.4388889.
describe('irrCAC: distrib.6raters (Gwet)', () => {
  const report = run(
    fromDistribution([
      [0, 0, 0, 6, 0],
      [0, 3, 0, 0, 3],
      [0, 1, 4, 0, 1],
      [0, 0, 0, 0, 6],
      [0, 3, 0, 3, 0],
      [2, 0, 4, 0, 0],
      [0, 0, 4, 0, 2],
      [2, 0, 3, 1, 0],
      [2, 0, 0, 4, 0],
      [0, 0, 0, 0, 6],
      [1, 0, 0, 5, 0],
      [1, 1, 0, 4, 0],
      [0, 3, 3, 0, 0],
      [1, 0, 0, 5, 0],
      [0, 2, 0, 3, 1],
    ]),
  );
  it.each([
    ["Gwet's AC1", 0.4448007],
    ["Fleiss' kappa", 0.4139265],
    ["Krippendorff's alpha (nominal)", 0.4204384],
    ['Brennan-Prediger', 0.4388889],
  ])('%s = %f', (name, expected) => {
    expect(value(report, name)).toBeCloseTo(expected, 6);
  });
});

// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
// Bulletin 76(5), 378-382, Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses. Kappa 0.430;
// R irr::kappam.fleiss(diagnoses) gives 0.4302445 (as checked in statsmodels'
// stats/tests/test_inter_rater.py, which holds the data as rows of 6 diagnoses).
describe('Fleiss (1971), Table 1', () => {
  const report = run(
    table([
      [4, 4, 4, 4, 4, 4],
      [2, 2, 2, 5, 5, 5],
      [2, 3, 3, 3, 3, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3],
      [3, 3, 3, 3, 5, 5],
      [1, 1, 3, 3, 3, 4],
      [1, 1, 4, 4, 4, 4],
      [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4],
      [1, 2, 4, 4, 4, 4],
      [2, 2, 2, 3, 3, 3],
      [1, 4, 4, 4, 4, 4],
      [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5],
      [1, 1, 1, 4, 5, 5],
      [1, 1, 1, 1, 1, 2],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 4, 4, 4, 4, 4],
      [2, 2, 4, 5, 5, 5],
      [1, 1, 4, 4, 4, 4],
      [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4],
      [1, 1, 1, 1, 5, 5],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 3, 3, 3],
      [5, 5, 5, 5, 5, 5],
    ]),
  );
  it("Fleiss' kappa = 0.4302445 (published 0.430)", () => {
    expect(value(report, "Fleiss' kappa")).toBeCloseTo(0.4302445, 7);
    expect(report.results.find((r) => r.statistic === 'fleiss-kappa')).toMatchObject({
      units: 30,
      raters: 6,
      ratings: 180,
    });
  });
});

// Wikipedia, "Fleiss' kappa", worked example (10 subjects, 14 raters, 5 categories): kappa 0.210
// (statsmodels' test_inter_rater.py, test_fleiss_kappa, checks the same value).
describe("Wikipedia's Fleiss' kappa example", () => {
  it('kappa = 0.210', () => {
    const report = run(
      fromDistribution([
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
      ]),
    );
    expect(value(report, "Fleiss' kappa")).toBeCloseTo(0.21, 3);
  });
});

// R irr package, kappa2 on the `anxiety` data, raters 2 and 3 (20 subjects; category 5 unused, so
// weights run over the 5 categories used, as irr does): unweighted -0.006289308, "equal" (linear)
// 0.1459075, "squared" (quadratic) 0.2520325. Values as recorded in statsmodels'
// test_inter_rater.py (test_cohens_kappa_irr).
describe('irr: kappa2(anxiety[, 2:3])', () => {
  const rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
  const rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];
  const report = run(table(rater2.map((a, i) => [a, rater3[i]!])), 'ordinal');
  it.each([
    ["Cohen's kappa (unweighted)", -0.006289308],
    ["Cohen's kappa (linear weights)", 0.1459075],
    ["Cohen's kappa (quadratic weights)", 0.2520325],
  ])('%s = %f', (name, expected) => {
    expect(value(report, name)).toBeCloseTo(expected, 6);
  });
});

// SAS PROC FREQ example as recorded in statsmodels' test_inter_rater.py (UnweightedCohens and
// TestWeightedCohens): the 3x3 table [[0,4,1],[0,8,0],[0,1,5]], simple kappa 0.4842, weighted kappa
// (Cicchetti-Allison, that is linear weights) 0.4701.
describe('SAS: simple and weighted kappa on a 3x3 table', () => {
  const report = run(
    table(
      fromContingency([
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ]),
    ),
    'ordinal',
  );
  it('simple kappa 0.4842, linear weighted kappa 0.4701', () => {
    expect(value(report, "Cohen's kappa (unweighted)")).toBeCloseTo(0.4842, 4);
    expect(value(report, "Cohen's kappa (linear weights)")).toBeCloseTo(0.4701, 4);
  });
});

// Wikipedia, "Krippendorff's alpha", computational example (3 coders, 15 units, missing values):
// nominal 0.691358 and interval 0.810845, as checked by the Python `krippendorff` package's tests.
describe("Wikipedia's Krippendorff's alpha example", () => {
  const rows: (number | null)[][] = [
    [null, 1, null],
    [null, null, null],
    [null, 2, 2],
    [null, 1, 1],
    [null, 3, 3],
    [3, 3, 4],
    [4, 4, 4],
    [1, 3, null],
    [2, null, 2],
    [1, null, 1],
    [1, null, 1],
    [3, null, 3],
    [3, null, 3],
    [null, null, null],
    [3, null, 4],
  ];
  const report = run(table(rows), 'interval');
  it('nominal 0.691358, interval 0.810845', () => {
    expect(value(report, "Krippendorff's alpha (nominal)")).toBeCloseTo(0.691358, 6);
    expect(value(report, "Krippendorff's alpha (interval)")).toBeCloseTo(0.810845, 6);
    expect(report.unitsWithoutRatings).toBe(2);
  });
});
