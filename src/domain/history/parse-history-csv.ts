// Turns one history CSV into events, and every row it cannot use into a problem naming the file,
// row, field, value and reason. Nothing is dropped without a problem, except rows with no data at
// all (spreadsheet exports end with some). Which file it is comes from its header row; up to ten
// title rows above the header (as in Ofsted's spreadsheet sheets saved as CSV) are passed over.
import { parse } from 'csv-parse/sync';
import { isValidOn, type LaIdentity } from '../las/la.js';
import type { LaLookup, LaRegister } from '../las/register.js';
import { detectFormat, historyFormats, normaliseHeader, type HistoryFormat } from './formats.js';
import {
  frameworkFor,
  isGraded,
  judgementsOf,
  refineActivityType,
  sifEquivalents,
} from './frameworks.js';
import { sourceKeyFor } from './merge.js';
import {
  judgementKeys,
  judgementLabels,
  type GradeKey,
  type Grades,
  type JudgementKey,
  type ParsedHistoryEvent,
} from './types.js';
import { readActivityType, readDate, readDateRange, readGrade, tidy } from './values.js';

/** Where and why a row cannot be used (the same shape as ErrorDetail in src/errors.ts). */
export interface RowProblem {
  file: string;
  row: number;
  field?: string;
  value?: string;
  reason: string;
}

export type ParseHistoryResult =
  | {
      ok: true;
      format: HistoryFormat;
      rows: number;
      events: ParsedHistoryEvent[];
      problems: RowProblem[];
    }
  | { ok: false; problem: RowProblem };

const HEADER_SEARCH_ROWS = 10;
/** No history file has more than a few dozen columns; a cell never holds more than Excel allows. */
export const HISTORY_MAX_COLUMNS = 1_000;
export const HISTORY_MAX_CELL_CHARS = 32_767;
const HISTORY_MAX_ROW_CHARS = HISTORY_MAX_COLUMNS * 64 + HISTORY_MAX_CELL_CHARS * 4;

class HistoryLimit extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

function checkRecord(r: { record: string[]; info: { lines: number } }): typeof r {
  if (r.record.length > HISTORY_MAX_COLUMNS)
    throw new HistoryLimit(
      `Row ${r.info.lines} has ${r.record.length.toLocaleString('en-GB')} columns; the limit is ${HISTORY_MAX_COLUMNS.toLocaleString('en-GB')}`,
      r.info.lines,
    );
  const long = r.record.findIndex((v) => v.length > HISTORY_MAX_CELL_CHARS);
  if (long >= 0)
    throw new HistoryLimit(
      `Row ${r.info.lines}, column ${long + 1} holds ${r.record[long]!.length.toLocaleString('en-GB')} characters; a cell may hold at most ${HISTORY_MAX_CELL_CHARS.toLocaleString('en-GB')}`,
      r.info.lines,
    );
  return r;
}

export function parseHistoryCsv(
  text: string,
  fileName: string,
  register: LaRegister,
): ParseHistoryResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: HISTORY_MAX_ROW_CHARS,
      // With `info`, csv-parse hands on_record the record with its info (its types say otherwise).
      on_record: checkRecord as unknown as (record: string[]) => string[],
    }) as unknown as typeof records;
  } catch (err) {
    const line = err instanceof HistoryLimit ? err.row : (err as { lines?: number }).lines;
    const code = (err as { code?: string }).code;
    const reason =
      err instanceof HistoryLimit
        ? `${err.message}: this is not an inspection-history file`
        : code === 'CSV_MAX_RECORD_SIZE'
          ? `Row ${line ?? '?'} is longer than ${HISTORY_MAX_ROW_CHARS.toLocaleString('en-GB')} characters, the most a row may hold (at most ${HISTORY_MAX_COLUMNS.toLocaleString('en-GB')} columns and ${HISTORY_MAX_CELL_CHARS.toLocaleString('en-GB')} characters in a cell)`
          : `The file is not valid CSV: ${(err as Error).message}`;
    return { ok: false, problem: { file: fileName, row: line ?? 0, reason } };
  }
  const headerAt = records.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => detectFormat(r.record));
  const header = records[headerAt];
  const format = header ? detectFormat(header.record) : undefined;
  if (!header || !format) {
    return {
      ok: false,
      problem: {
        file: fileName,
        row: records[0]?.info.lines ?? 1,
        reason: `The header row does not match any known history file (${historyFormats.map((f) => f.label).join('; ')})`,
      },
    };
  }
  const columns = new Map(
    header.record.map((h, i) => [normaliseHeader(h), { index: i, name: tidy(h) }]),
  );
  const events: ParsedHistoryEvent[] = [];
  const problems: RowProblem[] = [];
  let rows = 0;
  for (const { record, info } of records.slice(headerAt + 1)) {
    if (record.every((cell) => cell.trim() === '')) continue;
    rows += 1;
    const result = readRow(record, info.lines, { fileName, format, columns, register });
    if ('event' in result) events.push(result.event);
    else problems.push(...result.problems);
  }
  return { ok: true, format, rows, events, problems };
}

