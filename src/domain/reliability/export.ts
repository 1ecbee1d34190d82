// A study's results as files: CSV and XLSX (one row per evidence base and judgement, safe against
// spreadsheet formula injection: src/domain/exports) and a Word document (docx package, as the
// reports are made) with the summary, the tables in the format of Tables 5 and 6, the agreement
// statistics and the alignment of areas for improvement.
import {
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
import type { AgreementReport } from '../agreement/index.js';
import { tableCsv, tableXlsx, type Column } from '../exports/table.js';
import type { StudyResults } from './results.js';

interface Row {
  table: string;
  base: string;
  published: string;
  judgement: string;
  outcome: string;
}

export function resultRows(r: StudyResults): Row[] {
  return r.tables.flatMap((t) =>
    t.rows.flatMap((row) =>
      row.cells.map((outcome, i) => ({
        table: t.caption,
        base: row.base,
        published: row.published,
        judgement: t.head[i + 1] ?? '',
        outcome,
      })),
    ),
  );
}

const columns: Column<Row>[] = [
  { header: 'Table', value: (r) => r.table },
  { header: 'Evidence base', value: (r) => r.base },
  { header: 'Published', value: (r) => r.published },
  { header: 'Judgement', value: (r) => r.judgement },
  { header: 'Reviewers', value: (r) => r.outcome },
];

export const resultsCsv = (r: StudyResults): string => tableCsv(columns, resultRows(r));
export const resultsXlsx = (r: StudyResults): Uint8Array =>
  tableXlsx('Study results', columns, resultRows(r));

/** "0.81 (0.55 to 1.00)", or why there is no value. */
export function statisticText(s: AgreementReport['results'][number]): string {
  if (s.value === null) return s.reason ?? 'not defined';
  const v = s.value.toFixed(2);
  return s.interval ? `${v} (${s.interval.lower.toFixed(2)} to ${s.interval.upper.toFixed(2)})` : v;
}

function docTable(head: string[], rows: string[][]): Table {
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (c) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text: c, bold: header })] })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

export async function resultsDocx(title: string, r: StudyResults): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
    ...r.summary.map((s) => new Paragraph({ text: s })),
  ];
  for (const t of r.tables) {
    children.push(new Paragraph({ text: t.caption, heading: HeadingLevel.HEADING_1 }));
    children.push(
      docTable(
        t.head,
        t.rows.map((row) => [`${row.base}\n${row.published}`, ...row.cells]),
      ),
    );
  }
  for (const [name, rep] of [
    ['Agreement with the published judgements', r.withPublished],
    ['Agreement between pairs', r.betweenPairs],
  ] as const) {
    if (!rep) continue;
    children.push(new Paragraph({ text: name, heading: HeadingLevel.HEADING_1 }));
    children.push(
      docTable(
        ['Statistic', 'Value (95% interval)', 'Units', 'Raters'],
        rep.results.map((s) => [s.name, statisticText(s), String(s.units), String(s.raters)]),
      ),
    );
  }
  children.push(new Paragraph({ text: 'Areas for improvement', heading: HeadingLevel.HEADING_1 }));
  children.push(new Paragraph({ text: r.alignmentMethod }));
  for (const a of r.alignment)
    for (const w of a.withPublished)
      children.push(
        new Paragraph({
          text: `${a.base}, ${w.pair}: ${w.matched} of ${w.total} areas match (${w.share === null ? 'not measured' : `${Math.round(w.share * 100)}%`}).`,
        }),
      );
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
