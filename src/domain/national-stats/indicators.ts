// The indicators derived from the DfE extracts, and the shapes the parser and the store share.
// Which column of which file feeds which indicator is in parse.ts and derive.ts; labels, units
// and thresholds are data (frameworks/risk/national-statistics/).

export const indicatorKeys = [
  'cin.rate_per_10k',
  'referrals.rate_per_10k',
  'referrals.rereferral_percent',
  'referrals.nfa_percent',
  'cp.rate_per_10k',
  'cp.repeat_percent',
  'cp.over_2_years_percent',
  'cla.rate_per_10k',
  'cla.three_placements_percent',
  'cla.long_term_stability_percent',
  'care_leavers.suitable_17_18_percent',
  'care_leavers.suitable_19_21_percent',
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export type AreaLevel = 'england' | 'region' | 'la';

/** England's area code in every DfE file. */
export const ENGLAND_CODE = 'E92000001';

/**
 * DfE's symbols for a value not given: c confidential (small numbers), k below 0.5, low, u low
 * reliability, x not available, z not applicable; '..' and ':' in older tables.
 */
export const suppressionMarkers = ['c', 'k', 'low', 'u', 'x', 'z', '..', ':'] as const;
export type SuppressionMarker = (typeof suppressionMarkers)[number];

export const markerLabels: Record<SuppressionMarker, string> = {
  c: 'suppressed (small numbers)',
  k: 'below 0.5',
  low: 'low',
  u: 'low reliability',
  x: 'not available',
  z: 'not applicable',
  '..': 'not available',
  ':': 'not available',
};

/** One figure of an area in a year: a number, or the marker the file gave instead. */
export interface Figure {
  indicator: string;
  level: AreaLevel;
  /** E92000001, a region's E12/E13 code, or the LA's id in the register. */
  areaCode: string;
  areaName: string;
  year: number;
  value: number | null;
  marker: SuppressionMarker | null;
}

export interface NeighbourRow {
  laId: string;
  model: 'sn_model_2025' | 'groupings_2021';
  rank: number;
  neighbourLaId: string;
  closeness: string | null;
}

/** Where and why a row cannot be used (the same shape as ErrorDetail in src/errors.ts). */
export interface StatsRowProblem {
  file: string;
  row?: number;
  field?: string;
  value?: string;
  reason: string;
}
