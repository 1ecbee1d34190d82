// Reads OpenDocument spreadsheets (.ods) on the safe ZIP and XML layers, streaming content.xml:
// table:table-row and table:table-cell with their number-rows/columns-repeated counts (empty
// repeats are never materialised, non-empty ones count towards the row limit), and the value types
// float, percentage, currency, date, time, boolean and string. Formula cells carry their cached
// value in office:value / office:date-value like any other cell.
import type { SafeZip } from './zip.js';
import { createFastXmlScanner } from './xml.js';
import {
  isoDateToSerial,
  SheetDate,
  SpreadsheetError,
  tick,
  type CellValue,
  type ReadOptions,
  type SheetVisitor,
} from './spreadsheet.js';

const MAX_COLUMNS = 16_384;

export function isOds(zip: SafeZip): boolean {
  if (zip.has('mimetype')) {
    const m = zip.readText('mimetype').trim();
    return m === 'application/vnd.oasis.opendocument.spreadsheet';
  }
  return zip.has('content.xml') && !zip.has('xl/workbook.xml');
}

function cellValue(attrs: Record<string, string>, text: string): CellValue {
  const type = attrs['office:value-type'];
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(attrs['office:value']);
      return Number.isNaN(n) ? text || null : n;
    }
    case 'date': {
      const v = attrs['office:date-value'] ?? '';
      return /^\d{4}-\d{2}-\d{2}/.test(v) ? new SheetDate(isoDateToSerial(v)) : text || null;
    }
    case 'boolean':
      return attrs['office:boolean-value'] === 'true';
    case 'time':
      return text || attrs['office:time-value'] || null;
    case 'string':
      return attrs['office:string-value'] ?? text;
    default:
      return text === '' ? null : text;
  }
}

export async function readOds(
  zip: SafeZip,
  visitor: SheetVisitor,
  options: ReadOptions = {},
): Promise<void> {
  if (!zip.has('content.xml')) throw new SpreadsheetError('The file is not an ODS spreadsheet.');
  const maxRows = options.maxRowsPerSheet ?? 1_048_576;
  const yieldLoop = options.yieldToEventLoop !== false;
  let sheetIndex = -1;
  let sheetName = '';
  let skipping = false;
  let inTable = false;
  let rowNumber = 0;
  let rowsEmitted = 0;
  let rowRepeat = 1;
  let cells: CellValue[] = [];
  let col = 0;
  let cellAttrs: Record<string, string> | null = null;
  let cellRepeat = 1;
  let text = '';
  let paragraphs = 0;
  let inText = 0;

  const parser = createFastXmlScanner(
    {
      open(name, attrs) {
        if (name === 'table:table') {
          sheetIndex++;
          sheetName = attrs['table:name'] ?? `Sheet${sheetIndex + 1}`;
          skipping = visitor.startSheet(sheetName, sheetIndex) === false;
          inTable = true;
          rowNumber = 0;
          rowsEmitted = 0;
          return;
        }
        if (!inTable || skipping) return;
        switch (name) {
          case 'table:table-row':
            rowRepeat = Math.max(1, Number(attrs['table:number-rows-repeated'] ?? 1) || 1);
            cells = [];
            col = 0;
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            cellAttrs = attrs;
            cellRepeat = Math.max(1, Number(attrs['table:number-columns-repeated'] ?? 1) || 1);
            text = '';
            paragraphs = 0;
            break;
          case 'text:p':
          case 'text:h':
            if (cellAttrs) {
              if (paragraphs++ > 0) text += '\n';
              inText++;
            }
            break;
          case 'text:s':
            if (inText) text += ' '.repeat(Math.min(1000, Number(attrs['text:c'] ?? 1) || 1));
            break;
          case 'text:tab':
            if (inText) text += '\t';
            break;
          case 'text:line-break':
            if (inText) text += '\n';
            break;
        }
      },
      text(t) {
        if (inText && !skipping) text += t;
      },
      close(name) {
        if (name === 'table:table') {
          inTable = false;
          if (!skipping) visitor.endSheet?.(sheetName);
          return;
        }
        if (!inTable || skipping) return;
        switch (name) {
          case 'text:p':
          case 'text:h':
            if (inText) inText--;
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell': {
            const v = cellAttrs ? cellValue(cellAttrs, text) : null;
            if (v !== null && v !== '') {
              while (cells.length < col) cells.push(null);
              const n = Math.min(cellRepeat, MAX_COLUMNS - col);
              for (let i = 0; i < n; i++) cells.push(v);
            }
            col += cellRepeat;
            cellAttrs = null;
            break;
          }
          case 'table:table-row': {
            const empty = cells.every((c) => c === null);
            if (empty) {
              rowNumber += rowRepeat;
              break;
            }
            for (let i = 0; i < rowRepeat; i++) {
              rowNumber++;
              if (++rowsEmitted > maxRows)
                throw new SpreadsheetError(`Sheet '${sheetName}' has more than ${maxRows} rows.`);
              visitor.row(i === 0 ? cells : cells.slice(), rowNumber);
            }
            break;
          }
        }
      },
    },
    'content.xml',
  );
  const total = Math.max(1, zip.entry('content.xml')?.compressedSize ?? 1);
  const decoder = new TextDecoder('utf-8');
  for (const consumed of zip.stream('content.xml', (chunk) =>
    parser.write(decoder.decode(chunk, { stream: true })),
  )) {
    options.onProgress?.(consumed / total);
    if (options.onPause) await options.onPause();
    else if (yieldLoop) await tick();
  }
  parser.write(decoder.decode());
  parser.close();
  options.onProgress?.(1);
}
