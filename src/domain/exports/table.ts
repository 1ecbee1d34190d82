// Tables to CSV and XLSX for the analysis exports (passages, matrices): columns declared once,
// rows taken from any iterable. Every text cell is neutralised against spreadsheet formula
// injection: the shared rule (= + - @ tab CR at the start, src/domain/files/cell-safety.ts) and,
// here, the same characters after leading spaces and in their full-width forms (＝ ＋ － ＠),
// which some spreadsheet programs also treat as the start of a formula. CSV starts with a UTF-8
// byte-order mark so that spreadsheet programs read accents and emoji correctly.
import { toCsv } from '../files/cell-safety.js';
import { writeXlsx, type WriteCell } from '../files/writers.js';

export type TableCell = string | number | boolean | null | undefined;

export interface Column<R> {
  header: string;
  value(row: R): TableCell;
}

const RISKY = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** A text value made safe to open in a spreadsheet (numbers and booleans pass unchanged). */
export function safeCell(v: TableCell): TableCell {
  return typeof v === 'string' && RISKY.test(v) ? `'${v}` : v;
}

/** Excel keeps at most 32,767 characters in a cell. */
export const XLSX_CELL_LIMIT = 32_767;

function* cells<R>(
  columns: Column<R>[],
  rows: Iterable<R>,
  limit?: number,
): Generator<TableCell[]> {
  yield columns.map((c) => c.header);
  for (const r of rows)
    yield columns.map((c) => {
      const v = safeCell(c.value(r));
      return limit && typeof v === 'string' && v.length > limit ? `${v.slice(0, limit - 1)}…` : v;
    });
}

export function tableCsv<R>(columns: Column<R>[], rows: Iterable<R>): string {
  return `\ufeff${toCsv(cells(columns, rows))}`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}

export function tableXlsx<R>(sheet: string, columns: Column<R>[], rows: Iterable<R>): Uint8Array {
  return writeXlsx([
    {
      name: sheetName(sheet),
      rows: cells(columns, rows, XLSX_CELL_LIMIT) as Iterable<WriteCell[]>,
    },
  ]);
}
