// Finding the challenging evidence for a line of enquiry or hypothesis, shared by the view, the
// review and the close: passages coded to its criteria that point the other way, records that
// use its terms but are not coded to its criteria, and sampled children's cases with no evidence
// in its judgement areas yet. Each comes with the review that still counts for it, if any.
import type { Kysely } from 'kysely';
import type { Activity } from '../../data/repositories/activities.js';
import { codebookEntries } from '../../data/repositories/coding-query.js';
import {
  findFocus,
  listLinks,
  listReviews,
  oppositeDirectionCodings,
  uncodedMatches,
  unseenCases,
  type EnquiryFocus,
  type EnquiryLink,
  type ReviewRow,
} from '../../data/repositories/enquiry-analysis.js';
import { tsQuery } from '../../data/repositories/evidence-search.js';
import { findLineOfEnquiry, type LineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import type { DB } from '../../data/schema.js';
import { midSentence } from '../../domain/analysis/bias-wording.js';
import { expandInTree } from '../../domain/analysis/code-tree.js';
import {
  currentReview,
  effectiveDirection,
  oppositeDirections,
  oppositeReason,
  uncodedReason,
  unseenReason,
  type ChallengeItem,
  type Direction,
} from '../../domain/analysis/challenges.js';
import type { Range, Snippet } from '../../domain/analysis/highlight.js';
import { parseTextQuery } from '../../domain/analysis/text-query.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';
import { highlightRows } from './search-evidence.js';

export interface LoadedEnquiry {
  activity: Activity;
  line: LineOfEnquiry;
  focus: EnquiryFocus | null;
}

/** The line of enquiry, checked for access (NOT_FOUND to anyone who may not read evidence). */
export async function loadEnquiry(
  ctx: UseCaseContext,
  lineId: string,
  need: 'read' | 'write',
  /** The activity in the URL, when there is one: the line must belong to it. */
  activityId?: string,
): Promise<LoadedEnquiry> {
  const line = foundInActivity(await findLineOfEnquiry(ctx.db, lineId), activityId);
  const { activity } = await evidenceScope(ctx, line.activityId, need);
  return { activity, line, focus: await findFocus(ctx.db, line.id) };
}

export interface Challenge extends ChallengeItem {
  /** The coded passages pointing the other way, or snippets where the terms occur. */
  excerpts: Array<{ text: string; start: number; end: number; highlights: Range[] }>;
  review: ReviewRow | null;
  needsReview: boolean;
}

export interface ChallengeSet {
  direction: Direction | null;
  directionSource: 'stated' | 'inferred' | null;
  links: EnquiryLink[];
  challenges: Challenge[];
  reviews: ReviewRow[];
  /** What could not be checked, and why. */
  notes: string[];
}

type Item = Omit<Challenge, 'review' | 'needsReview'>;

export async function findChallenges(db: Kysely<DB>, e: LoadedEnquiry): Promise<ChallengeSet> {
  const { activity, line, focus } = e;
  const links = await listLinks(db, line.id);
  const reviews = await listReviews(db, line.id);
  const { direction, source } = effectiveDirection(
    focus?.direction ?? null,
    links.filter((l) => l.stance === 'supports').map((l) => l.direction),
  );
  const notes: string[] = [];
  const codeIds = focus?.codeIds ?? [];
  const entries = await codebookEntries(db, activity.id);
  const expanded = [...expandInTree(entries, codeIds, true).values()].flat();
  const names = new Map(entries.map((c) => [c.id, c.name]));
  const items: Item[] = [];

  if (codeIds.length === 0)
    notes.push(
      'No criteria (codes) chosen: passages coded to them that point the other way cannot be looked for.',
    );
  else if (!direction)
    notes.push(
      'Say which way the hypothesis points (strength or area for improvement), or link supporting evidence, so that evidence pointing the other way can be found.',
    );
  else items.push(...(await oppositeItems(db, activity, { expanded, names, direction, links })));

  const terms = focus?.searchTerms ? parseTextQuery(focus.searchTerms) : null;
  if (!terms)
    notes.push(
      'No search terms: records that use the hypothesis’s words without being coded to it cannot be looked for.',
    );
  else items.push(...(await uncodedItems(db, activity, { terms, expanded, links })));

  items.push(...(await unseenItems(db, e)));
  return {
    direction,
    directionSource: source,
    links,
    challenges: withReviews(items, reviews),
    reviews,
    notes,
  };
}

/** Passages coded to the criteria whose record points the other way, one item per record. */
async function oppositeItems(
  db: Kysely<DB>,
  activity: Activity,
  f: { expanded: string[]; names: Map<string, string>; direction: Direction; links: EnquiryLink[] },
): Promise<Item[]> {
  const rows = await oppositeDirectionCodings(db, {
    activityId: activity.id,
    codeIds: f.expanded,
    directions: oppositeDirections(f.direction),
    excludeEvidence: f.links.filter((l) => l.stance === 'challenges').map((l) => l.evidenceId),
  });
  const byRecord = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byRecord.get(r.evidenceId);
    if (list) list.push(r);
    else byRecord.set(r.evidenceId, [r]);
  }
  const items: Item[] = [];
  for (const [id, rs] of byRecord) {
    const first = rs[0]!;
    const reference = `E${first.refNo}`;
    items.push({
      kind: 'opposite_direction',
      id,
      reference,
      version: first.version,
      reason: oppositeReason(
        reference,
        [...new Set(rs.map((r) => f.names.get(r.codeId) ?? 'a criterion'))],
        first.direction,
      ),
      excerpts: rs.map((r) => ({ text: r.spanText, start: r.start, end: r.end, highlights: [] })),
    });
  }
  return items;
}

