// The report's grade table against the judgements: a draft assembled before the consistency
// panel or quality assurance changed a grade would otherwise go to the LA, or be published,
// with the old grade. Pure: the use cases bring the judgements.
import type { ReportJudgement } from '../judgements/report-input.js';
import type { ReportDocument, ReportSection } from './types.js';

export const NOT_GRADED = 'Not yet graded';

export interface GradeMismatch {
  judgementKey: string;
  title: string;
  /** What the draft's grade table says. */
  inDraft: string;
  /** What the judgement now is. */
  judged: string;
}

/** Grade table rows that no longer match the judgements (matched by the judgement's title). */
export function gradeMismatches(
  document: ReportDocument,
  judgements: readonly ReportJudgement[],
): GradeMismatch[] {
  const out: GradeMismatch[] = [];
  for (const section of document.sections) {
    if (section.content !== 'grade_table') continue;
    for (const row of section.tables.flatMap((t) => t.rows)) {
      const j = judgements.find((x) => x.title === row[0]);
      const judged = j?.gradeLabel ?? NOT_GRADED;
      if (j && row[1] !== judged)
        out.push({ judgementKey: j.judgementKey, title: j.title, inDraft: row[1] ?? '', judged });
    }
  }
  return out;
}

/** The document with every grade table's grades taken from the judgements. */
export function withCurrentGrades(
  document: ReportDocument,
  judgements: readonly ReportJudgement[],
): ReportDocument {
  const update = (section: ReportSection): ReportSection =>
    section.content !== 'grade_table'
      ? section
      : {
          ...section,
          tables: section.tables.map((t) => ({
            ...t,
            rows: t.rows.map((row) => {
              const j = judgements.find((x) => x.title === row[0]);
              return j ? [row[0] ?? '', j.gradeLabel ?? NOT_GRADED, ...row.slice(2)] : row;
            }),
          })),
        };
  return { ...document, sections: document.sections.map(update) };
}
