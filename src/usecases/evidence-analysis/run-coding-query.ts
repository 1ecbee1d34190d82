import { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../evidence/evidence-access.js';
import { codingConditions, evidenceConditions, PageInput } from './analysis-input.js';
import {
  CodingQueryFields,
  computePassages,
  presentPassages,
  resolveExpression,
  type PresentedPassage,
} from './coding-query-engine.js';

export const RunCodingQueryInput = z.object({
  activityId: z.string(),
  ...CodingQueryFields,
  /** Code points of text shown before and after each passage. */
  context: z.coerce.number().int().min(0).max(1000).default(120),
  ...PageInput,
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
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const resolved = await resolveExpression(ctx.db, activity.id, input.expression);
  const { passages, records } = await computePassages(ctx.db, {
    expr: resolved.expr,
    codes: resolved.codes,
    scope: input.scope,
    includeSubcodes: input.includeSubcodes,
    evidence: evidenceConditions(activity, input.filter),
    coding: codingConditions(input.coding),
  });
  const page = passages.slice(input.offset, input.offset + input.limit);
  return {
    understood: resolved.understood,
    scope: input.scope,
    totalPassages: passages.length,
    totalRecords: records,
    limit: input.limit,
    offset: input.offset,
    passages: await presentPassages(ctx.db, page, resolved.names, { context: input.context }),
  };
}