/** Records that use the terms but are not coded to the criteria (nor linked already). */
async function uncodedItems(
  db: Kysely<DB>,
  activity: Activity,
  f: {
    terms: NonNullable<ReturnType<typeof parseTextQuery>>;
    expanded: string[];
    links: EnquiryLink[];
  },
): Promise<Item[]> {
  const rows = await uncodedMatches(db, {
    activityId: activity.id,
    query: tsQuery(f.terms),
    codeIds: f.expanded,
    excludeEvidence: f.links.map((l) => l.evidenceId),
  });
  return (await highlightRows(db, f.terms, rows)).map((m) => {
    const reference = `E${m.row.refNo}`;
    return {
      kind: 'uncoded_match' as const,
      id: m.row.id,
      reference,
      version: m.row.version,
      reason: uncodedReason(reference),
      excerpts: m.snippets.map((s: Snippet) => ({ ...s })),
    };
  });
}

/** Sampled children's cases with no evidence in the line's judgement areas yet. */
async function unseenItems(db: Kysely<DB>, e: LoadedEnquiry): Promise<Item[]> {
  const { activity, line, focus } = e;
  const titles = new Map(judgementAreasOf(activity).map((a) => [a.key, a.title]));
  const cases = await unseenCases(db, {
    activityId: activity.id,
    areas: line.judgementAreas,
    attributes: focus?.caseAttributes ?? {},
  });
  return cases.map((c) => ({
    kind: 'unseen_case' as const,
    id: c.id,
    reference: c.reference,
    version: null,
    reason: unseenReason(
      c.reference,
      line.judgementAreas.map((a) => midSentence(titles.get(a) ?? a)),
    ),
    excerpts: [],
  }));
}

/** Each item with the review that still counts for it, if any. */
function withReviews(items: Item[], reviews: ReviewRow[]): Challenge[] {
  const asReviews = reviews.map((r) => ({
    kind: r.kind,
    id: r.itemId,
    evidenceVersion: r.evidenceVersion,
    outcome: r.outcome,
    note: r.note,
    reviewedBy: r.reviewedBy.label,
    reviewedAt: r.reviewedAt,
  }));
  return items.map((i) => {
    const current = currentReview(i, asReviews);
    const review = current
      ? (reviews.find(
          (r) => r.kind === i.kind && r.itemId === i.id && r.reviewedAt === current.reviewedAt,
        ) ?? null)
      : null;
    return { ...i, review, needsReview: review === null };
  });
}
