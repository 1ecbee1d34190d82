// A report as a Word document (docx package): real headings (Heading 1/2), numbered paragraphs
// as text numbers (so numbering survives any editor), bullets, and the grade table.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { toBlocks } from './blocks.js';
import type { ReportDocument, ReportTable } from './types.js';

function table(t: ReportTable, showCaption: boolean): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (c) =>
          new TableCell({
            borders,
            children: [new Paragraph({ children: [new TextRun({ text: c, bold: header })] })],
          }),
      ),
    });
  return [
    ...(showCaption
      ? [new Paragraph({ children: [new TextRun({ text: t.caption, bold: true })] })]
      : []),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(t.head, true), ...t.rows.map((r) => row(r, false))],
    }),
    new Paragraph({}),
  ];
}

export async function renderReportDocx(
  doc: ReportDocument,
  opts: { status?: string | undefined } = {},
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  if (opts.status)
    children.push(new Paragraph({ children: [new TextRun({ text: opts.status, bold: true })] }));
  for (const b of toBlocks(doc)) {
    if (b.kind === 'title')
      children.push(new Paragraph({ text: b.text, heading: HeadingLevel.TITLE }));
    else if (b.kind === 'heading')
      children.push(
        new Paragraph({
          text: b.text,
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        }),
      );
    else if (b.kind === 'table') children.push(...table(b.table, b.showCaption));
    else if (b.number !== null)
      children.push(
        new Paragraph({
          alignment: AlignmentType.LEFT,
          indent: { left: 567, hanging: 567 },
          children: [new TextRun(`${b.number}.\t${b.text}`)],
        }),
      );
    else if (b.bullet) children.push(new Paragraph({ text: b.text, bullet: { level: 0 } }));
    else children.push(new Paragraph({ text: b.text }));
  }
  const document = new Document({
    title: doc.title,
    creator: 'Triangulate',
    styles: { default: { document: { run: { font: 'Arial', size: 24 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
