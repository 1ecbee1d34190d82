// One cell of the coding query over a study's codings of published reports: the thematic code's
// passages in reports with that value of the dimension ("unknown": not known), each with the
// words around it and its report, to open at the passage. Logged as every research query is.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  corpusCodingPassages,
  type CorpusPassage,
} from '../../data/repositories/corpus-codings.js';
import { listThematicCodes } from '../../data/repositories/research-studies.js';
import {
  CORPUS_CODING_DIMENSIONS,
  codingDimensionLabels,
  codingValueLabel,
  studyCorpusFilters,
  UNKNOWN,
} from '../../domain/corpus/coding-query.js';
import { CorpusFilterInput } from '../../domain/corpus/filters.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyForCorpus } from './study-corpus.js';

export const OpenStudyCorpusCellInput = CorpusFilterInput.extend({
  studyId: z.string(),
  dimension: z.enum(CORPUS_CODING_DIMENSIONS).default('year'),
  code: z.string().trim().max(120),
  value: z.string().trim().max(120),
});
export type OpenStudyCorpusCellInput = z.input<typeof OpenStudyCorpusCellInput>;

/** Passages shown for one cell (the count says how many there are in all). */
export const CELL_LIMIT = 200;

export interface StudyCorpusCell {
  study: { id: string; title: string };
  theme: { key: string; name: string };
  dimensionLabel: string;
  valueLabel: string;
  total: number;
  passages: CorpusPassage[];
}

export async function openStudyCorpusCell(
  ctx: UseCaseContext,
  raw: OpenStudyCorpusCellInput,
): Promise<StudyCorpusCell> {
  const input = OpenStudyCorpusCellInput.parse(raw);
  const study = await studyForCorpus(ctx, input.studyId);
  const theme = (await listThematicCodes(ctx.db)).find((t) => t.key === input.code);
  if (!theme) throw new AppError('NOT_FOUND');
  const value = input.value === UNKNOWN ? null : input.value;
  const filters = studyCorpusFilters(study.selection, input);
  const r = await corpusCodingPassages(
    ctx.db,
    study.id,
    filters,
    input.dimension,
    value,
    theme.key,
    CELL_LIMIT,
  );
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'research.queried',
      entityType: 'research_study',
      entityId: study.id,
      after: {
        what: 'corpus-coding-cell',
        dimension: input.dimension,
        value,
        code: theme.key,
        filters: { ...filters },
      },
    }),
  );
  return {
    study: { id: study.id, title: study.title },
    theme: { key: theme.key, name: theme.name },
    dimensionLabel: codingDimensionLabels[input.dimension],
    valueLabel: codingValueLabel(input.dimension, value),
    total: r.total,
    passages: r.passages,
  };
}
