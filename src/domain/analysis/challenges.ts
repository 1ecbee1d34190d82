// Challenging evidence for a hypothesis (Munro 2014: "one vivid example may make you form a
// hypothesis but, by checking for other relevant data, you will be reminded of instances that do
// not support your hypothesis"). The system finds three kinds a person might miss; each must be
// looked at (who, when, a note) before the hypothesis can be closed. A record changed since it
// was looked at must be looked at again.

export type ChallengeKind = 'opposite_direction' | 'uncoded_match' | 'unseen_case';
export type Direction = 'strength' | 'area_for_improvement';

export interface ChallengeItem {
  kind: ChallengeKind;
  /** Evidence id (evidence items) or case id (unseen cases). */
  id: string;
  /** "E12" or the case reference. */
  reference: string;
  /** The record's current version (evidence items). */
  version: number | null;
  /** Why it challenges: in words. */
  reason: string;
}

export interface Review {
  kind: ChallengeKind;
  id: string;
  evidenceVersion: number | null;
  outcome: 'supports' | 'challenges' | 'not_relevant';
  note: string;
  reviewedBy: string;
  reviewedAt: Date;
}

/** Evidence pointing the other way: an area for improvement challenges a claimed strength. */
export function oppositeDirections(d: Direction): string[] {
  return d === 'strength' ? ['area_for_improvement', 'mixed'] : ['strength', 'mixed'];
}

/**
 * The direction a hypothesis asserts: as stated, else what most of its supporting evidence
 * says (null when it is evenly split or unknown).
 */
export function effectiveDirection(
  stated: Direction | null,
  supporting: Array<string | null>,
): { direction: Direction | null; source: 'stated' | 'inferred' | null } {
  if (stated) return { direction: stated, source: 'stated' };
  const s = supporting.filter((d) => d === 'strength').length;
  const a = supporting.filter((d) => d === 'area_for_improvement').length;
  if (s === a) return { direction: null, source: null };
  return { direction: s > a ? 'strength' : 'area_for_improvement', source: 'inferred' };
}

export const reviewKey = (kind: ChallengeKind, id: string): string => `${kind}:${id}`;

/** The review that still counts for an item: the latest, unless the record changed since. */
export function currentReview(item: ChallengeItem, reviews: Review[]): Review | null {
  const latest = reviews
    .filter((r) => r.kind === item.kind && r.id === item.id)
    .sort((a, b) => b.reviewedAt.getTime() - a.reviewedAt.getTime())[0];
  if (!latest) return null;
  if (item.version !== null && (latest.evidenceVersion ?? 0) < item.version) return null;
  return latest;
}

const DIRECTION_WORDS: Record<string, string> = {
  strength: 'a strength',
  area_for_improvement: 'an area for improvement',
  mixed: 'mixed',
};

export function oppositeReason(reference: string, codes: string[], direction: string): string {
  return `${reference} is coded to ${codes.join(', ')} and recorded as ${DIRECTION_WORDS[direction] ?? direction}`;
}

export function uncodedReason(reference: string): string {
  return `${reference} mentions the hypothesis's terms but is not coded to its criteria`;
}

export function unseenReason(reference: string, areas: string[]): string {
  return areas.length > 0
    ? `Sampled case ${reference} has no ${areas.join(' or ')} evidence yet`
    : `Sampled case ${reference} has no evidence yet`;
}

/** What stops a close: each item not (or no longer) looked at, in words. */
export function closeBlockers(items: ChallengeItem[], reviews: Review[]): ChallengeItem[] {
  return items.filter((i) => currentReview(i, reviews) === null);
}

/** "3 pieces of challenging evidence have not been looked at: ..." */
export function blockersMessage(blockers: ChallengeItem[]): string {
  const n = blockers.length;
  const list = blockers
    .slice(0, 5)
    .map((b) => b.reference)
    .join(', ');
  const more = n > 5 ? ` and ${n - 5} more` : '';
  return `Look at the challenging evidence before closing: ${n} ${n === 1 ? 'item has' : 'items have'} not been reviewed (${list}${more}).`;
}
