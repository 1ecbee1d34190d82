import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../domain/paging/cursor.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { PageInput } from './analysis-input.js';
import {
  CodingQueryFields,
  computePassages,
  pageOfPassages,
  presentPassages,
  type Passage,
  type PassageKey,
  buildQueryRun,
  type PresentedPassage,
} from './coding-query-engine.js';

export const RunCodingQueryInput = z.object({
  activityId: z.string(),
  ...CodingQueryFields,
  /** Code points of text shown before and after each passage. */
  context: z.coerce.number().int().min(0).max(1000).default(120),
  ...PageInput,
  /** The `next` cursor of the previous page (keyset: every page costs the same). */
  after: z.string().max(500).optional(),
});
export type RunCodingQueryInput = z.input<typeof RunCodingQueryInput>;

export interface CodingQueryResult {
  /** The query in words, with code names. */
  understood: string;
  scope: 'passage' | 'record';
  totalPassages: number;
  totalRecords: number;
  limit: number;
  offset: number;
  /** Passages on this page. */
  returned: number;
  /** Pass as `after` (same query) for the next page; null on the last page. */
  next: string | null;
  passages: PresentedPassage[];
}

/**
 * Codes combined with AND / OR / NOT, at passage level (the overlap, union or remainder of coded
 * text) or record level, filtered by case attributes, methods, coders, dates and judgement
 * areas; one page of passages with the text around them.
 */
export async function runCodingQuery(
  ctx: UseCaseContext,
  raw: RunCodingQueryInput,
): Promise<CodingQueryResult> {
  const input = RunCodingQueryInput.parse(raw);
  const cursor = input.after ? decodeCursor(input.after, 2) : null;
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const { run, resolved } = await buildQueryRun(ctx.db, activity, input);
  let page: Passage[];
  let more: boolean;
  let totals: { passages: number; records: number };
  if (cursor) {
    // Later pages read only the records they show; the totals come from the first page.
    const r = await pageOfPassages(ctx.db, run, cursor.key as PassageKey, input.limit);
    page = r.passages;
    more = r.more;
    totals = { passages: cursor.total, records: cursor.records ?? 0 };
  } else {
    // The first page counts everything (once), so it can say how many there are in all.
    const all = await computePassages(ctx.db, run);
    page = all.passages.slice(input.offset, input.offset + input.limit);
    more = all.passages.length > input.offset + input.limit;
    totals = { passages: all.passages.length, records: all.records };
  }
  const last = page.at(-1);
  return {
    understood: resolved.understood,
    scope: input.scope,
    totalPassages: totals.passages,
    totalRecords: totals.records,
    limit: input.limit,
    offset: cursor ? 0 : input.offset,
    returned: page.length,
    next:
      more && last
        ? encodeCursor({
            key: [last.refNo, last.start],
            total: totals.passages,
            records: totals.records,
          })
        : null,
    passages: await presentPassages(ctx.db, page, resolved.names, { context: input.context }),
  };
}
