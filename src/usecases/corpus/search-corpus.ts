// Search the corpus of published reports: a phrase (case-insensitive, as written) within the
// documents selected by LA context (region, year, framework, grade, kind), newest first, with the
// text around the first occurrence. Published reports are public: everyone signed in may search.
import { z } from 'zod';
import {
  corpusFacets,
  searchCorpusDocuments,
  type CorpusFacets,
  type CorpusHit,
} from '../../data/repositories/corpus.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { CorpusFilterInput } from '../../domain/corpus/filters.js';

/** The filter values the corpus holds, as the pages offer them. */
export type { CorpusFacets };

export const PAGE_SIZE = 25;

export const SearchCorpusInput = CorpusFilterInput.extend({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type SearchCorpusInput = z.input<typeof SearchCorpusInput>;

export interface CorpusSearch {
  q: string;
  total: number;
  page: number;
  pages: number;
  hits: CorpusHit[];
  facets: CorpusFacets;
  canImport: boolean;
}

export async function searchCorpus(
  ctx: UseCaseContext,
  raw: SearchCorpusInput,
): Promise<CorpusSearch> {
  if (!policies.viewCorpus(ctx.actor)) throw new AppError('NOT_FOUND');
  const input = SearchCorpusInput.parse(raw);
  const page = input.page ?? 1;
  const q = (input.q ?? '').trim();
  const [found, facets] = await Promise.all([
    searchCorpusDocuments(ctx.db, input, q, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    corpusFacets(ctx.db),
  ]);
  return {
    q,
    total: found.total,
    page,
    pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    hits: found.hits,
    facets,
    canImport: policies.importCorpus(ctx.actor),
  };
}
