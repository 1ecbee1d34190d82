// The combining rule: ratings of every domain -> the overall risk level, as the model file says.
import type { RiskCondition, RiskModel } from './model.js';

export type DomainRatings = Readonly<Record<string, string>>;

function weightOf(model: RiskModel, rating: string): number {
  return model.ratings.find((r) => r.key === rating)?.weight ?? -1;
}

function holds(model: RiskModel, ratings: DomainRatings, c: RiskCondition): boolean {
  const threshold = weightOf(model, c.rating);
  const domains = c.domains ?? model.domains.map((d) => d.key);
  const count = domains.filter((d) => {
    const r = ratings[d];
    return r !== undefined && weightOf(model, r) >= threshold;
  }).length;
  return count >= c.atLeast;
}

/** The overall level the rule gives: the first level any of whose conditions holds. */
export function combineRatings(model: RiskModel, ratings: DomainRatings): string {
  for (const l of model.rule.levels) {
    if (l.anyOf.some((c) => holds(model, ratings, c))) return l.level;
  }
  return model.rule.otherwise;
}

/** Domains left unrated, or rated with a rating the model does not have. */
export function ratingProblems(
  model: RiskModel,
  ratings: DomainRatings,
): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  for (const d of model.domains) {
    const r = ratings[d.key];
    if (r === undefined) problems.push({ field: `rating.${d.key}`, reason: `Rate ${d.title}` });
    else if (weightOf(model, r) < 0)
      problems.push({ field: `rating.${d.key}`, reason: `${r} is not a rating of this model` });
  }
  for (const k of Object.keys(ratings))
    if (!model.domains.some((d) => d.key === k))
      problems.push({ field: `rating.${k}`, reason: `${k} is not a domain of this model` });
  return problems;
}

export type Direction = 'up' | 'down' | 'same' | 'new';

/** Direction of travel of the risk between two assessments (up = more risk). */
export function directionOfTravel(
  model: RiskModel,
  previous: string | null,
  current: string,
): Direction {
  if (previous === null) return 'new';
  const rank = (k: string) => model.levels.find((l) => l.key === k)?.rank ?? 0;
  const d = rank(current) - rank(previous);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

export const directionLabels: Record<Direction, string> = {
  up: 'Risk rising',
  down: 'Risk falling',
  same: 'No change',
  new: 'First assessment',
};

/** Adds whole months to an ISO date, keeping to the month's last day where needed. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The default next review: the model's interval for the level, from the assessment date. */
export function defaultNextReview(model: RiskModel, level: string, assessedOn: string): string {
  return addMonths(assessedOn, model.reviewMonths[level] ?? 6);
}
