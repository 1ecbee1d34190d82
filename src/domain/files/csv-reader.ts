// Reads one CSV file as a one-sheet spreadsheet: UTF-8 (with or without a byte-order mark) or,
// failing that, Windows-1252; comma, semicolon or tab separated (whichever the first line uses
// most); quoted fields with embedded separators and newlines. Every cell is text or null.
import { parse } from 'csv-parse/sync';
import {
  CsvQuoteError,
  DEFAULT_MAX_CELL_CHARS,
  DEFAULT_MAX_COLUMNS,
  SpreadsheetError,
  type CellValue,
  type ReadOptions,
  type SheetVisitor,
} from './spreadsheet.js';

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length).slice(0, 10_000);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

/** Whether the bytes look like text rather than a binary format. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return true;
}

/** Excel's name for a column: 1 -> A, 27 -> AA. */
function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Splits the text into records with the line each starts on. A quote left open is an error naming
 * the row it opens on; with `singleLineValues`, so is a quoted value running over several lines
 * (in files where no value holds a line break, that is a stray quote merging rows).
 */
function records(
  text: string,
  sheetName: string,
  options: ReadOptions,
): { cells: string[]; line: number }[] {
  const singleLineValues = options.singleLineValues === true;
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  // A row (all its cells together) may hold this many characters: stops a 30 MB "cell" early.
  const maxRowChars = maxColumns * 16 + maxCellChars * 4;
  const tooLong = (err: unknown): SpreadsheetError => {
    const line = (err as { lines?: number }).lines;
    return new SpreadsheetError(
      `${sheetName}: ${line ? `row ${line}` : 'a row'} is longer than ${maxRowChars.toLocaleString('en-GB')} characters, the most a row may hold (at most ${maxColumns.toLocaleString('en-GB')} columns and ${maxCellChars.toLocaleString('en-GB')} characters in a cell); it was not read further.`,
    );
  };
  let skipped: { code?: string; message: string } | null = null;
  let parsed: CsvRecord[];
  try {
    parsed = parse(text, {
      max_record_size: maxRowChars,
      // With `info`, csv-parse hands on_record the record with its info (its types say otherwise).
      on_record: ((r: CsvRecord) =>
        checkRecord(r, sheetName, maxColumns, maxCellChars)) as unknown as (
        record: string[],
      ) => string[],
      delimiter: guessDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw tooLong(err);
        skipped ??= err as { code?: string; message: string };
        return undefined;
      },
    }) as unknown as CsvRecord[];
  } catch (err) {
    if (err instanceof SpreadsheetError) throw err;
    if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw tooLong(err);
    throw new SpreadsheetError(`The CSV file could not be read: ${(err as Error).message}`);
  }
  const out: { cells: string[]; line: number }[] = [];
  let lastLine = 0;
  for (const r of parsed) {
    const breaks = r.record.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const line = r.info.lines - breaks;
    if (singleLineValues && breaks > 0) {
      const col = r.record.findIndex((v) => /[\r\n]/.test(v));
      throw new CsvQuoteError(
        `Row ${line}: the value in column ${columnLetter(col + 1)} starts with a quote (") that is only closed on row ${r.info.lines}, so rows ${line} to ${r.info.lines} would be read as one row. Annex A values never run over several lines: check the quotes on row ${line}.`,
        sheetName,
        line,
        columnLetter(col + 1),
      );
    }
    out.push({ cells: r.record, line });
    lastLine = r.info.lines;
  }
  const failure = skipped as { code?: string; message: string } | null;
  if (failure) {
    const line = lastLine + 1;
    if (failure.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new CsvQuoteError(
        `Row ${line}: a quote (") opens a value that is never closed, so everything after it would be read as one value. Check the quotes on row ${line}.`,
        sheetName,
        line,
        null,
      );
    throw new CsvQuoteError(
      `Row ${line}: the CSV file could not be read (${failure.message}).`,
      sheetName,
      line,
      null,
    );
  }
  return out;
}

/** Refuses a row with more columns, or a cell with more characters, than any spreadsheet holds. */
function checkRecord(
  r: CsvRecord,
  sheetName: string,
  maxColumns: number,
  maxCellChars: number,
): CsvRecord {
  if (r.record.length > maxColumns)
    throw new SpreadsheetError(
      `${sheetName}: row ${r.info.lines} has ${r.record.length.toLocaleString('en-GB')} columns; the limit is ${maxColumns.toLocaleString('en-GB')}.`,
    );
  const long = r.record.findIndex((v) => v.length > maxCellChars);
  if (long >= 0)
    throw new SpreadsheetError(
      `${sheetName}: row ${r.info.lines}, column ${columnLetter(long + 1)} holds ${r.record[long]!.length.toLocaleString('en-GB')} characters; a cell may hold at most ${maxCellChars.toLocaleString('en-GB')}.`,
    );
  return r;
}

export async function readCsv(
  bytes: Uint8Array,
  sheetName: string,
  visitor: SheetVisitor,
  options: ReadOptions = {},
  sheetIndex = 0,
): Promise<void> {
  const text = decodeText(bytes);
  const recs = records(text, sheetName, options);
  const maxRows = options.maxRowsPerSheet ?? 1_048_576;
  if (recs.length > maxRows)
    throw new SpreadsheetError(`The CSV file has more than ${maxRows} rows.`);
  if (visitor.startSheet(sheetName, sheetIndex) === false) return;
  for (let i = 0; i < recs.length; i++) {
    const rec = recs[i]!;
    const cells: CellValue[] = rec.cells.map((v) => (v === '' ? null : v));
    if (cells.some((c) => c !== null)) visitor.row(cells, rec.line);
  }
  visitor.endSheet?.(sheetName);
  options.onProgress?.(1);
}
