// A document as a flat run of blocks (headings, numbered or bulleted paragraphs, tables) that the
// HTML, DOCX and PDF renderers all print the same way. Empty sections are left out (a letter
// with no areas for priority action has no such heading).
import { numberParagraphs } from './numbering.js';
import type { ReportDocument, ReportTable } from './types.js';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; number: number | null; bullet: boolean }
  /** showCaption is false when the section's heading already says what the caption would. */
  | { kind: 'table'; table: ReportTable; showCaption: boolean };

export function toBlocks(doc: ReportDocument): Block[] {
  const numbers = numberParagraphs(doc.sections);
  const blocks: Block[] = [];
  doc.sections.forEach((s, i) => {
    if (s.content === 'title') {
      if (s.heading)
        blocks.push(i === 0 ? { kind: 'title', text: s.heading } : heading(1, s.heading));
      return;
    }
    if (s.paragraphs.length === 0 && s.tables.length === 0) return;
    if (s.heading) blocks.push(heading(s.level, s.heading));
    s.paragraphs.forEach((text, k) =>
      blocks.push({ kind: 'paragraph', text, number: numbers[i]?.[k] ?? null, bullet: s.list }),
    );
    for (const table of s.tables)
      blocks.push({ kind: 'table', table, showCaption: table.caption !== s.heading });
  });
  return blocks;
}

function heading(level: 1 | 2, text: string): Block {
  return { kind: 'heading', level, text };
}
