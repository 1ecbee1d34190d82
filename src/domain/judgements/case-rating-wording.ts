// The spread of case ratings said in a report's words (the Slough point: a one-word grade hides
// that of 106 cases about a third each were good, requires improvement and inadequate). Pure.
import { cohortDefs, type CohortId } from '../sampling/population.js';
import type { AreaSpread, Spread } from './case-rating-spread.js';

/** The cohort's name for people ("Children in need"), or the key if it is not one we know. */
export function cohortLabel(cohort: string): string {
  return cohortDefs[cohort as CohortId]?.label ?? cohort;
}

const listWords = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

function parts(s: Spread): string[] {
  const out = s.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.label.toLowerCase()}`);
  if (s.ratedDifferently > 0)
    out.push(`${s.ratedDifferently} rated differently by different inspectors`);
  return out;
}

const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;

/**
 * The report's paragraph for one judgement area, or null when no case was rated: "Inspectors
 * rated 12 sampled cases for this judgement: 5 good, 4 requires improvement to be good and 3
 * inadequate. By group: children in need, 6 cases (3 good and 3 inadequate); ..."
 */
export function caseRatingParagraph(spread: AreaSpread): string | null {
  if (spread.cases === 0) return null;
  const head = `Inspectors rated ${cases(spread.cases)} from the sample for this judgement: ${listWords(parts(spread))}.`;
  const groups = spread.byCohort.filter((c) => c.cases > 0);
  if (groups.length < 2) return head;
  const each = groups.map(
    (g) => `${cohortLabel(g.cohort).toLowerCase()}, ${cases(g.cases)} (${listWords(parts(g))})`,
  );
  return `${head} By group: ${each.join('; ')}.`;
}
