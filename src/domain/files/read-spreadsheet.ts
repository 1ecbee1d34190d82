// One entry point for every spreadsheet format: sniffs the bytes (ZIP -> xlsx, ods, or a .zip of
// .csv files, one sheet each; legacy binary .xls is refused with advice; text -> CSV) and streams
// the sheets to the visitor.
import { readCsv, looksLikeText } from './csv-reader.js';
import { isOds, readOds } from './ods-reader.js';
import { SpreadsheetError, type ReadOptions, type SheetVisitor } from './spreadsheet.js';
import { readXlsx } from './xlsx-reader.js';
import { looksLikeZip, SafeZip, type ZipLimits } from './zip.js';

export type SpreadsheetFormat = 'xlsx' | 'ods' | 'csv';

export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  visitor: SheetVisitor,
  options: ReadOptions & { zipLimits?: Partial<ZipLimits> } = {},
): Promise<SpreadsheetFormat> {
  if (looksLikeZip(bytes)) {
    const zip = SafeZip.open(bytes, options.zipLimits);
    if (zip.has('xl/workbook.xml')) {
      await readXlsx(zip, visitor, options);
      return 'xlsx';
    }
    if (isOds(zip)) {
      await readOds(zip, visitor, options);
      return 'ods';
    }
    // A .zip of CSV files (one per list): each file is a sheet named after the file.
    const csvs = zip.entries
      .map((e) => e.name)
      .filter((n) => /\.csv$/i.test(n) && !n.split('/').some((seg) => seg.startsWith('__MACOSX')))
      .sort();
    if (csvs.length > 0) {
      for (const [i, name] of csvs.entries()) {
        const sheet = name.replace(/^.*\//, '').replace(/\.csv$/i, '');
        await readCsv(zip.read(name), sheet, visitor, { ...options, onProgress: undefined }, i);
        options.onProgress?.((i + 1) / csvs.length);
      }
      return 'csv';
    }
    throw new SpreadsheetError(
      'The ZIP file is neither an Excel (.xlsx) nor an ODS workbook, and holds no .csv files.',
    );
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new SpreadsheetError(
      'This is an old-style Excel file (.xls). Save it as .xlsx, .ods or .csv and upload it again.',
    );
  if (!looksLikeText(bytes))
    throw new SpreadsheetError('The file is not a spreadsheet (.xlsx, .ods or .csv).');
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  await readCsv(bytes, base, visitor, options);
  return 'csv';
}
