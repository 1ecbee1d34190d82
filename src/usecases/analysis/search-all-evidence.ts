import { z } from 'zod';
import {
  NATIONAL_COUNT_CAP,
  searchAllEvidence as searchRows,
} from '../../data/repositories/evidence-search.js';
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
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
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
  hits: NationalHit[];
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
    limit: input.limit,
    offset: input.offset,
  });
  const marked = await highlightRows(ctx.db, q, rows);
  return {
    understood: formatTextQuery(q),
    total,
    capped,
    orderedBy,
    note: capped
      ? `More than ${NATIONAL_COUNT_CAP.toLocaleString('en-GB')} records match, so the newest come first. Add words or a "phrase" to rank by relevance.`
      : null,
    limit: input.limit,
    offset: input.offset,
    hits: marked.map((m) => ({
      ...presentHit(m.row, m.highlights, m.snippets),
      activityId: m.row.activityId,
      activityTitle: m.row.activityTitle,
      laId: m.row.laId,
      laName: m.row.laName,
    })),
  };
}
