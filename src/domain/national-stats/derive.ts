// Turns the raw measures of all files into the indicators: rates per 10,000 children from counts
// and the 0-17 population (the children looked after file's, as DfE uses), percentages recomputed
// from counts where the published percentage is rounded to whole numbers. A suppressed count
// gives a suppressed indicator with the same marker; no population, no rate (before 2021).
import { indicatorKeys, type Figure, type SuppressionMarker } from './indicators.js';

const round1 = (v: number): number => Math.round(v * 10) / 10;
const direct = new Set<string>(indicatorKeys);

type Derived = { value: number | null; marker: SuppressionMarker | null } | null;

function ratio(num: Figure | undefined, den: Figure | undefined, scale: number): Derived {
  if (!num || !den) return null;
  if (num.marker) return { value: null, marker: num.marker };
  if (den.marker || den.value === null) return { value: null, marker: den.marker ?? 'x' };
  if (den.value === 0) return { value: null, marker: 'z' };
  return { value: round1(((num.value ?? 0) / den.value) * scale), marker: null };
}

const derivations: [string, string, string, number][] = [
  ['cin.rate_per_10k', 'raw.cin_at31', 'raw.population', 10_000],
  ['referrals.rate_per_10k', 'raw.referrals', 'raw.population', 10_000],
  ['cp.rate_per_10k', 'raw.cp_at31', 'raw.population', 10_000],
  ['cla.three_placements_percent', 'raw.stab31_count', 'raw.stab31_total', 100],
  ['cla.long_term_stability_percent', 'raw.stablong_count', 'raw.stablong_total', 100],
  ['care_leavers.suitable_17_18_percent', 'raw.leavers1718_suitable', 'raw.leavers1718_total', 100],
  ['care_leavers.suitable_19_21_percent', 'raw.leavers1921_suitable', 'raw.leavers1921_total', 100],
];

/** The indicators, one figure per indicator, area and year, in a stable order. */
export function deriveIndicators(raw: readonly Figure[]): Figure[] {
  const byArea = new Map<string, Map<string, Figure>>();
  const out: Figure[] = [];
  for (const f of raw) {
    if (direct.has(f.indicator)) {
      out.push(f);
      continue;
    }
    const k = `${f.level}|${f.areaCode}|${f.year}`;
    let m = byArea.get(k);
    if (!m) byArea.set(k, (m = new Map()));
    m.set(f.indicator, f);
  }
  for (const m of byArea.values()) {
    const any = m.values().next().value as Figure;
    for (const [indicator, num, den, scale] of derivations) {
      const d = ratio(m.get(num), m.get(den), scale);
      if (d)
        out.push({
          indicator,
          level: any.level,
          areaCode: any.areaCode,
          areaName: any.areaName,
          year: any.year,
          ...d,
        });
    }
  }
  return out.sort(
    (a, b) =>
      a.indicator.localeCompare(b.indicator) ||
      a.level.localeCompare(b.level) ||
      a.areaCode.localeCompare(b.areaCode) ||
      a.year - b.year,
  );
}
