// Patterns across inspections for national staff: for each group (region, year or activity type)
// and prompt, how many observations gave each rating. Never a league table: no inspector or
// observer is ever a group, and small numbers are suppressed so no one can be picked out.
export const patternGroupings = ['region', 'year', 'activity_type'] as const;
export type PatternGrouping = (typeof patternGroupings)[number];

/** A group-and-prompt distribution is shown only with this many observations or more... */
export const MIN_OBSERVATIONS = 5;
/** ...of at least this many different inspectors (else it describes one or two people). */
export const MIN_INSPECTORS = 3;
/** A single rating's count below this (and above 0) is shown as "fewer than 5". */
export const MIN_CELL = 5;

export interface PatternCount {
  group: string;
  promptKey: string;
  rating: string;
  observations: number;
}

export interface PatternGroupSize {
  group: string;
  promptKey: string;
  observations: number;
  inspectors: number;
}

export interface PatternRow {
  group: string;
  promptKey: string;
  /** null when the whole row is suppressed. */
  observations: number | null;
  suppressed: boolean;
  /** Per rating key: a count, or null for a suppressed cell. */
  counts: Record<string, number | null>;
}

/**
 * Suppresses small numbers: a row with fewer than MIN_OBSERVATIONS observations or MIN_INSPECTORS
 * inspectors shows nothing; in a shown row a count from 1 to MIN_CELL - 1 is hidden, and when only
 * one cell of a row is hidden the next smallest non-zero count is hidden too, so the total cannot
 * give it away.
 */
export function suppressPatterns(
  sizes: PatternGroupSize[],
  counts: PatternCount[],
  ratingKeys: string[],
): PatternRow[] {
  return sizes.map((size) => {
    const empty = Object.fromEntries(ratingKeys.map((k) => [k, null])) as Record<string, null>;
    if (size.observations < MIN_OBSERVATIONS || size.inspectors < MIN_INSPECTORS)
      return {
        group: size.group,
        promptKey: size.promptKey,
        observations: null,
        suppressed: true,
        counts: empty,
      };
    const raw = Object.fromEntries(ratingKeys.map((k) => [k, 0])) as Record<string, number>;
    for (const c of counts)
      if (c.group === size.group && c.promptKey === size.promptKey && c.rating in raw)
        raw[c.rating] = c.observations;
    const hidden = new Set(ratingKeys.filter((k) => raw[k]! > 0 && raw[k]! < MIN_CELL));
    if (hidden.size === 1) {
      const next = ratingKeys
        .filter((k) => !hidden.has(k) && raw[k]! > 0)
        .sort((a, b) => raw[a]! - raw[b]!)[0];
      if (next) hidden.add(next);
    }
    const shown: Record<string, number | null> = {};
    for (const k of ratingKeys) shown[k] = hidden.has(k) ? null : raw[k]!;
    return {
      group: size.group,
      promptKey: size.promptKey,
      observations: size.observations,
      suppressed: false,
      counts: shown,
    };
  });
}
