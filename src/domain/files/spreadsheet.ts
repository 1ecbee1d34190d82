// The spreadsheet model every reader produces: sheets of rows of cells, streamed to a visitor so
// that large workbooks are never held in memory as a whole.

/** A date cell: Excel's serial day number (1900 system; ODS and 1904 dates are converted). */
export class SheetDate {
  constructor(readonly serial: number) {}

  /** The calendar day, YYYY-MM-DD (the time of day is dropped). */
  toIsoDate(): string {
    return serialToIsoDate(this.serial);
  }
}

/**
 * What a cell holds: text, a number, a boolean, a date, or nothing. Formula cells give their cached
 * value; error cells give their text (e.g. '#N/A').
 */
export type CellValue = string | number | boolean | SheetDate | null;

export interface SheetVisitor {
  /** A sheet starts; return false to skip it. */
  startSheet(name: string, index: number): boolean | void;
  /** One row: cells by column (0 = A), rowNumber as in the file (1-based). Empty rows may be skipped. */
  row(cells: CellValue[], rowNumber: number): void;
  endSheet?(name: string): void;
}

export interface ReadOptions {
  /** Called now and then with the fraction of the file read (0..1). */
  onProgress?: (fraction: number) => void;
  /** Yield to the event loop between pieces, so a server stays responsive. Default true. */
  yieldToEventLoop?: boolean;
  /** Most rows in one sheet (guards against repeated-row bombs in ODS). */
  maxRowsPerSheet?: number;
}

export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoDateToSerial(iso: string): number {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Math.round((t - EXCEL_EPOCH) / MS_PER_DAY);
}

/** Column letters (A, B, ..., AA) to a 0-based index. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** A 0-based column index to letters. */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
