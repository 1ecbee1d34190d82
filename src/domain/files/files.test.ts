import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SheetDate } from './index.js';
import {
  csvField,
  neutraliseCell,
  parseXml,
  readSpreadsheet,
  SafeZip,
  toCsv,
  UnsafeArchiveError,
  UnsafeXmlError,
  writeOds,
  writeXlsx,
  writeXlsxAsync,
  type CellValue,
  type WriteSheet,
} from './index.js';

async function readAll(bytes: Uint8Array, name = 'file.xlsx') {
  const sheets: { name: string; rows: { n: number; cells: CellValue[] }[] }[] = [];
  const format = await readSpreadsheet(bytes, name, {
    startSheet(sheetName) {
      sheets.push({ name: sheetName, rows: [] });
    },
    row(cells, n) {
      sheets.at(-1)?.rows.push({ n, cells: [...cells] });
    },
  });
  return { format, sheets };
}

const sample: WriteSheet[] = [
  {
    name: 'List 1 - Contacts',
    rows: [
      ['List 1: Contacts'],
      ['Child Unique ID', 'Date of Contact', 'Age', 'Flag'],
      ['A1', { date: '2024-03-05' }, 6.5, true],
      [null, { formula: 'B3+5', value: 45361, date: true }, { error: '#N/A' }, 'x\u00a0y'],
      ['=cmd()', '', 3, false],
    ],
  },
  { name: 'List_2', rows: [['only']] },
];

