import { describe, expect, it } from 'vitest';
import { readSpreadsheet, type CellValue } from '../files/index.js';
import { matrixCsv, matrixXlsx } from './matrix.js';
import { passagesCsv, passagesXlsx, type PassageRow } from './passages.js';
import { safeCell, sheetName } from './table.js';

async function sheetRows(bytes: Uint8Array): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  await readSpreadsheet(bytes, 'x.xlsx', {
    startSheet() {},
    row: (cells) => rows.push([...cells]),
  });
  return rows;
}

const hostile: PassageRow = {
  evidence: 'E7',
  codes: ['=cmd|" /C calc"!A0', 'Feels safe 🛡️'],
  coders: ['@admin'],
  start: 3,
  end: 9,
  text: '  =HYPERLINK("http://evil","click")',
  before: '＝1+1',
  after: '-2+3',
  method: 'Case file reading',
  judgementAreas: ['help_and_protection', 'children_in_care'],
};

describe('formula injection is neutralised in every export', () => {
  it('prefixes dangerous text with an apostrophe, numbers stay numbers', () => {
    for (const s of [
      '=1',
      '+1',
      '-1',
      '@x',
      '\tx',
      '\rx',
      '  =x',
      '\u3000+x',
      '＝x',
      '＋x',
      '－x',
      '＠x',
    ])
      expect(safeCell(s), JSON.stringify(s)).toBe(`'${s}`);
    for (const s of ['safe', 'a=b', '', 'Zoë 👩‍👧']) expect(safeCell(s)).toBe(s);
    expect(safeCell(-1)).toBe(-1);
  });

  it('passages to CSV: BOM, quoting, neutralised cells', () => {
    const csv = passagesCsv([hostile]);
    expect(csv.startsWith('\ufeffEvidence,Observed on,Method')).toBe(true);
    const line = csv.split('\r\n')[1]!;
    expect(line).toContain(`"'=cmd|"" /C calc""!A0; Feels safe 🛡️"`);
    expect(line).toContain("'@admin");
    expect(line).toContain(`"'  =HYPERLINK(""http://evil"",""click"")"`);
    expect(line).toContain("'＝1+1");
    expect(line).toContain(',3,9,');
    expect(line).not.toMatch(/,=|,\+|,-2|,@/);
  });

  it('passages to XLSX: text cells neutralised, offsets as numbers', async () => {
    const rows = await sheetRows(passagesXlsx([hostile], 'Coding query: [x]'));
    expect(rows[0]![0]).toBe('Evidence');
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        'E7',
        3,
        9,
        `'  =HYPERLINK("http://evil","click")`,
        "'-2+3",
        "'@admin",
      ]),
    );
    expect(sheetName('Coding query: [x] and a very long name')).toBe(
      'Coding query   x  and a very lo',
    );
  });

  it('matrices with totals, to CSV and XLSX', async () => {
    const m = {
      rowHeader: 'Code',
      columns: ['Strength', '=Area'],
      rows: [
        { label: '-Voice', cells: [2, 1] },
        { label: 'Safety', cells: [null, 4] },
      ],
      totals: true,
    };
    expect(matrixCsv(m)).toBe(
      "\ufeffCode,Strength,'=Area,Total\r\n'-Voice,2,1,3\r\nSafety,,4,4\r\nTotal,2,5,7\r\n",
    );
    expect(await sheetRows(matrixXlsx(m))).toEqual([
      ['Code', 'Strength', "'=Area", 'Total'],
      ["'-Voice", 2, 1, 3],
      ['Safety', null, 4, 4],
      ['Total', 2, 5, 7],
    ]);
  });
});
