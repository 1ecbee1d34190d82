// An LA's figures over time beside its statistical neighbours' average, its region and England,
// and the changes past the settings' thresholds that an import raises as intelligence.
import type { Figure, SuppressionMarker } from './indicators.js';
import type { IndicatorSetting, Threshold } from './settings.js';

export interface Cell {
  value: number | null;
  marker: SuppressionMarker | null;
}

export interface ComparisonRow {
  year: number;
  la: Cell | null;
  /** Mean of the neighbours' published values that year (suppressed ones left out). */
  neighbours: { average: number | null; count: number };
  region: Cell | null;
  england: Cell | null;
}

export interface SeriesInput {
  la: readonly Figure[];
  neighbours: readonly Figure[];
  neighbourCount: number;
  region: readonly Figure[];
  england: readonly Figure[];
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
const cell = (f: Figure | undefined): Cell | null =>
  f ? { value: f.value, marker: f.marker } : null;

/** One row a year, oldest first, for the years any of the four has a figure. */
export function comparisonRows(indicator: string, s: SeriesInput): ComparisonRow[] {
  const of = (list: readonly Figure[]) => list.filter((f) => f.indicator === indicator);
  const la = new Map(of(s.la).map((f) => [f.year, f]));
  const region = new Map(of(s.region).map((f) => [f.year, f]));
  const england = new Map(of(s.england).map((f) => [f.year, f]));
  const nb = new Map<number, number[]>();
  for (const f of of(s.neighbours))
    if (f.value !== null) (nb.get(f.year) ?? nb.set(f.year, []).get(f.year)!).push(f.value);
  const years = [...new Set([...la.keys(), ...england.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const values = nb.get(year) ?? [];
    return {
      year,
      la: cell(la.get(year)),
      neighbours: {
        average:
          values.length > 0 ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null,
        count: values.length,
      },
      region: cell(region.get(year)),
      england: cell(england.get(year)),
    };
  });
}

export interface StatsChange {
  laId: string;
  laName: string;
  indicator: string;
  fromYear: number;
  toYear: number;
  from: number;
  to: number;
  change: number;
}

/** Whether a move from `from` to `to` passes the threshold in a direction of concern. */
export function pastThreshold(
  from: number,
  to: number,
  t: Threshold,
  concernWhen: IndicatorSetting['concernWhen'],
): boolean {
  const change = to - from;
  if (change === 0) return false;
  if (concernWhen === 'higher' && change < 0) return false;
  if (concernWhen === 'lower' && change > 0) return false;
  if (t.absolute !== null && Math.abs(change) >= t.absolute) return true;
  if (t.relativePercent !== null && from > 0 && from >= t.minimumBase)
    return (Math.abs(change) / from) * 100 >= t.relativePercent;
  return false;
}

/**
 * Changes from the year before to each indicator's latest published year, LA by LA. Only the
 * latest year: every earlier year was news when it was published, not now.
 */
export function changesPastThresholds(
  figures: readonly Figure[],
  settings: readonly IndicatorSetting[],
): StatsChange[] {
  const out: StatsChange[] = [];
  for (const s of settings) {
    const mine = figures.filter((f) => f.indicator === s.key && f.level === 'la');
    const latest = Math.max(...mine.map((f) => f.year));
    if (!Number.isFinite(latest)) continue;
    const byLa = new Map<string, { name: string; years: Map<number, number | null> }>();
    for (const f of mine) {
      const e = byLa.get(f.areaCode) ?? { name: f.areaName, years: new Map() };
      e.years.set(f.year, f.value);
      byLa.set(f.areaCode, e);
    }
    for (const [laId, e] of byLa) {
      const to = e.years.get(latest);
      const from = e.years.get(latest - 1);
      if (to === undefined || to === null || from === undefined || from === null) continue;
      if (!pastThreshold(from, to, s.threshold, s.concernWhen)) continue;
      out.push({
        laId,
        laName: e.name,
        indicator: s.key,
        fromYear: latest - 1,
        toYear: latest,
        from,
        to,
        change: round1(to - from),
      });
    }
  }
  return out.sort((a, b) => a.laId.localeCompare(b.laId) || a.indicator.localeCompare(b.indicator));
}

const fmt = (v: number, unit: IndicatorSetting['unit']): string =>
  unit === 'percent' ? `${v}%` : `${v} per 10,000`;

/** The intelligence entry's title and summary for a change. */
export function describeChange(
  c: StatsChange,
  s: IndicatorSetting,
): { title: string; summary: string } {
  const verb = c.change > 0 ? 'rose' : 'fell';
  const by =
    s.unit === 'percent'
      ? `${Math.abs(c.change)} percentage points`
      : `${Math.abs(c.change)} per 10,000`;
  const label = s.label.replace(/ \(%\)$/, '');
  return {
    title:
      `${label}: ${verb} from ${fmt(c.from, s.unit)} to ${fmt(c.to, s.unit)} (${c.fromYear} to ${c.toYear})`.slice(
        0,
        200,
      ),
    summary:
      `DfE national statistics for the year ending 31 March ${c.toYear}: ${label.toLowerCase()} ${verb} by ${by}, ` +
      `past the threshold in the national statistics settings (${thresholdText(s)}). Raised automatically on import.`,
  };
}

function thresholdText(s: IndicatorSetting): string {
  const parts: string[] = [];
  if (s.threshold.absolute !== null)
    parts.push(
      s.unit === 'percent'
        ? `${s.threshold.absolute} percentage points`
        : `${s.threshold.absolute} per 10,000`,
    );
  if (s.threshold.relativePercent !== null)
    parts.push(`${s.threshold.relativePercent}% of the earlier value`);
  return parts.join(' or ');
}