describe('spreadsheet readers and writers', () => {
  it('round-trips xlsx with shared strings, inline strings, dates, formulas and errors', async () => {
    for (const sharedStrings of [true, false]) {
      const { format, sheets } = await readAll(
        writeXlsx(sample, { neutralise: false, sharedStrings }),
      );
      expect(format).toBe('xlsx');
      expect(sheets.map((s) => s.name)).toEqual(['List 1 - Contacts', 'List_2']);
      const rows = sheets[0]!.rows;
      expect(rows[0]!.cells).toEqual(['List 1: Contacts']);
      expect(rows[2]!.cells[0]).toBe('A1');
      expect((rows[2]!.cells[1] as SheetDate).toIsoDate()).toBe('2024-03-05');
      expect(rows[2]!.cells.slice(2)).toEqual([6.5, true]);
      expect((rows[3]!.cells[1] as SheetDate).toIsoDate()).toBe('2024-03-10');
      expect(rows[3]!.cells[2]).toBe('#N/A');
      expect(rows[3]!.cells[3]).toBe('x\u00a0y');
      expect(rows[4]!.cells[0]).toBe('=cmd()');
    }
  });

  it('neutralises formula-like text in exports by default', async () => {
    const { sheets } = await readAll(writeXlsx(sample));
    expect(sheets[0]!.rows[4]!.cells[0]).toBe("'=cmd()");
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '  =1+1', '\uff1dcmd'])
      expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell('safe')).toBe('safe');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(toCsv([['a,b', 2, null]])).toBe('"a,b",2,\r\n');
  });

  it('round-trips ods with repeated cells, dates and formulas', async () => {
    const { format, sheets } = await readAll(writeOds(sample, { neutralise: false }), 'x.ods');
    expect(format).toBe('ods');
    const rows = sheets[0]!.rows;
    expect(rows[1]!.cells).toEqual(['Child Unique ID', 'Date of Contact', 'Age', 'Flag']);
    expect((rows[2]!.cells[1] as SheetDate).toIsoDate()).toBe('2024-03-05');
    expect((rows[3]!.cells[1] as SheetDate).toIsoDate()).toBe('2024-03-10');
    expect(rows[3]!.cells[0]).toBeNull();
    expect(rows[3]!.cells[2]).toBe('#N/A');
    expect(rows[4]!.cells[2]).toBe(3);
  });

  it('reads ods number-columns-repeated and number-rows-repeated without expanding empties', async () => {
    const content = `<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="List 3"><table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>a<text:s text:c="2"/>b</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="7"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const bytes = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8(content),
    });
    const { sheets } = await readAll(bytes, 'x.ods');
    expect(sheets[0]!.rows).toEqual([
      { n: 1, cells: ['a  b', 'a  b'] },
      { n: 1048002, cells: [7] },
    ]);
  });

  it('reads csv with a BOM, semicolons and quoted newlines', async () => {
    const csv = '\ufeffChild Unique ID;Note\r\n1;"a;b\nc"\r\n\r\n2;\r\n';
    const { format, sheets } = await readAll(strToU8(csv), 'List 1.csv');
    expect(format).toBe('csv');
    expect(sheets[0]!.name).toBe('List 1');
    expect(sheets[0]!.rows.map((r) => r.cells)).toEqual([
      ['Child Unique ID', 'Note'],
      ['1', 'a;b\nc'],
      ['2', null],
    ]);
  });

  it('refuses legacy .xls and binary files with advice', async () => {
    await expect(readAll(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toThrow(
      /\.xls/,
    );
  });
});

function centralDirectoryAt(bytes: Uint8Array): number {
  return bytes.findLastIndex(
    (_, i) =>
      bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2,
  );
}

describe('safe unzip', () => {
  it('refuses a zip bomb (compression ratio) before and while inflating', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) });
    expect(() => SafeZip.open(bomb)).toThrow(UnsafeArchiveError);
    expect(() => SafeZip.open(bomb)).toThrow(/zip bombs/);
    // With a lying central directory (declaring 1,000 bytes) the streaming counter still stops it.
    const liar = bomb.slice();
    const cd = centralDirectoryAt(liar);
    new DataView(liar.buffer).setUint32(cd + 24, 1000, true);
    const zip = SafeZip.open(liar);
    expect(() => zip.read('xl/worksheets/sheet1.xml')).toThrow(/beyond its declared size/);
  });

  it('stops inflating at the total size limit', () => {
    const bytes = zipSync({ a: new Uint8Array(3000).fill(1), b: new Uint8Array(3000).fill(2) });
    const zip = SafeZip.open(bytes, { maxTotalBytes: 10_000 });
    zip.read('a');
    expect(() => SafeZip.open(bytes, { maxTotalBytes: 5_000 })).toThrow(/too large/);
  });

  it('refuses traversal, absolute paths, backslashes and too many entries', () => {
    for (const name of ['../evil.xml', 'xl/../../evil', '/etc/passwd', 'C:/x', 'a\\..\\b']) {
      const bytes = zipSync({ [name]: strToU8('x') });
      expect(() => SafeZip.open(bytes), name).toThrow(UnsafeArchiveError);
    }
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, strToU8('x')]));
    expect(() => SafeZip.open(zipSync(many), { maxEntries: 10 })).toThrow(/entries/);
  });

  it('refuses symbolic links and encrypted entries', () => {
    const link = zipSync({
      'xl/link': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    expect(() => SafeZip.open(link)).toThrow(/symbolic link/);
    const enc = zipSync({ a: strToU8('x') });
    // Set the "encrypted" flag in the central directory entry.
    const cd = centralDirectoryAt(enc);
    enc[cd + 8] = enc[cd + 8]! | 1;
    expect(() => SafeZip.open(enc)).toThrow(/encrypted/);
  });
});

describe('safe XML', () => {
  it('refuses external entities (XXE)', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    expect(() => parseXml(xxe, {})).toThrow(UnsafeXmlError);
  });

  it('refuses entity expansion (billion laughs) and undefined entities', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(() => parseXml(lol, {})).toThrow(/DTD/);
    expect(() => parseXml('<x>&lol;</x>', {})).toThrow(UnsafeXmlError);
  });

  it('an xlsx whose sheet carries a DTD is refused', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['a']] }]);
    const zip = SafeZip.open(bytes);
    const files: Record<string, Uint8Array> = {};
    for (const e of zip.entries) files[e.name] = zip.read(e.name);
    files['xl/worksheets/sheet1.xml'] = strToU8(
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>',
    );
    await expect(readAll(zipSync(files))).rejects.toThrow(/DTD/);
  });
});

describe('writeXlsxAsync (rows arriving asynchronously, deflated as they come)', () => {
  it('writes a valid workbook across many deflate pieces, neutralising formulas', async () => {
    const n = 20_000; // about 3 MB of sheet XML: several 1 MB pieces
    async function* rows() {
      yield ['Evidence', 'Passage', 'Start'];
      for (let i = 0; i < n; i++) {
        await Promise.resolve();
        yield [`E${i}`, i === 5 ? '=HYPERLINK("x")' : `passage ${i} – “quoted” & <b>`, i];
      }
    }
    const bytes = await writeXlsxAsync('Passages', rows());
    const { sheets } = await readAll(bytes);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.name).toBe('Passages');
    expect(sheets[0]!.rows).toHaveLength(n + 1);
    expect(sheets[0]!.rows[6]!.cells[1]).toBe('\'=HYPERLINK("x")');
    expect(sheets[0]!.rows.at(-1)!.cells).toEqual([
      `E${n - 1}`,
      `passage ${n - 1} – “quoted” & <b>`,
      n - 1,
    ]);
  });
});

describe('spreadsheet limits (Excel’s own: 16,384 columns, 32,767 characters in a cell)', () => {
  it('refuses a CSV with 200,000 columns quickly, naming the row and the limit', async () => {
    const wide = `${Array.from({ length: 200_000 }, () => 'c').join(',')}\n${'1,'.repeat(199_999)}1\n`;
    const t0 = performance.now();
    await expect(readAll(strToU8(wide), 'wide.csv')).rejects.toThrow(
      /wide: row 1 has 200,000 columns; the limit is 16,384/,
    );
    expect(performance.now() - t0).toBeLessThan(5_000);
    const fewer = `${Array.from({ length: 20_000 }, () => 'c').join(',')}\n`;
    await expect(readAll(strToU8(fewer), 'fewer.csv')).rejects.toThrow(
      /fewer: row 1 has 20,000 columns; the limit is 16,384/,
    );
  });

  it('refuses a CSV whose one field is 30 MB without reading on', async () => {
    const big = `a,b\n"${'x'.repeat(30 * 1024 * 1024)}",1\n`;
    await expect(readAll(strToU8(big), 'big.csv')).rejects.toThrow(
      /big: row 2 is longer than 393,212 characters, the most a row may hold/,
    );
    const cell = `a,b\n${'y'.repeat(40_000)},1\n`;
    await expect(readAll(strToU8(cell), 'cell.csv')).rejects.toThrow(
      /cell: row 2, column A holds 40,000 characters; a cell may hold at most 32,767/,
    );
  });
});
