// Reads .xlsx workbooks on the safe ZIP and XML layers, streaming each sheet's XML: shared and
// inline strings, numbers, booleans, errors (#N/A), formula cells' cached values, dates (cells
// whose number format is a date, in the 1900 or 1904 system), sheet names in workbook order.
import type { SafeZip } from './zip.js';
import { createFastXmlScanner, parseXml } from './xml.js';
import {
  columnIndex,
  columnLetters,
  DEFAULT_MAX_CELL_CHARS,
  SheetDate,
  SpreadsheetError,
  tick,
  type CellValue,
  type ReadOptions,
  type SheetVisitor,
} from './spreadsheet.js';

// Built-in number formats that are dates or times (ECMA-376 18.8.30).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormatCode(code: string): boolean {
  const cleaned = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(cleaned) && !/^general$/i.test(cleaned.trim());
}

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface SheetRef {
  name: string;
  path: string;
}

interface WorkbookInfo {
  sheets: SheetRef[];
  sharedStringsPath: string | null;
  stylesPath: string | null;
  date1904: boolean;
}

function readWorkbookInfo(zip: SafeZip): WorkbookInfo {
  const workbookPath = 'xl/workbook.xml';
  if (!zip.has(workbookPath)) throw new SpreadsheetError('The file is not an Excel workbook.');
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  parseXml(
    zip.readText(workbookPath),
    {
      open(name, attrs) {
        if (name === 'sheet') sheets.push({ name: attrs.name ?? '', rid: attrs['r:id'] ?? '' });
        else if (name === 'workbookPr')
          date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      },
    },
    'workbook.xml',
  );
  const rels = new Map<string, { type: string; target: string }>();
  const relsPath = 'xl/_rels/workbook.xml.rels';
  if (zip.has(relsPath)) {
    parseXml(
      zip.readText(relsPath),
      {
        open(name, attrs) {
          if (name === 'Relationship' && attrs.Id)
            rels.set(attrs.Id, { type: attrs.Type ?? '', target: attrs.Target ?? '' });
        },
      },
      'workbook.xml.rels',
    );
  }
  const byType = (suffix: string): string | null => {
    for (const r of rels.values())
      if (r.type.endsWith(suffix)) return resolvePart(workbookPath, r.target);
    return null;
  };
  return {
    sheets: sheets.map((s, i) => {
      const rel = rels.get(s.rid);
      return {
        name: s.name,
        path: rel ? resolvePart(workbookPath, rel.target) : `xl/worksheets/sheet${i + 1}.xml`,
      };
    }),
    sharedStringsPath:
      byType('/sharedStrings') ?? (zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null),
    stylesPath: byType('/styles') ?? (zip.has('xl/styles.xml') ? 'xl/styles.xml' : null),
    date1904,
  };
}

function tooManyChars(where: string, length: number, max: number): SpreadsheetError {
  return new SpreadsheetError(
    `${where} holds ${length.toLocaleString('en-GB')} characters; a cell may hold at most ${max.toLocaleString('en-GB')}.`,
  );
}

function readSharedStrings(zip: SafeZip, path: string | null, maxChars: number): string[] {
  if (!path || !zip.has(path)) return [];
  const out: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = 0;
  parseXml(
    zip.readText(path),
    {
      open(name) {
        if (name === 'si') current = '';
        else if (name === 't') inT = true;
        else if (name === 'rPh') inPhonetic++;
      },
      close(name) {
        if (name === 'si') {
          if (current.length > maxChars)
            throw tooManyChars(`Shared string ${out.length + 1}`, current.length, maxChars);
          out.push(current);
        } else if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic--;
      },
      text(t) {
        if (inT && inPhonetic === 0) current += t;
      },
    },
    'sharedStrings.xml',
  );
  return out;
}

