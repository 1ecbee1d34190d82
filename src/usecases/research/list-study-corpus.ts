// A thematic review's published reports: the corpus documents its selection of inspections by
// context selects (region, grade, framework, year), narrowed by the page's filters and a phrase,
// newest first, each with how many of the study's codings it holds; the counts per thematic code
// across the study's codings of reports; and whether the actor may code.
import { z } from 'zod';
import {
  corpusFacets,
  searchCorpusDocuments,
  type CorpusHit,
} from '../../data/repositories/corpus.js';
import {
  corpusCodingCounts,
  corpusCodingsPerDocument,
} from '../../data/repositories/corpus-codings.js';
import { listThematicCodes, type ThematicCode } from '../../data/repositories/research-studies.js';
import { policies } from '../../domain/access/policies.js';
import { studyCorpusFilters } from '../../domain/corpus/coding-query.js';
import { CorpusFilterInput } from '../../domain/corpus/filters.js';
import { describeSelection } from '../../domain/research/selection.js';
import type { UseCaseContext } from '../context.js';
import { studyForCorpus } from './study-corpus.js';

export const PAGE_SIZE = 20;

export const ListStudyCorpusInput = CorpusFilterInput.extend({
  studyId: z.string(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type ListStudyCorpusInput = z.input<typeof ListStudyCorpusInput>;

export interface StudyCorpusPage {
  study: { id: string; title: string; selection: string };
  q: string;
  total: number;
  page: number;
  pages: number;
  documents: Array<CorpusHit & { codings: number }>;
  /** What the whole corpus holds to filter by (documents stored, all studies alike). */
  facets: Awaited<ReturnType<typeof corpusFacets>>;
  themes: ThematicCode[];
  counts: Array<{ key: string; name: string; codings: number; documents: number }>;
  can: { code: boolean };
}

export async function listStudyCorpus(
  ctx: UseCaseContext,
  raw: ListStudyCorpusInput,
): Promise<StudyCorpusPage> {
  const input = ListStudyCorpusInput.parse(raw);
  const study = await studyForCorpus(ctx, input.studyId);
  const page = input.page ?? 1;
  const q = (input.q ?? '').trim();
  const filters = studyCorpusFilters(study.selection, input);
  const found = await searchCorpusDocuments(ctx.db, filters, q, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const per = await corpusCodingsPerDocument(
    ctx.db,
    study.id,
    found.hits.map((h) => h.id),
  );
  return {
    study: { id: study.id, title: study.title, selection: describeSelection(study.selection) },
    q,
    total: found.total,
    page,
    pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    documents: found.hits.map((h) => ({ ...h, codings: per.get(h.id) ?? 0 })),
    facets: await corpusFacets(ctx.db),
    themes: await listThematicCodes(ctx.db),
    counts: await corpusCodingCounts(ctx.db, study.id),
    can: { code: policies.codeResearchStudy(ctx.actor, study) },
  };
}
