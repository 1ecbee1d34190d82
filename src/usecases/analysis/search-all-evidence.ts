import { z } from 'zod';
import {
  NATIONAL_COUNT_CAP,
  searchAllEvidence as searchRows,
  type NationalSeek,
} from '../../data/repositories/evidence-search.js';
import { decodeSeek, encodeSeek, type SeekPosition } from '../../domain/paging/seek.js';
import { policies } from '../../domain/access/policies.js';
import {
  formatTextQuery,
  matchesWithoutTerms,
  MAX_QUERY_LENGTH,
} from '../../domain/analysis/text-query.js';
import { evidenceMethods } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { highlightRows, parseQueryOrFail, presentHit, type SearchHit } from './search-evidence.js';

export const SearchAllEvidenceInput = z.object({
  query: z.string().max(MAX_QUERY_LENGTH),
  methods: z.array(z.enum(evidenceMethods)).max(20).optional(),
  judgementAreas: z.array(z.string().max(100)).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** A short jump from the first hit; pages further on follow `next`. */
  offset: z.coerce.number().int().min(0).max(1_000).default(0),
  /** The `next` token of the same search (keyset: every page costs the same). */
  after: z.string().max(600).optional(),
});
export type SearchAllEvidenceInput = z.input<typeof SearchAllEvidenceInput>;

export interface NationalHit extends SearchHit {
  activityId: string;
  activityTitle: string;
  laId: string;
  laName: string;
}

export interface NationalSearchResult {
  understood: string;
  /** Matches counted up to 5,000; `capped` when there are more. */
  total: number;
  capped: boolean;
  /** Relevance when up to 5,000 match; newest first when more do. */
  orderedBy: 'relevance' | 'recency';
  note: string | null;
  limit: number;
  offset: number;
  /** Hits on this page. */
  returned: number;
  /** True when this page does not hold every match: `next` leads to the rest. */
  limited: boolean;
  /** Pass as `after` (same search) for the next page; null on the last page. */
  next: string | null;
  hits: NationalHit[];
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hit a `next` token starts after: (rank, recorded, id) by relevance, (recorded, id) by recency. */
function seekOf(token: string): { cursor: SeekPosition; seek: NationalSeek } {
  let cursor: SeekPosition;
  try {
    cursor = decodeSeek(token, 3);
  } catch {
    cursor = decodeSeek(token, 2);
  }
  const [a, b, c] = cursor.key;
  // Only forward pages are offered here (no "previous").
  const forward = cursor.direction === 'after';
  if (forward && typeof a === 'number' && TIMESTAMP.test(String(b)) && UUID.test(String(c)))
    return {
      cursor,
      seek: { orderedBy: 'relevance', rank: a, recordedAt: String(b), id: String(c) },
    };
  if (forward && c === undefined && TIMESTAMP.test(String(a)) && UUID.test(String(b)))
    return { cursor, seek: { orderedBy: 'recency', recordedAt: String(a), id: String(b) } };
  throw new AppError('VALIDATION_FAILED', {
    details: [{ field: 'after', reason: 'Not a page token of this search' }],
  });
}

/**
 * Text search across every activity's evidence the actor may read: admins and the national team
 * see all; inspectors the activities whose team they are on. LA users and researchers may not.
 */
export async function searchAllEvidence(
  ctx: UseCaseContext,
  raw: SearchAllEvidenceInput,
): Promise<NationalSearchResult> {
  const input = SearchAllEvidenceInput.parse(raw);
  const at = input.after ? seekOf(input.after) : null;
  if (!policies.searchEvidenceAcrossActivities(ctx.actor)) throw new AppError('FORBIDDEN');
  const q = parseQueryOrFail(input.query);
  if (matchesWithoutTerms(q))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'query',
          reason:
            'Search for at least one word or phrase that must be present (NOT alone matches almost everything)',
        },
      ],
    });
  const a = ctx.actor;
  const scope =
    a.kind === 'user' && policies.searchOwnTeamsOnly(a)
      ? { kind: 'member' as const, userId: a.userId }
      : { kind: 'all' as const };
  const { total, capped, orderedBy, rows } = await searchRows(ctx.db, {
    scope,
    query: q,
    ...(input.methods ? { methods: input.methods } : {}),
    ...(input.judgementAreas ? { judgementAreas: input.judgementAreas } : {}),
    // One row more than shown says whether there is a page beyond.
    limit: input.limit + 1,
    offset: input.offset,
    after: at?.seek ?? null,
  });
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  // Later pages keep the first page's count and order (they do not count again).
  const count = at ? at.cursor.total : total;
  const start = at ? at.cursor.start : input.offset;
  const next =
    rows.length > input.limit && last
      ? encodeSeek({
          direction: 'after',
          start: start + shown.length,
          key:
            orderedBy === 'relevance'
              ? [last.rank, last.recordedKey, last.id]
              : [last.recordedKey, last.id],
          total: count,
        })
      : null;
  const marked = await highlightRows(ctx.db, q, shown);
  return {
    understood: formatTextQuery(q),
    total: count,
    capped,
    orderedBy,
    note: capped
      ? `More than ${NATIONAL_COUNT_CAP.toLocaleString('en-GB')} records match, so the newest come first. Add words or a "phrase" to rank by relevance.`
      : null,
    limit: input.limit,
    offset: start,
    returned: shown.length,
    limited: shown.length < count || capped,
    next,
    hits: marked.map((m) => ({
      ...presentHit(m.row, m.highlights, m.snippets),
      activityId: m.row.activityId,
      activityTitle: m.row.activityTitle,
      laId: m.row.laId,
      laName: m.row.laName,
    })),
  };
}
