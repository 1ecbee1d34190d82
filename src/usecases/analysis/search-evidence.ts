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
import { EvidenceFilterInput, evidenceConditions, PageInput } from './analysis-input.js';
import type { EvidenceHeader } from '../../domain/evidence/records.js';

export const SearchEvidenceInput = z.object({
  activityId: z.string(),
  /** Words (stemmed), "phrases", prefix*, AND / OR / NOT, -word, brackets. */
  query: z.string().max(MAX_QUERY_LENGTH),
  filter: EvidenceFilterInput.optional(),
  ...PageInput,
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
  total: number;
  limit: number;
  offset: number;
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

/** Text search across one activity's evidence, best matches first, with highlighted hits. */
export async function searchEvidence(
  ctx: UseCaseContext,
  raw: SearchEvidenceInput,
): Promise<SearchResult> {
  const input = SearchEvidenceInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const q = parseQueryOrFail(input.query);
  const filter = evidenceConditions(activity, input.filter);
  const { total, rows } = await searchActivityEvidence(ctx.db, {
    filter,
    query: q,
    limit: input.limit,
    offset: input.offset,
  });
  const marked = await highlightRows(ctx.db, q, rows);
  const note =
    total === 0 && !(await hasSearchableWords(ctx.db, q))
      ? 'Only very common words (such as "the", "and", "was") were searched for; they are ignored.'
      : null;
  return {
    understood: formatTextQuery(q),
    total,
    limit: input.limit,
    offset: input.offset,
    hits: marked.map((m) => presentHit(m.row, m.highlights, m.snippets)),
    note,
  };
}
