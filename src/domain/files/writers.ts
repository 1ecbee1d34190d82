// Small .xlsx and .ods writers (XML text in ~1 MB pieces + the native-zlib ZIP writer), so that
// 300,000-row workbooks never become one giant string. Text cells are neutralised against formula injection unless the
// caller opts out (the synthetic test-data generator does, to reproduce messy real files).
import { neutraliseCell } from './cell-safety.js';
import { columnLetters, isoDateToSerial, serialToIsoDate } from './spreadsheet.js';
import { escapeXml } from './xml.js';
import { IncrementalDeflate, textChunks, writeZip, type ZipFileInput } from './zip-writer.js';

export type WriteCell =
  | string
  | number
  | boolean
  | null
  | undefined
  /** A real date cell (ISO YYYY-MM-DD). */
  | { date: string }
  /** A formula with its cached value; `date` formats the result as a date. */
  | { formula: string; value: number | string; date?: boolean }
  /** An error cell such as #N/A. */
  | { error: string };

export interface WriteSheet {
  name: string;
  rows: Iterable<WriteCell[]>;
}

export interface WriteOptions {
  /** Neutralise text starting with = + - @ tab CR (default true: exports must). */
  neutralise?: boolean;
  /** xlsx: use a shared string table (as Excel does) rather than inline strings. Default true. */
  sharedStrings?: boolean;
  /** Deflate level 0-9 (default 6). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

class Collector {
  private readonly files: ZipFileInput[] = [];
  constructor(private readonly level: number) {}
  add(name: string, parts: Iterable<string>, stored = false): void {
    this.files.push({ name, data: textChunks(parts), stored });
  }
  addEntry(entry: ZipFileInput): void {
    this.files.push(entry);
  }
  bytes(): Uint8Array {
    return writeZip(this.files, this.level);
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_HEAD = `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** One row's XML; `textCell` gives what follows `<c r="A1" ` for a text value. */
function rowXml(row: WriteCell[], r: number, textCell: (v: string) => string): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined || v === '') continue;
    const ref = `${columnLetters(i)}${r}`;
    if (typeof v === 'string') xml += `<c r="${ref}" ${textCell(v)}`;
    else if (typeof v === 'number') xml += `<c r="${ref}"><v>${v}</v></c>`;
    else if (typeof v === 'boolean') xml += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    else if ('date' in v && !('formula' in v))
      xml += `<c r="${ref}" s="1"><v>${isoDateToSerial(v.date)}</v></c>`;
    else if ('formula' in v) {
      const f = `<f>${escapeXml(v.formula)}</f>`;
      xml +=
        typeof v.value === 'number'
          ? `<c r="${ref}"${v.date ? ' s="1"' : ''}>${f}<v>${v.value}</v></c>`
          : `<c r="${ref}" t="str">${f}<v>${escapeXml(v.value)}</v></c>`;
    } else xml += `<c r="${ref}" t="e"><v>${escapeXml(v.error)}</v></c>`;
  }
  return `${xml}</row>`;
}

