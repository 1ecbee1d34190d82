// Paragraph numbers run continuously across the whole report (ILACS: "1." in the summary to the
// last paragraph of the last judgement); unnumbered sections (tables, lists, letters) skip them.
import type { ReportSection } from './types.js';

/** For each section, each paragraph's number, or null when the section is not numbered. */
export function numberParagraphs(sections: readonly ReportSection[]): (number | null)[][] {
  let next = 1;
  return sections.map((s) => s.paragraphs.map(() => (s.numbered ? next++ : null)));
}

/** Which section and paragraph carries a printed paragraph number (for comments). */
export function locateParagraph(
  sections: readonly ReportSection[],
  number: number,
): { sectionKey: string; index: number } | null {
  const numbers = numberParagraphs(sections);
  for (const [i, list] of numbers.entries()) {
    const index = list.indexOf(number);
    if (index >= 0) return { sectionKey: sections[i]?.key ?? '', index };
  }
  return null;
}