interface RowContext {
  fileName: string;
  format: HistoryFormat;
  columns: Map<string, { index: number; name: string }>;
  register: LaRegister;
}

function readRow(
  record: string[],
  row: number,
  { fileName, format, columns, register }: RowContext,
): { event: ParsedHistoryEvent } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (c: Cell, reason: string) => {
    problems.push({ file: fileName, row, field: c?.field, value: c?.value || undefined, reason });
  };
  const cells = new Map<string, NonNullable<Cell>>();
  for (const [header, col] of columns) {
    cells.set(header, { field: col.name, value: tidy(record[col.index]) });
  }
  deriveCells(format, cells, problem);
  const cell = (header: string | undefined): Cell =>
    header === undefined ? undefined : cells.get(header);
  const date = (header: string | undefined) => {
    const c = cell(header);
    const read = readDate(c?.value);
    if (!read.ok) problem(c, read.reason);
    return read.ok ? read.value : null;
  };

  const startCell = cell(format.startDate);
  const startDate = date(format.startDate);
  if (startDate === null && startCell?.value === '')
    problem(startCell, 'the start date is missing');
  const endDate = date(format.endDate);
  const publicationDate = date(format.publicationDate);
  if (startDate && endDate && endDate < startDate)
    problem(cell(format.endDate), 'the end date is before the start date');
  if (startDate && publicationDate && publicationDate < startDate) {
    problem(cell(format.publicationDate), 'the publication date is before the start date');
  }

  const la = findLa(register, format, cell, startDate ?? undefined);
  if ('reason' in la) problem(la.cell, la.reason);
  else if (startDate && !isValidOn(la.la, startDate)) {
    const span = [la.la.validFrom ?? '…', la.la.validTo ?? 'today'].join(' to ');
    problem(la.cell, `${la.la.name} did not exist on ${startDate} (it existed ${span})`);
  }

  const typeCell = cell(format.type);
  const typeRead = readActivityType(typeCell?.value);
  if (!typeRead.ok) problem(typeCell, typeRead.reason);
  const namedType = typeRead.ok ? (typeRead.value ?? format.defaultType ?? null) : null;
  if (typeRead.ok && namedType === null)
    problem(typeCell, 'the type of inspection or visit is missing');

  const headerOf = (key: JudgementKey) => format.grades[key]?.find((h) => columns.has(h));
  const read: Grades = {};
  for (const key of judgementKeys) {
    const c = cell(headerOf(key));
    const grade = readGrade(c?.value);
    if (!grade.ok) problem(c, grade.reason);
    else if (grade.value) read[key] = grade.value;
  }

  if (startDate === null || namedType === null || 'reason' in la || problems.length > 0)
    return { problems };

  const frameworkId = frameworkFor(startDate, namedType);
  const activityType = refineActivityType(namedType, frameworkId);
  const allowed = judgementsOf(frameworkId);
  const grades: Grades = {};
  for (const [key, grade] of Object.entries(read) as [JudgementKey, GradeKey][]) {
    const c = cell(headerOf(key));
    // A file with ILACS columns can only hold a SIF grade under the ILACS judgement that replaced it.
    const stored = frameworkId === 'sif-2013' ? (sifEquivalents[key] ?? key) : key;
    if (!isGraded(activityType)) problem(c, `a ${activityType.replace('_', ' ')} is not graded`);
    else if (frameworkId && !allowed.includes(stored)) {
      problem(
        c,
        `the ${frameworkId} framework (in force on ${startDate}) has no judgement "${judgementLabels[stored]}"`,
      );
    } else grades[stored] = grade;
  }
  if (problems.length > 0) return { problems };

  return {
    event: {
      sourceKey: sourceKeyFor(la.la.id, activityType, startDate),
      laId: la.la.id,
      activityType,
      frameworkId,
      startDate,
      endDate,
      publicationDate,
      theme: cell(format.theme)?.value || null,
      grades,
      source: format.source,
      file: fileName,
      row,
    },
  };
}

