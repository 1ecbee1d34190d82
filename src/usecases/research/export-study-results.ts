// Export a study's query results (CSV, or XLSX with the study's question and memos): the same
// suppressed counts the page shows. QDPX (REFI-QDA) carries each row's pseudonymised passages
// across the study's inspections (rows under the threshold: none), coded by row, with the memos.
// All three carry the study's own codings (thematic codes on its records) and its codings of
// published reports (CSV and XLSX counted per code and listed; QDPX each coded report a source).
// Logged as queries.
import { z } from 'zod';
import {
  corpusCodingCounts,
  listStudyCodedReports,
  listStudyCorpusCodingsForExport,
} from '../../data/repositories/corpus-codings.js';
import { listStudyMemos } from '../../data/repositories/research-studies.js';
import {
  reportCodingLines,
  resultCsv,
  resultXlsx,
  studyCodingLines,
} from '../../domain/research/export.js';
import { ResearchQuery, type ResearchPassage } from '../../domain/research/query.js';
import {
  PUBLISHED_REPORTS,
  studyQdpx,
  type StudyCodedRecord,
} from '../../domain/research/study-qdpx.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import { openResearchCell } from './open-research-cell.js';
import type { UseCaseContext } from '../context.js';
import { runResearchQuery } from './run-research-query.js';
import { studyFor } from './study-scope.js';
import { studyCodingsForExport } from './study-records.js';

export const ExportStudyResultsInput = z.object({
  studyId: z.string(),
  query: ResearchQuery.omit({ studyId: true }),
  format: z.enum(['csv', 'xlsx', 'qdpx']),
});
export type ExportStudyResultsInput = z.input<typeof ExportStudyResultsInput>;

export interface ResearchExport {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

export async function exportStudyResults(
  ctx: UseCaseContext,
  raw: ExportStudyResultsInput,
): Promise<ResearchExport> {
  const input = ExportStudyResultsInput.parse(raw);
  const study = await studyFor(ctx, input.studyId);
  if (input.format === 'qdpx') return exportQdpx(ctx, study, input.query.rows);
  const result = await runResearchQuery(ctx, { ...input.query, studyId: study.id });
  const name = `research-${input.query.kind}`;
  const own = await studyCodingsForExport(ctx, study.id);
  const counts = [
    ...studyCodingLines(own.counts),
    ...reportCodingLines(await corpusCodingCounts(ctx.db, study.id)),
  ];
  if (input.format === 'csv')
    return {
      fileName: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: resultCsv(result, counts),
    };
  const reportCodings = await listStudyCorpusCodingsForExport(ctx.db, study.id);
  const memos = await listStudyMemos(ctx.db, study.id);
  return {
    fileName: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: resultXlsx(result, {
      title: study.title,
      question: study.question,
      memos: memos.map((m) => ({ author: m.authorLabel, body: m.body })),
      counts,
      codings: [
        ...own.lines,
        ...reportCodings.map((c) => ({
          inspection: `Published report: ${c.report}`,
          record: c.file,
          theme: c.themeName,
          passage: c.text,
          coder: c.coderLabel,
          at: c.createdAt.toISOString(),
        })),
      ],
    }),
  };
}

async function exportQdpx(
  ctx: UseCaseContext,
  study: Awaited<ReturnType<typeof studyFor>>,
  rowKeys: string[],
): Promise<ResearchExport> {
  const query = { kind: 'coding' as const, rows: rowKeys, studyId: study.id };
  const result = await runResearchQuery(ctx, query);
  const rows: Array<{
    key: string;
    label: string;
    passages: ResearchPassage[];
    suppressed: boolean;
  }> = [];
  for (const [i, row] of result.rows.entries()) {
    try {
      const cell = await openResearchCell(ctx, { query, row: i, column: 'all' });
      rows.push({ ...row, passages: cell.passages, suppressed: false });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'CELL_SUPPRESSED') throw err;
      rows.push({ ...row, passages: [], suppressed: true });
    }
  }
  const memos = await listStudyMemos(ctx.db, study.id);
  const own = await studyCodingsForExport(ctx, study.id);
  return {
    fileName: 'research-study.qdpx',
    contentType: 'application/zip',
    body: studyQdpx({
      study: { id: study.id, title: study.title, question: study.question },
      rows,
      memos: memos.map((m) => ({
        author: m.authorLabel,
        body: m.body,
        at: m.createdAt.toISOString(),
      })),
      coded: [...own.coded, ...(await codedReports(ctx, study.id))],
      at: now().toISOString(),
    }),
  };
}

/** The study's codings of published reports as coded sources: each report whole, by its file name. */
async function codedReports(ctx: UseCaseContext, studyId: string): Promise<StudyCodedRecord[]> {
  const reports = await listStudyCodedReports(ctx.db, studyId);
  return reports.map((r) => ({
    record: r.fileName,
    description: `Published report: ${r.laName}, ${r.publishedOn}: ${r.title}; coded in the study`,
    inspection: `${PUBLISHED_REPORTS}: ${r.laName}`,
    la: r.laName,
    method: 'published report',
    text: r.body,
    codings: r.codings.map((c) => ({
      id: c.id,
      themeKey: c.themeKey,
      themeName: c.themeName,
      start: c.start,
      end: c.end,
      coder: c.coderLabel,
      at: c.createdAt.toISOString(),
    })),
  }));
}
