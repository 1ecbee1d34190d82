// An observation of an inspector's practice: a rating and a comment per prompt of the set it was
// made under, and development points. Pure checks; the use case gathers the facts.
import type { ErrorDetail } from '../../errors.js';
import type { PromptSet } from './prompts.js';

export interface PromptRating {
  promptKey: string;
  rating: string;
  comment: string;
}

export interface PracticeObservation {
  id: string;
  activityId: string;
  activityTitle: string;
  activityType: string;
  laName: string;
  inspector: { id: string; label: string };
  observer: { id: string | null; label: string; role: string };
  promptSetId: string;
  observedOn: string;
  setting: string;
  ratings: PromptRating[];
  developmentPoints: string;
  response: string | null;
  acknowledgedAt: Date | null;
  recordedAt: Date;
}

/** Every prompt rated once, on the set's scale; nothing else. */
export function ratingProblems(set: PromptSet, ratings: PromptRating[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const scale = new Set(set.scale.map((s) => s.key));
  const prompts = new Set(set.prompts.map((p) => p.key));
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    if (!prompts.has(r.promptKey))
      problems.push({
        field: `ratings.${i}.promptKey`,
        value: r.promptKey,
        reason: 'Not a prompt of this set',
      });
    else if (seen.has(r.promptKey))
      problems.push({ field: `ratings.${i}.promptKey`, value: r.promptKey, reason: 'Rated twice' });
    seen.add(r.promptKey);
    if (!scale.has(r.rating))
      problems.push({
        field: `rating_${r.promptKey}`,
        value: r.rating,
        reason: `Choose one of: ${set.scale.map((s) => s.label).join(', ')}`,
      });
  });
  for (const p of set.prompts)
    if (!seen.has(p.key)) problems.push({ field: `rating_${p.key}`, reason: `Rate “${p.title}”` });
  return problems;
}

/** The observation's ratings in the set's prompt order, with titles and labels for people. */
export function describeRatings(set: PromptSet, ratings: PromptRating[]) {
  return set.prompts.map((p) => {
    const r = ratings.find((x) => x.promptKey === p.key);
    const s = set.scale.find((x) => x.key === r?.rating);
    return {
      promptKey: p.key,
      title: p.title,
      rating: r?.rating ?? null,
      ratingLabel: s?.label ?? 'Not rated',
      comment: r?.comment ?? '',
    };
  });
}