type Cell = { field: string; value: string } | undefined;

/**
 * Virtual columns for files that pack several facts into one cell: the report file name (URN,
 * authority, publication date) and the fieldwork period (start and end). A virtual cell keeps the
 * real column's name, so problems point at what is in the file.
 */
function deriveCells(
  format: HistoryFormat,
  cells: Map<string, NonNullable<Cell>>,
  problem: (c: Cell, reason: string) => void,
): void {
  const file = format.reportFile ? cells.get(format.reportFile) : undefined;
  if (file) {
    const m = file.value.match(/^(\d+)_(.+?)__(.*?)(?: - (\d{1,2} [a-z]+ \d{4}))?$/i);
    if (!m) problem(file, 'not a report file name (expected "<URN>_<name>__<title> - <date>")');
    else {
      cells.set('#urn', { field: file.field, value: m[1] ?? '' });
      cells.set('#name', { field: file.field, value: m[2] ?? '' });
      cells.set('#published', { field: file.field, value: m[4] ?? '' });
    }
  }
  const period = format.dateRange ? cells.get(format.dateRange) : undefined;
  if (period) {
    const range = readDateRange(period.value);
    if (!range.ok) problem(period, range.reason);
    else {
      cells.set('#start', { field: period.field, value: range.value?.start ?? '' });
      cells.set('#end', { field: period.field, value: range.value?.end ?? '' });
    }
  }
}

/**
 * The authority a row is about: by its code (GSS or URN) when it has one, checked against its
 * name, so that a row whose code and name point at different authorities is not guessed at.
 */
function findLa(
  register: LaRegister,
  format: HistoryFormat,
  cell: (header: string | undefined) => Cell,
  on: string | undefined,
): { la: LaIdentity; cell: Cell } | { reason: string; cell: Cell } {
  const codeCell = cell(format.laCode) ?? cell(format.urn);
  const nameCell = cell(format.laName);
  const byName = nameCell?.value ? register.byName(nameCell.value, on) : undefined;
  if (codeCell?.value) {
    const found: LaLookup = format.laCode
      ? register.byGss(codeCell.value, on)
      : register.byUrn(codeCell.value, on);
    if (!found.ok)
      return {
        cell: codeCell,
        reason: `no local authority has this ${format.laCode ? 'GSS code' : 'Ofsted URN'}`,
      };
    if (byName?.ok && byName.la.id !== found.la.id) {
      return {
        cell: nameCell,
        reason: `the name is ${byName.la.name} (${byName.la.id}) but the code is ${found.la.name} (${found.la.id})`,
      };
    }
    return { la: found.la, cell: codeCell };
  }
  if (!nameCell?.value)
    return { cell: codeCell ?? nameCell, reason: 'the local authority is missing' };
  if (!byName?.ok) {
    const why =
      byName?.reason === 'ambiguous'
        ? 'the name matches more than one local authority'
        : 'no local authority has this name';
    return { cell: nameCell, reason: why };
  }
  return { la: byName.la, cell: nameCell };
}
