// Reads one CSV file as a one-sheet spreadsheet: UTF-8 (with or without a byte-order mark) or,
// failing that, Windows-1252; comma, semicolon or tab separated (whichever the first line uses
// most); quoted fields with embedded separators and newlines. Every cell is text or null.
import { parse } from 'csv-parse/sync';
import {
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

export async function readCsv(
  bytes: Uint8Array,
  sheetName: string,
  visitor: SheetVisitor,
  options: ReadOptions = {},
  sheetIndex = 0,
): Promise<void> {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    throw new SpreadsheetError(`The CSV file could not be read: ${(err as Error).message}`);
  }
  const maxRows = options.maxRowsPerSheet ?? 1_048_576;
  if (records.length > maxRows)
    throw new SpreadsheetError(`The CSV file has more than ${maxRows} rows.`);
  if (visitor.startSheet(sheetName, sheetIndex) === false) return;
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] ?? [];
    const cells: CellValue[] = rec.map((v) => (v === '' ? null : v));
    if (cells.some((c) => c !== null)) visitor.row(cells, i + 1);
  }
  visitor.endSheet?.(sheetName);
  options.onProgress?.(1);
}
