// The shapes of the agreement engine: a ratings table in, a list of statistics out. A ratings table
// is units (cases, judgements, text spans) by raters; a blank is a rating not given.

export const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type Level = (typeof LEVELS)[number];

export interface RatingsTable {
  /** What one unit is, in words: "case", "judgement", "text span". */
  unit: string;
  raters: string[];
  /** One row per unit; `ratings[j]` is rater j's rating, null when not given. */
  units: { id: string; ratings: (string | null)[]; weight?: number }[];
}

export interface AgreementOptions {
  level: Level;
  /**
   * The scale in order, every category whether used or not (for example the framework's grades).
   * Without it the categories are the values used, in numeric order when all are numbers and in
   * text order otherwise.
   */
  categories?: string[];
  /**
   * Units carry weights (`weight`, default 1): a unit counts as that many identical units, and a
   * bootstrap resample draws whole units (a block bootstrap). Used for text, where a unit is a run
   * of characters coded alike and its weight the run's length.
   */
  /** Bootstrap resamples for each interval (0: no intervals). */
  resamples?: number;
  seed?: number;
  /** Confidence of the intervals, 0.95 unless told. */
  confidence?: number;
}

export type StatisticKey =
  | 'percent-agreement'
  | 'agreement-within-one'
  | 'cohen-kappa'
  | 'scott-pi'
  | 'fleiss-kappa'
  | 'conger-kappa'
  | 'gwet-ac1'
  | 'gwet-ac2'
  | 'brennan-prediger'
  | 'krippendorff-alpha';

export type Weights = 'unweighted' | 'linear' | 'quadratic' | 'within-one';

export interface Interval {
  lower: number;
  upper: number;
  confidence: number;
  resamples: number;
  /** Resamples in which the statistic was undefined (no variation left): left out. */
  undefinedResamples: number;
  seed: number;
  method: string;
}

/** A unit on which the raters did not agree (in the statistic's sense), with every rating given. */
export interface Disagreement {
  unit: string;
  ratings: Record<string, string>;
}

export interface AgreementResult {
  statistic: StatisticKey;
  /** The statistic's name as printed, with its weights or level: "Cohen's kappa (quadratic weights)". */
  name: string;
  weights: Weights | null;
  /** Krippendorff's alpha: the level its distance function is for. */
  level: Level | null;
  value: number | null;
  /** Why there is no value (the statistic does not apply to these data, or is undefined). */
  reason: string | null;
  interval: Interval | null;
  /** What a unit is ("case") and how many units, raters and ratings the statistic used. */
  unit: string;
  units: number;
  raters: number;
  ratings: number;
  disagreements: Disagreement[];
}

export interface AgreementReport {
  unit: string;
  level: Level;
  categories: string[];
  raters: string[];
  units: number;
  /** Units left out because no rater rated them. */
  unitsWithoutRatings: number;
  /** Raters left out because they rated nothing. */
  ratersWithoutRatings: string[];
  results: AgreementResult[];
}
