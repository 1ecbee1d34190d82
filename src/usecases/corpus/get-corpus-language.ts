// The language checks across the corpus: each rule's findings per year, framework or grade (with
// the same LA-context filters as the search), counted and per 10,000 words.
import { z } from 'zod';
import { corpusLanguageGroups } from '../../data/repositories/corpus.js';
import { policies } from '../../domain/access/policies.js';
import {
  buildLanguageTable,
  CORPUS_DIMENSIONS,
  type LanguageTable,
} from '../../domain/corpus/language-table.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { CorpusFilterInput } from '../../domain/corpus/filters.js';

export const CorpusLanguageInput = CorpusFilterInput.extend({
  by: z.enum(CORPUS_DIMENSIONS).optional(),
});
export type CorpusLanguageInput = z.input<typeof CorpusLanguageInput>;

export async function getCorpusLanguage(
  ctx: UseCaseContext,
  raw: CorpusLanguageInput,
): Promise<LanguageTable> {
  if (!policies.viewCorpus(ctx.actor)) throw new AppError('NOT_FOUND');
  const input = CorpusLanguageInput.parse(raw);
  const by = input.by ?? 'year';
  return buildLanguageTable(by, await corpusLanguageGroups(ctx.db, by, input));
}
