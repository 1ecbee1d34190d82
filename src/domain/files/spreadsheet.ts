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
  /**
   * Awaited between pieces (about 1 MB of XML) instead of a bare yield: lets the caller hand rows
   * read so far to other work (e.g. a database insert running in parallel) and apply backpressure.
   */
  onPause?: () => Promise<void>;
  /** Most rows in one sheet (guards against repeated-row bombs in ODS). */
  maxRowsPerSheet?: number;
  /**
   * CSV: refuse a quoted value that runs over several lines (in files whose values never hold
   * line breaks, such as Annex A, it is a stray quote that merged rows).
   */
  singleLineValues?: boolean;
  /** Most columns in one row (default 16,384, Excel's own limit). */
  maxColumns?: number;
  /** Most characters in one cell (default 32,767, Excel's own limit). */
  maxCellChars?: number;
}

/** Excel's own limits, which no genuine spreadsheet exceeds: the readers refuse anything beyond. */
export const DEFAULT_MAX_COLUMNS = 16_384;
export const DEFAULT_MAX_CELL_CHARS = 32_767;

export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

/** A CSV whose quotes do not balance: names the CSV (its sheet name), the row and the column. */
export class CsvQuoteError extends SpreadsheetError {
  constructor(
    message: string,
    readonly sheet: string,
    readonly row: number,
    readonly column: string | null,
  ) {
    super(message);
    this.name = 'CsvQuoteError';
  }
}

/** Days since 1970-01-01 for a civil date (proleptic Gregorian), without Date objects. */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Excel serial 25569 is 1970-01-01 (serials count from 1899-12-30, after Excel's 1900 bug). */
const EXCEL_UNIX_OFFSET = 25_569;
const isoCache = new Map<number, string>();

export function serialToIsoDate(serial: number): string {
  const day = Math.floor(serial);
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = civilFromDays(day - EXCEL_UNIX_OFFSET);
    if (isoCache.size < 200_000) isoCache.set(day, iso);
  }
  return iso;
}

export function isoDateToSerial(iso: string): number {
  return (
    daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) +
    EXCEL_UNIX_OFFSET
  );
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
