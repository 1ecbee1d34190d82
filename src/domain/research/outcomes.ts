// Outcomes against context (issue 20; Birmingham evaluation rec 5; Munro rec 8): inspection grades
// (an ordinal scale, 1 outstanding to 4 inadequate) against one LA context measure (deprivation,
// size or a DfE rate). Pure: the counts of grades in quantile groups of the measure, Spearman's
// rank correlation with a seeded percentile bootstrap 95% interval, and a plain statement of what
// the figures can and cannot show. One point per LA, so the points are independent of each other.
export interface OutcomePoint {
  /** The LA (one point per LA). */
  unit: string;
  /** 1 outstanding, 2 good, 3 requires improvement, 4 inadequate. */
  grade: number;
  value: number;
}

export interface OutcomeGrade {
  numeric: number;
  label: string;
}

export interface OutcomeGroup {
  label: string;
  from: number;
  to: number;
  n: number;
  /** LAs per grade, aligned with the analysis's `grades`. */
  counts: number[];
  /** Mean of the numeric grades (1 best to 4 worst). */
  meanGrade: number;
}

export interface OutcomeOptions {
  groups: number;
  resamples: number;
  seed: number;
  grades: OutcomeGrade[];
}

export interface OutcomeStats {
  n: number;
  groups: OutcomeGroup[];
  rho: number | null;
  ci: { low: number; high: number } | null;
  resamples: number;
  seed: number;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same interval. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranks from 1, ties sharing their average rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.x === order[i]!.x) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!.i] = avg;
    i = j + 1;
  }
  return out;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho (Pearson's r on tie-averaged ranks); null with under 3 points or no spread. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  return pearson(ranks(x), ranks(y));
}

/** Percentile bootstrap 95% interval of Spearman's rho, resampling LAs with replacement. */
export function bootstrapRho(
  points: readonly OutcomePoint[],
  resamples: number,
  seed: number,
): { low: number; high: number } | null {
  const n = points.length;
  if (n < 3) return null;
  const rnd = seededRandom(seed);
  const stats: number[] = [];
  const x = new Array<number>(n);
  const y = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const p = points[Math.floor(rnd() * n)]!;
      x[i] = p.value;
      y[i] = p.grade;
    }
    const rho = spearman(x, y);
    if (rho !== null) stats.push(rho);
  }
  if (stats.length < resamples / 2) return null;
  stats.sort((a, b) => a - b);
  const at = (q: number) => stats[Math.min(stats.length - 1, Math.floor(q * stats.length))]!;
  return { low: at(0.025), high: at(0.975) };
}

/**
 * Quantile groups of the measure: LAs in order of value, cut into `k` groups of (nearly) equal
 * size; LAs with equal values always share a group.
 */
export function quantileGroups(points: readonly OutcomePoint[], k: number): OutcomePoint[][] {
  const sorted = [...points].sort((a, b) => a.value - b.value || a.unit.localeCompare(b.unit));
  const n = sorted.length;
  const groups: OutcomePoint[][] = Array.from({ length: k }, () => []);
  let first = 0;
  sorted.forEach((p, i) => {
    if (i === 0 || p.value !== sorted[i - 1]!.value) first = i;
    groups[Math.min(k - 1, Math.floor((first * k) / n))]!.push(p);
  });
  return groups.filter((g) => g.length > 0);
}

export function outcomeStats(points: readonly OutcomePoint[], o: OutcomeOptions): OutcomeStats {
  const groups = quantileGroups(points, o.groups).map((g, i, all): OutcomeGroup => {
    const position = i === 0 ? ' (lowest)' : i === all.length - 1 ? ' (highest)' : '';
    return {
      label: `Group ${i + 1} of ${all.length}${position}`,
      from: g[0]!.value,
      to: g[g.length - 1]!.value,
      n: g.length,
      counts: o.grades.map((gr) => g.filter((p) => p.grade === gr.numeric).length),
      meanGrade: g.reduce((s, p) => s + p.grade, 0) / g.length,
    };
  });
  return {
    n: points.length,
    groups,
    rho: spearman(
      points.map((p) => p.value),
      points.map((p) => p.grade),
    ),
    ci: bootstrapRho(points, o.resamples, o.seed),
    resamples: o.resamples,
    seed: o.seed,
  };
}

/** "weak", "moderate"..: Cohen's conventional bands for |rho| (0.1, 0.3, 0.5). */
export function strengthOf(rho: number): string {
  const a = Math.abs(rho);
  return a < 0.1 ? 'negligible' : a < 0.3 ? 'weak' : a < 0.5 ? 'moderate' : 'strong';
}

const two = (v: number) => (Math.round(v * 100) / 100).toFixed(2).replace(/^-0\.00$/, '0.00');

export interface StatementContext {
  /** "deprivation (IDACI 2019 score)", "the number of children aged 0 to 17". */
  measure: string;
  /** "more deprived authorities", "larger authorities", "authorities with higher rates". */
  higher: string;
  /** "each local authority's latest graded inspection (ILACS)". */
  unit: string;
  /** Any caveat about when the measure was taken. */
  timing: string;
}

/** The plain statement: the figures, then what they can and cannot show (association only). */
export function outcomeStatement(s: OutcomeStats, c: StatementContext): string[] {
  const lines = [
    `This analysis covers ${s.n} local authorities, using ${c.unit}.`,
    'Grades run from 1 (outstanding) to 4 (inadequate).',
  ];
  if (s.rho === null || s.ci === null) {
    lines.push(
      `There are too few authorities, or too little spread, to measure an association with ${c.measure}.`,
    );
  } else {
    lines.push(
      `Spearman's rank correlation between ${c.measure} and grade is ${two(s.rho)}, with a 95% confidence interval from ${two(s.ci.low)} to ${two(s.ci.high)}.`,
    );
    const direction =
      s.rho > 0
        ? `${c.higher} received lower grades more often`
        : `${c.higher} received higher grades more often`;
    lines.push(
      s.ci.low > 0 || s.ci.high < 0
        ? `This is a ${strengthOf(s.rho)} association: in these data, ${direction}.`
        : 'The interval includes zero, so these data are consistent with no association.',
    );
  }
  lines.push(
    'These figures show an association, not a cause.',
    `They cannot show whether ${c.measure} affects the quality of practice, whether inspectors judge authorities differently in different contexts, or whether something else explains the pattern.`,
    'Munro (recommendation 8) warns that correlations are not judgements about causality: read these figures alongside the inspection reports.',
    c.timing,
  );
  return lines.filter((l) => l.length > 0);
}
