// Small, pure statistics for measuring the language checks against human labels: Cohen's kappa
// between two readers (overall and per category, one category against the rest), and the Wilson
// score interval for a proportion (precision, recall). Kept deliberately small; a general
// agreement-statistics engine is separate work.

/** Cohen's kappa for two raters who each gave one label to the same items (same order). */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error('cohenKappa: the two label lists differ in length');
  const n = a.length;
  if (n === 0) return Number.NaN;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, na] of countA) pe += (na / n) * ((countB.get(label) ?? 0) / n);
  // Both readers used one and the same label throughout: agreement is perfect but kappa is
  // undefined (0/0); report 1 when they agree on everything, as is conventional.
  if (pe === 1) return po === 1 ? 1 : 0;
  return (po - pe) / (1 - pe);
}

/** Kappa for one category against all the others (both lists reduced to yes/no). */
export function categoryKappa(
  a: readonly string[],
  b: readonly string[],
  category: string,
): number {
  return cohenKappa(
    a.map((x) => String(x === category)),
    b.map((x) => String(x === category)),
  );
}

export interface Proportion {
  /** Successes and trials. */
  k: number;
  n: number;
  /** k / n (NaN when n = 0). */
  value: number;
  /** Wilson score interval (95% by default); [0, 1] when n = 0. */
  low: number;
  high: number;
}

/** The Wilson score interval for k successes in n trials (z = 1.96 gives 95%). */
export function wilson(k: number, n: number, z = 1.96): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n)
    throw new Error(`wilson: need integers 0 <= k <= n (got k=${k}, n=${n})`);
  if (n === 0) return { k, n, value: Number.NaN, low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { k, n, value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Precision and recall with Wilson intervals from true/false positive and false negative counts. */
export function precisionRecall(tp: number, fp: number, fn: number) {
  return { precision: wilson(tp, tp + fp), recall: wilson(tp, tp + fn) };
}