/** For each cell style index, whether its number format is a date. */
function readDateStyles(zip: SafeZip, path: string | null): boolean[] {
  if (!path || !zip.has(path)) return [];
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(
    zip.readText(path),
    {
      open(name, attrs) {
        if (name === 'numFmt')
          customDate.set(Number(attrs.numFmtId), isDateFormatCode(attrs.formatCode ?? ''));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attrs.numFmtId ?? 0);
          styles.push(customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    'styles.xml',
  );
  return styles;
}

/** Sheet names in workbook order, without reading any sheet. */
export function listXlsxSheets(zip: SafeZip): string[] {
  return readWorkbookInfo(zip).sheets.map((s) => s.name);
}

export async function readXlsx(
  zip: SafeZip,
  visitor: SheetVisitor,
  options: ReadOptions = {},
): Promise<void> {
  const info = readWorkbookInfo(zip);
  const maxChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const strings = readSharedStrings(zip, info.sharedStringsPath, maxChars);
  const dateStyles = readDateStyles(zip, info.stylesPath);
  const offset1904 = info.date1904 ? 1462 : 0;
  const maxRows = options.maxRowsPerSheet ?? 1_048_576;
  const present = info.sheets.filter((s) => zip.has(s.path));
  const totalBytes = Math.max(1, zip.compressedSize(present.map((s) => s.path)));
  let doneBytes = 0;
  const yieldLoop = options.yieldToEventLoop !== false;

  for (const [index, sheet] of info.sheets.entries()) {
    if (!zip.has(sheet.path)) continue;
    if (visitor.startSheet(sheet.name, index) === false) {
      doneBytes += zip.entry(sheet.path)?.compressedSize ?? 0;
      continue;
    }
    let cells: CellValue[] = [];
    let rowNumber = 0;
    let rows = 0;
    let col = -1;
    let type = '';
    let style = 0;
    let value = '';
    let inValue = false;
    let inInline = 0;
    let hasValue = false;
    const parser = createFastXmlScanner(
      {
        open(name, attrs) {
          switch (name) {
            case 'row':
              rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
              cells = [];
              col = -1;
              if (++rows > maxRows)
                throw new SpreadsheetError(`Sheet '${sheet.name}' has more than ${maxRows} rows.`);
              break;
            case 'c':
              col = attrs.r ? columnIndex(attrs.r) : col + 1;
              type = attrs.t ?? 'n';
              style = attrs.s ? Number(attrs.s) : 0;
              value = '';
              hasValue = false;
              break;
            case 'v':
              inValue = true;
              hasValue = true;
              break;
            case 'is':
              inInline++;
              hasValue = true;
              break;
            case 't':
              if (inInline > 0) inValue = true;
              break;
          }
        },
        text(t) {
          if (inValue) value += t;
        },
        close(name) {
          switch (name) {
            case 'v':
              inValue = false;
              break;
            case 't':
              if (inInline > 0) inValue = false;
              break;
            case 'is':
              inInline--;
              break;
            case 'c': {
              if (!hasValue || col < 0 || col > 16_383) break;
              if (value.length > maxChars)
                throw tooManyChars(
                  `Sheet '${sheet.name}', row ${rowNumber}, column ${columnLetters(col)}`,
                  value.length,
                  maxChars,
                );
              let v: CellValue;
              switch (type) {
                case 's':
                  v = strings[Number(value)] ?? null;
                  break;
                case 'inlineStr':
                case 'str':
                case 'e':
                  v = value;
                  break;
                case 'b':
                  v = value === '1' || value === 'true';
                  break;
                case 'd': {
                  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
                  v = Number.isNaN(t) ? value : new SheetDate(t / 86_400_000 + 25_569);
                  break;
                }
                default: {
                  if (value === '') {
                    v = null;
                    break;
                  }
                  const n = Number(value);
                  v = Number.isNaN(n)
                    ? value
                    : dateStyles[style]
                      ? new SheetDate(n + offset1904)
                      : n;
                }
              }
              while (cells.length < col) cells.push(null);
              cells[col] = v;
              break;
            }
            case 'row':
              visitor.row(cells, rowNumber);
              break;
          }
        },
      },
      sheet.path,
      { localNames: true },
    );
    const decoder = new TextDecoder('utf-8');
    let last = 0;
    for (const consumed of zip.stream(sheet.path, (chunk) =>
      parser.write(decoder.decode(chunk, { stream: true })),
    )) {
      doneBytes += consumed - last;
      last = consumed;
      options.onProgress?.(doneBytes / totalBytes);
      if (options.onPause) await options.onPause();
      else if (yieldLoop) await tick();
    }
    parser.write(decoder.decode());
    parser.close();
    visitor.endSheet?.(sheet.name);
  }
  options.onProgress?.(1);
}
