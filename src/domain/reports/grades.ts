// The parts of a draft made from the judgements (the grade table, and headings that carry a
// grade) against a fresh assembly from the judgements as they are now. A draft assembled before
// the consistency panel or quality assurance changed a grade would otherwise go to the LA, or be
// published, with the old grade. Pure: the use cases bring both documents.
import type { ReportDocument, ReportSection } from './types.js';

export const NOT_GRADED = 'Not yet graded';

export interface GradeMismatch {
  sectionKey: string;
  /** A grade table row, or a section heading. */
  kind: 'grade' | 'heading';
  /** The judgement's title (grade rows) or the heading it should now have. */
  label: string;
  /** What the draft says. */
  inDraft: string;
  /** What it says when assembled now. */
  now: string;
}

/** Every grade row and heading of the draft that a fresh assembly would write differently. */
export function gradeMismatches(draft: ReportDocument, fresh: ReportDocument): GradeMismatch[] {
  const out: GradeMismatch[] = [];
  for (const section of draft.sections) {
    const f = fresh.sections.find((x) => x.key === section.key);
    if (!f) continue;
    if (section.content === 'grade_table') {
      const now = new Map(f.tables.flatMap((t) => t.rows).map((r) => [r[0], r[1] ?? '']));
      for (const row of section.tables.flatMap((t) => t.rows)) {
        const judged = now.get(row[0]);
        if (judged !== undefined && judged !== row[1])
          out.push({
            sectionKey: section.key,
            kind: 'grade',
            label: row[0] ?? '',
            inDraft: row[1] ?? '',
            now: judged,
          });
      }
    } else if (section.content !== 'title' && (section.heading ?? '') !== (f.heading ?? '')) {
      out.push({
        sectionKey: section.key,
        kind: 'heading',
        label: f.heading ?? '',
        inDraft: section.heading ?? '',
        now: f.heading ?? '',
      });
    }
  }
  return out;
}

/**
 * The draft with its grade tables and section headings taken from the fresh assembly. Every text
 * tied to a changed grade is flagged for review (release and publication wait until it is read
 * again): a section whose heading carries the grade, and the summaries that speak of all grades.
 */
export function withCurrentGrades(draft: ReportDocument, fresh: ReportDocument): ReportDocument {
  const mismatches = gradeMismatches(draft, fresh);
  const changed = mismatches.map((m) => `${m.inDraft} → ${m.now}`).join('; ');
  const retitled = new Set(mismatches.filter((m) => m.kind === 'heading').map((m) => m.sectionKey));
  const tiedToGrades = (s: ReportSection) =>
    retitled.has(s.key) ||
    s.content === 'plain_grades' ||
    (s.content === 'narrative' && s.key === 'summary');
  const update = (section: ReportSection): ReportSection => {
    const f = fresh.sections.find((x) => x.key === section.key);
    if (!f || section.content === 'title') return section;
    const flag =
      mismatches.length > 0 && section.content !== 'grade_table' && tiedToGrades(section);
    return {
      ...section,
      heading: f.heading,
      tables: section.content === 'grade_table' ? f.tables : section.tables,
      ...(flag ? { reviewNeeded: `A grade changed after this was written (${changed}).` } : {}),
    };
  };
  return { ...draft, sections: draft.sections.map(update) };
}
