// A research result as a table for CSV or XLSX: one line per cell, counts as shown (suppressed
// cells as "<5", never their value), with the memos of the study on a second sheet and the
// study's own codings (counts per thematic code, and each coding on a third sheet).
import { writeXlsx, type WriteCell } from '../files/writers.js';
import { safeCell, sheetName, tableCsv, type Column, type TableCell } from '../exports/table.js';
import type { ResearchResult } from './query.js';

export interface ResultLine {
  row: string;
  column: string;
  records: string;
  references: string;
}

export const resultColumns: Column<ResultLine>[] = [
  { header: 'Row', value: (r) => r.row },
  { header: 'Column', value: (r) => r.column },
  { header: 'Evidence records', value: (r) => r.records },
  { header: 'Coding references', value: (r) => r.references },
];

export function resultLines(r: ResearchResult): ResultLine[] {
  return r.rows.flatMap((row, i) =>
    (r.cells[i] ?? []).map((c) => ({
      row: row.label,
      column: c.columnLabel,
      records: c.records.display,
      references: c.references.display,
    })),
  );
}

/** A study's own codings as result lines: one per thematic code, across the study. */
export function studyCodingLines(
  counts: Array<{ name: string; codings: number; records: number }>,
): ResultLine[] {
  return counts.map((c) => ({
    row: `Study coding: ${c.name}`,
    column: 'Coded in this study',
    records: String(c.records),
    references: String(c.codings),
  }));
}

/** A study's codings of published reports as result lines: one per thematic code. */
export function reportCodingLines(
  counts: Array<{ name: string; codings: number; documents: number }>,
): ResultLine[] {
  return counts.map((c) => ({
    row: `Report coding: ${c.name}`,
    column: 'Coded in published reports (records: reports)',
    records: String(c.documents),
    references: String(c.codings),
  }));
}

export interface StudyCodingLine {
  inspection: string;
  record: string;
  theme: string;
  passage: string;
  coder: string;
  at: string;
}

export function resultCsv(r: ResearchResult, extra: ResultLine[] = []): string {
  return tableCsv(resultColumns, [...resultLines(r), ...extra]);
}

export function resultXlsx(
  r: ResearchResult,
  about: {
    title: string;
    question: string;
    memos: Array<{ author: string; body: string }>;
    /** The study's own codings: counted on the results sheet, listed on their own sheet. */
    counts?: ResultLine[];
    codings?: StudyCodingLine[];
  },
): Uint8Array {
  const row = (cells: TableCell[]) => cells.map(safeCell) as WriteCell[];
  const results = [
    row(resultColumns.map((c) => c.header)),
    ...[...resultLines(r), ...(about.counts ?? [])].map((l) =>
      row(resultColumns.map((c) => c.value(l))),
    ),
  ];
  const codings = [
    row(['Inspection', 'Record', 'Thematic code', 'Passage', 'Coded by', 'Coded at']),
    ...(about.codings ?? []).map((c) =>
      row([c.inspection, c.record, c.theme, c.passage, c.coder, c.at]),
    ),
  ];
  const notes = [
    row(['Study', about.title]),
    row(['Question', about.question]),
    row(['Inspections', `${r.inspections} (${r.selection})`]),
    row(['Suppression', `Counts from 1 to ${r.threshold - 1} are shown as <${r.threshold}`]),
    row(['Codebook version', r.codebookVersion ?? 'none']),
    row([]),
    row(['Memo by', 'Memo']),
    ...about.memos.map((m) => row([m.author, m.body])),
  ];
  return writeXlsx([
    { name: sheetName('Results'), rows: results },
    { name: sheetName('Study and memos'), rows: notes },
    { name: sheetName('Study codings'), rows: codings },
  ]);
}
