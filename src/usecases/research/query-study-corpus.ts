// The coding query over a thematic review's codings of published reports: thematic codes (the
// chosen ones, else every code used) by a context dimension of the reports (year published,
// framework, overall grade, Ofsted region), within the study's corpus and the query's filters.
// Each cell counts codings and the reports they are in and opens its passages
// (open-study-corpus-cell.ts). Published reports are public: no suppression. Logged as every
// research query is.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { corpusCodingMatrix } from '../../data/repositories/corpus-codings.js';
import { listThematicCodes } from '../../data/repositories/research-studies.js';
import {
  CORPUS_CODING_DIMENSIONS,
  codingMatrix,
  studyCorpusFilters,
  type CodingMatrix,
} from '../../domain/corpus/coding-query.js';
import { CorpusFilterInput } from '../../domain/corpus/filters.js';
import type { UseCaseContext } from '../context.js';
import { studyForCorpus } from './study-corpus.js';

const list = z.preprocess(
  (v) =>
    v === undefined || v === ''
      ? []
      : (Array.isArray(v) ? v : String(v).split(',')).map((x) => String(x).trim()).filter(Boolean),
  z.array(z.string().max(120)).max(100),
);

export const QueryStudyCorpusInput = CorpusFilterInput.extend({
  studyId: z.string(),
  dimension: z.enum(CORPUS_CODING_DIMENSIONS).default('year'),
  /** Thematic code keys (rows); empty: every code the study used on reports. */
  codes: list.optional(),
});
export type QueryStudyCorpusInput = z.input<typeof QueryStudyCorpusInput>;

export async function queryStudyCorpus(
  ctx: UseCaseContext,
  raw: QueryStudyCorpusInput,
): Promise<
  CodingMatrix & {
    study: { id: string; title: string };
    themes: Array<{ key: string; name: string }>;
  }
> {
  const input = QueryStudyCorpusInput.parse(raw);
  const study = await studyForCorpus(ctx, input.studyId);
  const filters = studyCorpusFilters(study.selection, input);
  const cells = await corpusCodingMatrix(ctx.db, study.id, filters, input.dimension);
  const themes = await listThematicCodes(ctx.db);
  const matrix = codingMatrix(input.dimension, cells, themes, input.codes ?? []);
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'research.queried',
      entityType: 'research_study',
      entityId: study.id,
      after: {
        what: 'corpus-coding-query',
        dimension: input.dimension,
        codes: input.codes ?? [],
        filters: { ...filters },
      },
    }),
  );
  return {
    ...matrix,
    study: { id: study.id, title: study.title },
    themes: themes.map((t) => ({ key: t.key, name: t.name })),
  };
}
