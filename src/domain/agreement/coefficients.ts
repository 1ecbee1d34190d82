// The coefficients, each a function of a Summary. Formulas: Gwet, Handbook of Inter-Rater
// Reliability, 4th ed. (2014), chapters 2-5 (percent agreement, Fleiss' generalised kappa, Conger's
// kappa, Gwet's AC1/AC2, Brennan-Prediger, with missing ratings); Cohen (1960, 1968) and Scott
// (1955) for two raters; Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011) for
// alpha. NaN means undefined (no variation to correct for chance).
import type { Prepared } from './prepare.js';
import type { Summary, WeightMatrix } from './summary.js';
import type { Level } from './types.js';

const chanceCorrected = (pa: number, pe: number): number =>
  Number.isFinite(pa) && Math.abs(1 - pe) > 1e-12 ? (pa - pe) / (1 - pe) : NaN;

function sum(w: WeightMatrix): number {
  let s = 0;
  for (const x of w) s += x;
  return s;
}

function quadraticForm(w: WeightMatrix, a: Float64Array, b: Float64Array, q: number): number {
  let s = 0;
  for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) s += w[k * q + l]! * a[k]! * b[l]!;
  return s;
}

export function fleissKappa(p: Prepared, s: Summary, pa: number, w: WeightMatrix): number {
  return chanceCorrected(pa, quadraticForm(w, s.pi, s.pi, p.q));
}

export function gwetAc(p: Prepared, s: Summary, pa: number, w: WeightMatrix): number {
  const q = p.q;
  if (q < 2) return NaN;
  let spread = 0;
  for (let k = 0; k < q; k++) spread += s.pi[k]! * (1 - s.pi[k]!);
  return chanceCorrected(pa, (sum(w) * spread) / (q * (q - 1)));
}

export function brennanPrediger(p: Prepared, pa: number, w: WeightMatrix): number {
  return p.q < 2 ? NaN : chanceCorrected(pa, sum(w) / (p.q * p.q));
}

export function congerKappa(p: Prepared, s: Summary, pa: number, w: WeightMatrix): number {
  const shares = s.raterShares;
  const r = shares.length;
  const q = p.q;
  if (r < 2) return NaN;
  const mean = new Float64Array(q);
  for (const sh of shares) for (let k = 0; k < q; k++) mean[k] = mean[k]! + sh[k]! / r;
  let pe = 0;
  for (let k = 0; k < q; k++)
    for (let l = 0; l < q; l++) {
      const wkl = w[k * q + l]!;
      if (wkl === 0) continue;
      let cross = 0;
      for (const sh of shares) cross += sh[k]! * sh[l]!;
      const s2 = (cross - r * mean[k]! * mean[l]!) / (r - 1);
      pe += wkl * (mean[k]! * mean[l]! - s2 / r);
    }
  return chanceCorrected(pa, pe);
}

function pairMargins(s: Summary, q: number): { pa: Float64Array; pb: Float64Array } | null {
  if (!s.pair || s.pair.n === 0) return null;
  const pa = new Float64Array(q);
  const pb = new Float64Array(q);
  for (let k = 0; k < q; k++)
    for (let l = 0; l < q; l++) {
      pa[k] = pa[k]! + s.pair.p[k * q + l]!;
      pb[l] = pb[l]! + s.pair.p[k * q + l]!;
    }
  return { pa, pb };
}

function pairAgreement(s: Summary, w: WeightMatrix): number {
  let a = 0;
  for (let j = 0; j < w.length; j++) a += w[j]! * s.pair!.p[j]!;
  return a;
}

export function cohenKappa(p: Prepared, s: Summary, w: WeightMatrix): number {
  const mg = pairMargins(s, p.q);
  if (!mg) return NaN;
  return chanceCorrected(pairAgreement(s, w), quadraticForm(w, mg.pa, mg.pb, p.q));
}

export function scottPi(p: Prepared, s: Summary, w: WeightMatrix): number {
  const mg = pairMargins(s, p.q);
  if (!mg) return NaN;
  const mean = new Float64Array(p.q);
  for (let k = 0; k < p.q; k++) mean[k] = (mg.pa[k]! + mg.pb[k]!) / 2;
  return chanceCorrected(pairAgreement(s, w), quadraticForm(w, mean, mean, p.q));
}

/** Krippendorff's squared distance between categories c and k at a level (margins n for ordinal). */
function distance(
  p: Prepared,
  level: Level,
  n: Float64Array,
  cum: Float64Array,
  c: number,
  k: number,
): number {
  if (c === k) return 0;
  if (level === 'nominal') return 1;
  if (level === 'ordinal') {
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const between = cum[hi + 1]! - cum[lo]! - (n[lo]! + n[hi]!) / 2;
    return between * between;
  }
  const a = p.values[c]!;
  const b = p.values[k]!;
  if (level === 'interval') return (a - b) * (a - b);
  return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
}

export function krippendorffAlpha(p: Prepared, s: Summary, level: Level): number {
  const q = p.q;
  const o = s.coincidence;
  const n = new Float64Array(q);
  for (let c = 0; c < q; c++) for (let k = 0; k < q; k++) n[c] = n[c]! + o[c * q + k]!;
  const cum = new Float64Array(q + 1);
  for (let c = 0; c < q; c++) cum[c + 1] = cum[c]! + n[c]!;
  const total = cum[q]!;
  if (total <= 1) return NaN;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++)
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      const d = distance(p, level, n, cum, c, k);
      observed += o[c * q + k]! * d;
      expected += n[c]! * n[k]! * d;
    }
  return expected > 0 ? 1 - ((total - 1) * observed) / expected : NaN;
}