export function writeXlsx(sheets: WriteSheet[], options: WriteOptions = {}): Uint8Array {
  const neutralise = options.neutralise !== false;
  const useShared = options.sharedStrings !== false;
  const shared = new Map<string, number>();
  const sharedList: string[] = [];
  const c = new Collector(options.level ?? 6);
  const text = (s: string): string => (neutralise ? neutraliseCell(s) : s);

  function* sheetXml(sheet: WriteSheet): Generator<string> {
    yield SHEET_HEAD;
    let r = 0;
    for (const row of sheet.rows) yield rowXml(row, ++r, cellText);
    yield SHEET_TAIL;
  }

  const cellText = (v: string): string => {
    const s = text(v);
    if (!useShared) return `t="inlineStr"><is><t xml:space="preserve">${escapeXml(s)}</t></is></c>`;
    let idx = shared.get(s);
    if (idx === undefined) {
      idx = sharedList.length;
      shared.set(s, idx);
      sharedList.push(s);
    }
    return `t="s"><v>${idx}</v></c>`;
  };

  sheets.forEach((s, i) => c.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  addWorkbookParts(
    c,
    sheets.map((s) => s.name),
    useShared ? sharedList : null,
  );
  return c.bytes();
}

/** Everything in an .xlsx besides the sheets: workbook, relationships, styles, shared strings. */
function addWorkbookParts(c: Collector, names: string[], sharedList: string[] | null): void {
  const sheetEntries = names
    .map((s, i) => `<sheet name="${escapeXml(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  c.add('xl/workbook.xml', [
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetEntries}</sheets></workbook>`,
  ]);
  const n = names.length;
  c.add('xl/_rels/workbook.xml.rels', [
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      (sharedList
        ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        : '') +
      '</Relationships>',
  ]);
  c.add('xl/styles.xml', [
    `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  ]);
  if (sharedList) {
    c.add(
      'xl/sharedStrings.xml',
      (function* () {
        yield `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedList.length}" uniqueCount="${sharedList.length}">`;
        for (const s of sharedList) yield `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`;
        yield '</sst>';
      })(),
    );
  }
  c.add('_rels/.rels', [
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  c.add('[Content_Types].xml', [
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      (sharedList
        ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
        : '') +
      '</Types>',
  ]);
}

/**
 * One-sheet .xlsx from rows that arrive asynchronously (a database read a page at a time): each
 * row becomes XML and is deflated as it comes (inline strings, so no table of every string), so
 * only the compressed sheet is held, never the rows or the whole XML.
 */
export async function writeXlsxAsync(
  name: string,
  rows: AsyncIterable<WriteCell[]>,
  options: Pick<WriteOptions, 'neutralise' | 'level'> = {},
): Promise<Uint8Array> {
  const neutralise = options.neutralise !== false;
  const c = new Collector(options.level ?? 6);
  const sheet = new IncrementalDeflate(options.level ?? 6);
  const inline = (v: string): string =>
    `t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutralise ? neutraliseCell(v) : v)}</t></is></c>`;
  await sheet.write(SHEET_HEAD);
  let r = 0;
  for await (const row of rows) await sheet.write(rowXml(row, ++r, inline));
  await sheet.write(SHEET_TAIL);
  c.addEntry(await sheet.end('xl/worksheets/sheet1.xml'));
  addWorkbookParts(c, [name], null);
  return c.bytes();
}

/** Translates an A1-style formula to OpenFormula ([.A1]) for ODS. */
function toOpenFormula(formula: string): string {
  return `of:=${formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, '[.$1$2]')}`;
}

export function writeOds(sheets: WriteSheet[], options: WriteOptions = {}): Uint8Array {
  const neutralise = options.neutralise !== false;
  const c = new Collector(options.level ?? 6);
  const para = (s: string): string => `<text:p>${escapeXml(s)}</text:p>`;
  const ddmmyyyy = (iso: string): string =>
    `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

  function* content(): Generator<string> {
    yield `${XML_HEAD}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3"><office:body><office:spreadsheet>`;
    for (const sheet of sheets) {
      yield `<table:table table:name="${escapeXml(sheet.name)}">`;
      for (const row of sheet.rows) {
        let xml = '<table:table-row>';
        let empties = 0;
        const flush = (): void => {
          if (empties > 0)
            xml +=
              empties === 1
                ? '<table:table-cell/>'
                : `<table:table-cell table:number-columns-repeated="${empties}"/>`;
          empties = 0;
        };
        for (const v of row) {
          if (v === null || v === undefined || v === '') {
            empties++;
            continue;
          }
          flush();
          if (typeof v === 'string') {
            const s = neutralise ? neutraliseCell(v) : v;
            xml += `<table:table-cell office:value-type="string">${para(s)}</table:table-cell>`;
          } else if (typeof v === 'number')
            xml += `<table:table-cell office:value-type="float" office:value="${v}">${para(String(v))}</table:table-cell>`;
          else if (typeof v === 'boolean')
            xml += `<table:table-cell office:value-type="boolean" office:boolean-value="${v}">${para(v ? 'TRUE' : 'FALSE')}</table:table-cell>`;
          else if ('formula' in v) {
            const f = escapeXml(toOpenFormula(v.formula));
            if (v.date && typeof v.value === 'number') {
              const iso = serialToIsoDate(v.value);
              xml += `<table:table-cell table:formula="${f}" office:value-type="date" office:date-value="${iso}">${para(ddmmyyyy(iso))}</table:table-cell>`;
            } else if (typeof v.value === 'number')
              xml += `<table:table-cell table:formula="${f}" office:value-type="float" office:value="${v.value}">${para(String(v.value))}</table:table-cell>`;
            else
              xml += `<table:table-cell table:formula="${f}" office:value-type="string" office:string-value="${escapeXml(v.value)}">${para(v.value)}</table:table-cell>`;
          } else if ('date' in v)
            xml += `<table:table-cell office:value-type="date" office:date-value="${v.date}">${para(ddmmyyyy(v.date))}</table:table-cell>`;
          else
            xml += `<table:table-cell office:value-type="string">${para(v.error)}</table:table-cell>`;
        }
        yield `${xml}</table:table-row>`;
      }
      yield '</table:table>';
    }
    yield '</office:spreadsheet></office:body></office:document-content>';
  }

  c.add('mimetype', ['application/vnd.oasis.opendocument.spreadsheet'], true);
  c.add('content.xml', content());
  c.add('META-INF/manifest.xml', [
    `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
  ]);
  return c.bytes();
}
