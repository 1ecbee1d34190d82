// LA context from the DfE national statistics for the research store: each inspection's rates
// (the figure of its year, or the nearest stored year within a window) in bands whose boundaries
// the settings state, and a statistical neighbour group.
//
// DfE's statistical neighbours are a list per LA (its ten nearest), not a partition: LA A may
// list B while B does not list A. A matrix needs each LA in one column, so the groups here are
// built from the lists, deterministically: LAs are taken in order of their id; each LA not yet
// grouped starts a group with those of its own neighbours not yet grouped. Every LA then sits with
// some of its own DfE neighbours. Groups are numbered ("Neighbour group 3"), never named after an
// LA, so the dimension does not identify anyone; the membership is visible to national staff in
// the national statistics pages.
import type { NeighbourRow } from '../national-stats/indicators.js';
import type { DimensionValue } from './dimensions.js';
import type { ResearchSettings } from './settings.js';

export interface YearValue {
  year: number;
  value: number;
}

/** The figure of `year`, else the nearest year within `window` (the earlier on a tie). */
export function figureNear(
  series: readonly YearValue[],
  year: number | null,
  window: number,
): YearValue | null {
  if (year === null || series.length === 0) return null;
  let best: YearValue | null = null;
  for (const f of series) {
    const gap = Math.abs(f.year - year);
    if (gap > window) continue;
    const bestGap = best ? Math.abs(best.year - year) : Infinity;
    if (gap < bestGap || (gap === bestGap && best && f.year < best.year)) best = f;
  }
  return best;
}

/** The band a rate falls in (a band holds values below its `below`; the last band has none). */
export function rateBandOf(
  value: number,
  indicator: string,
  s: ResearchSettings,
): DimensionValue | null {
  const ind = s.rateIndicators.find((r) => r.indicator === indicator);
  const i = ind?.bands.findIndex((b) => b.below === null || value < b.below) ?? -1;
  const band = i >= 0 ? ind?.bands[i] : undefined;
  return band ? { value: band.key, label: band.label, rank: i } : null;
}

/** Neighbour group number (1..) per LA id, from one model's neighbour lists. */
export function neighbourGroups(rows: readonly NeighbourRow[]): Map<string, number> {
  const lists = new Map<string, NeighbourRow[]>();
  for (const r of rows) {
    const list = lists.get(r.laId);
    if (list) list.push(r);
    else lists.set(r.laId, [r]);
  }
  const group = new Map<string, number>();
  let next = 0;
  for (const laId of [...lists.keys()].sort()) {
    if (group.has(laId)) continue;
    next += 1;
    group.set(laId, next);
    const mine = (lists.get(laId) ?? []).slice().sort((a, b) => a.rank - b.rank);
    for (const n of mine) if (!group.has(n.neighbourLaId)) group.set(n.neighbourLaId, next);
  }
  return group;
}
