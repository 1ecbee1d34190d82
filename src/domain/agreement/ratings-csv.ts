// Reads a ratings table from CSV: a header row naming the unit column and then one column per
// rater, then one row per unit; a blank cell is a rating not given. Every problem names the file,
// the row, the column and the reason; nothing is analysed until the whole file is sound.
import { AppError, type ErrorDetail } from '../../errors.js';
import { readCsv, SpreadsheetError, type CellValue } from '../files/index.js';
import type { Level, RatingsTable } from './types.js';

const MAX_DETAILS = 20;
const isNumber = (s: string): boolean => /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s);

function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

const text = (c: CellValue | undefined): string =>
  c === null || c === undefined ? '' : String(c).trim();

export interface RatingsCsvOptions {
  level: Level;
  /** The scale in order (ratings are matched to it ignoring case); checked cell by cell. */
  categories?: string[];
  /** What a unit is; the unit column's heading when not given. */
  unit?: string;
}

interface Row {
  cells: CellValue[];
  line: number;
}

async function rowsOf(bytes: Uint8Array, file: string): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    await readCsv(bytes, file, {
      startSheet: () => true,
      row: (cells, line) => rows.push({ cells, line }),
    });
  } catch (err) {
    if (err instanceof SpreadsheetError)
      throw new AppError('IMPORT_INVALID', {
        message: `${file}: ${err.message}`,
        details: [{ file, reason: err.message }],
      });
    throw err;
  }
  return rows;
}

function checkHeader(header: Row, file: string, problems: ErrorDetail[]): string[] {
  const raters = header.cells.slice(1).map(text);
  while (raters.length > 0 && raters[raters.length - 1] === '') raters.pop();
  const seen = new Map<string, number>();
  raters.forEach((name, j) => {
    const field = `column ${columnLetter(j + 2)}`;
    if (name === '')
      problems.push({
        file,
        row: header.line,
        field,
        reason: 'the rater column has no name in the header',
      });
    else if (seen.has(name))
      problems.push({
        file,
        row: header.line,
        field,
        value: name,
        reason: `rater '${name}' is also the heading of column ${columnLetter(seen.get(name)! + 2)}`,
      });
    else seen.set(name, j);
  });
  if (raters.length < 2)
    problems.push({
      file,
      row: header.line,
      reason: 'the header needs a unit column and then at least two rater columns',
    });
  return raters;
}

function checkRating(
  value: string,
  options: RatingsCsvOptions,
  scale: Map<string, string> | null,
): string | null {
  if (scale && !scale.has(value.toLowerCase()))
    return `'${value}' is not on the scale (${options.categories!.join(', ')})`;
  if (options.level === 'interval' || options.level === 'ratio') {
    if (!isNumber(value)) return `the ${options.level} level needs a number`;
    if (options.level === 'ratio' && Number(value) < 0)
      return 'the ratio level needs a number of 0 or more';
  } else if (options.level === 'ordinal' && !scale && !isNumber(value))
    return 'the ordinal level needs numbers, or the scale in order (--categories)';
  return null;
}

/** Parses and checks the whole file; throws IMPORT_INVALID listing the problems (file, row, column). */
export async function readRatingsCsv(
  bytes: Uint8Array,
  file: string,
  options: RatingsCsvOptions,
): Promise<RatingsTable> {
  const rows = await rowsOf(bytes, file);
  const header = rows[0];
  if (!header)
    throw new AppError('IMPORT_INVALID', {
      message: `${file}: the file is empty`,
      details: [{ file, reason: 'the file is empty' }],
    });
  const problems: ErrorDetail[] = [];
  const raters = checkHeader(header, file, problems);
  const scale = options.categories
    ? new Map(options.categories.map((c) => [c.trim().toLowerCase(), c.trim()]))
    : null;
  const units: RatingsTable['units'] = [];
  const firstRow = new Map<string, number>();
  for (const { cells, line } of rows.slice(1)) {
    const id = text(cells[0]);
    if (id === '')
      problems.push({
        file,
        row: line,
        field: `column A (${text(header.cells[0]) || 'unit'})`,
        reason: 'the unit is blank',
      });
    else if (firstRow.has(id))
      problems.push({
        file,
        row: line,
        field: 'column A',
        value: id,
        reason: `unit '${id}' is also on row ${firstRow.get(id)}`,
      });
    else firstRow.set(id, line);
    const ratings = raters.map((rater, j) => {
      const v = text(cells[j + 1]);
      if (v === '') return null;
      const reason = checkRating(v, options, scale);
      if (reason)
        problems.push({
          file,
          row: line,
          field: `column ${columnLetter(j + 2)} (rater '${rater}')`,
          value: v,
          reason,
        });
      return scale?.get(v.toLowerCase()) ?? v;
    });
    cells.slice(raters.length + 1).forEach((c, j) => {
      if (text(c) !== '')
        problems.push({
          file,
          row: line,
          field: `column ${columnLetter(raters.length + j + 2)}`,
          value: text(c),
          reason: 'a rating in a column with no rater named in the header',
        });
    });
    units.push({ id, ratings });
  }
  if (units.length === 0)
    problems.push({ file, reason: 'there are no units: the file has only a header row' });
  if (problems.length > 0) {
    const first = problems[0]!;
    const where = [first.row !== undefined ? `row ${first.row}` : null, first.field]
      .filter(Boolean)
      .join(', ');
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : '';
    throw new AppError('IMPORT_INVALID', {
      message: `${file}${where ? `, ${where}` : ''}: ${first.reason}${more}`,
      details: problems.slice(0, MAX_DETAILS),
    });
  }
  return { unit: options.unit ?? (text(header.cells[0]) || 'unit'), raters, units };
}
