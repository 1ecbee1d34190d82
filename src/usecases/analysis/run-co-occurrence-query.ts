import { z } from 'zod';
import { codebookEntries } from '../../data/repositories/coding-query.js';
import { coOccurrence } from '../../data/repositories/matrix-query.js';
import { expandInTree } from '../../domain/analysis/code-tree.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import {
  CodingFilterInput,
  codingConditions,
  EvidenceFilterInput,
  evidenceConditions,
} from './analysis-input.js';

export const RunCoOccurrenceQueryInput = z.object({
  activityId: z.string(),
  codes: z.array(z.string()).min(1).max(60),
  includeSubcodes: z.boolean().default(true),
  filter: EvidenceFilterInput.optional(),
  coding: CodingFilterInput.optional(),
});
export type RunCoOccurrenceQueryInput = z.input<typeof RunCoOccurrenceQueryInput>;

export interface CoOccurrenceMatrix {
  codes: Array<{ id: string; name: string }>;
  /** [i][j]: records coded with both (the diagonal: records coded with the code). */
  records: number[][];
  /** [i][j]: records where codings of the two overlap; a cell's passages are the coding query
   * `{ and: [i, j] }` at passage level. */
  overlapping: number[][];
}

/** How often codes are applied to the same records and to overlapping passages. */
export async function runCoOccurrenceQuery(
  ctx: UseCaseContext,
  raw: RunCoOccurrenceQueryInput,
): Promise<CoOccurrenceMatrix> {
  const input = RunCoOccurrenceQueryInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const entries = await codebookEntries(ctx.db, activity.id);
  const names = new Map(entries.map((c) => [c.id, c.name]));
  const codes = [...new Set(input.codes)];
  const unknown = codes.filter((id) => !names.has(id));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      details: unknown.map((id) => ({
        field: 'codes',
        value: id,
        reason: 'No such code in this activity’s codebook',
      })),
    });
  const expanded = expandInTree(entries, codes, input.includeSubcodes);
  const pairs = await coOccurrence(ctx.db, {
    codes: codes.map((id) => ({ codeIds: expanded.get(id) ?? [id] })),
    evidence: evidenceConditions(activity, input.filter),
    coding: codingConditions(input.coding),
  });
  const zero = () => codes.map(() => codes.map(() => 0));
  const records = zero();
  const overlapping = zero();
  for (const p of pairs) {
    records[p.a]![p.b] = records[p.b]![p.a] = p.records;
    overlapping[p.a]![p.b] = overlapping[p.b]![p.a] = p.overlapping;
  }
  return {
    codes: codes.map((id) => ({ id, name: names.get(id) ?? id })),
    records,
    overlapping,
  };
}
