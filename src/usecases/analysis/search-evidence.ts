import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  hasSearchableWords,
  searchActivityEvidence,
  stemWords,
  type SearchRow,
} from '../../data/repositories/evidence-search.js';
import type { DB } from '../../data/schema.js';
import {
  buildSnippets,
  highlightRanges,
  wordsToStem,
  type Range,
  type Snippet,
} from '../../domain/analysis/highlight.js';
import {
  formatTextQuery,
  MAX_QUERY_LENGTH,
  parseTextQuery,
  positiveLeaves,
  type TextQuery,
} from '../../domain/analysis/text-query.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { decodeSeek, seekPage, type SeekPosition } from '../../domain/paging/seek.js';
import { EvidenceFilterInput, evidenceConditions } from './analysis-input.js';
import type { EvidenceHeader } from '../../domain/evidence/records.js';

export const SearchEvidenceInput = z.object({
  activityId: z.string(),
  /** Words (stemmed), "phrases", prefix*, AND / OR / NOT, -word, brackets. */
  query: z.string().max(MAX_QUERY_LENGTH),
  filter: EvidenceFilterInput.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  /** A short jump from the first hit; pages further on follow `next`. */
  offset: z.coerce.number().int().min(0).max(1_000).default(0),
  /** A `next` or `previous` token of the same search (keyset: every page costs the same). */
  after: z.string().max(500).optional(),
});
export type SearchEvidenceInput = z.input<typeof SearchEvidenceInput>;

export interface SearchHit extends EvidenceHeader {
  rank: number;
  textLength: number;
  /** Matches in the whole text, in code points (0-based, end exclusive). */
  highlights: Range[];
  /** Short extracts around the first matches. */
  snippets: Snippet[];
}

export interface SearchResult {
  /** The query as understood ("neglect AND NOT drift"). */
  understood: string;
  /** Every matching record (counted on the first page; later pages carry it in their token). */
  total: number;
  limit: number;
  /** The index (from 0) of this page's first hit among all of them. */
  offset: number;
  /** Hits on this page. */
  returned: number;
  /** True when this page does not hold every match: `next` and `previous` lead to the rest. */
  limited: boolean;
  /** Pass as `after` (same search) for the next page; null on the last page. */
  next: string | null;
  /** Pass as `after` (same search) for the page before; null on the first page. */
  previous: string | null;
  hits: SearchHit[];
  /** Why there may be nothing: only stop words, for example. */
  note: string | null;
}

/** Parses the search box; VALIDATION_FAILED when nothing searchable is left. */
export function parseQueryOrFail(query: string): TextQuery {
  const q = parseTextQuery(query);
  if (!q)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'query', reason: 'Enter words or a "phrase" to search for' }],
    });
  return q;
}

/** Highlights and snippets for a page of rows (one round trip for the stems at most). */
export async function highlightRows<R extends { text: string }>(
  db: Kysely<DB>,
  q: TextQuery,
  rows: R[],
): Promise<Array<{ row: R; highlights: Range[]; snippets: Snippet[] }>> {
  const leaves = positiveLeaves(q);
  const stems = await stemWords(
    db,
    wordsToStem(
      rows.map((r) => r.text),
      leaves,
    ),
  );
  return rows.map((row) => {
    const highlights = highlightRanges(row.text, leaves, stems);
    return { row, highlights, snippets: buildSnippets(row.text, highlights) };
  });
}

export function presentHit(row: SearchRow, highlights: Range[], snippets: Snippet[]): SearchHit {
  return {
    evidenceId: row.id,
    reference: row.reference,
    version: row.version,
    observedOn: row.observedOn,
    method: row.method,
    direction: row.direction,
    judgementAreas: row.judgementAreas,
    childCaseReference: row.childCaseReference,
    recordedBy: row.recordedBy,
    rank: Math.round(row.rank * 10_000) / 10_000,
    textLength: row.textLength,
    highlights,
    snippets,
  };
}

/** The position a page token names, with its key checked to be a hit's (rank, record number). */
function positionOf(token: string | undefined): SeekPosition | null {
  if (!token) return null;
  const at = decodeSeek(token, 2);
  const [rank, refNo] = at.key;
  if (typeof rank !== 'number' || !Number.isSafeInteger(refNo))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'after', reason: 'Not a page token of this search' }],
    });
  return at;
}

/**
 * Text search across one activity's evidence, best matches first, with highlighted hits. The
 * first page counts the matches; later pages seek from the hit their token names.
 */
export async function searchEvidence(
  ctx: UseCaseContext,
  raw: SearchEvidenceInput,
): Promise<SearchResult> {
  const input = SearchEvidenceInput.parse(raw);
  const at = positionOf(input.after);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const q = parseQueryOrFail(input.query);
  const filter = evidenceConditions(activity, input.filter);
  const found = await searchActivityEvidence(ctx.db, {
    filter,
    query: q,
    // One row more than shown says whether there is a page beyond.
    limit: input.limit + 1,
    offset: input.offset,
    seek: at
      ? { direction: at.direction, rank: Number(at.key[0]), refNo: Number(at.key[1]) }
      : null,
    count: !at,
  });
  const total = at ? at.total : (found.total ?? 0);
  const page = seekPage(
    found.rows,
    input.limit,
    at ?? (input.offset > 0 ? { direction: 'after', key: [], total, start: input.offset } : null),
    total,
    (r) => [r.rank, r.refNo],
  );
  const marked = await highlightRows(ctx.db, q, page.items);
  const note =
    total === 0 && !(await hasSearchableWords(ctx.db, q))
      ? 'Only very common words (such as "the", "and", "was") were searched for; they are ignored.'
      : null;
  return {
    understood: formatTextQuery(q),
    total,
    limit: input.limit,
    offset: page.start,
    returned: page.items.length,
    limited: page.items.length < total,
    next: page.next,
    previous: page.previous,
    hits: marked.map((m) => presentHit(m.row, m.highlights, m.snippets)),
    note,
  };
}
