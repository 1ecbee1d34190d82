// Reads an Annex A workbook (xlsx, ods or one list as csv) into normalised, validated rows.
// Sheets are matched to lists by name, title row or headings; the heading row is found below any
// title rows; headings are matched to the template's columns (exact, then known spellings, then
// patterns) and unknown columns are kept (unless they look identifying); every value is
// normalised and every row validated. Nothing here touches the database: the caller gets rows,
// issues and a summary, and decides whether to store them.
import { readSpreadsheet, type SpreadsheetFormat } from '../files/read-spreadsheet.js';
import type { CellValue } from '../files/spreadsheet.js';
import { codeSet, type CodeSet } from './code-sets.js';
import {
  HEADER_SCAN_ROWS,
  NOT_DATA_SHEET,
  headerScore,
  listFromSheetName,
  matchHeaders,
  type ColumnMap,
} from './headers.js';
import { annexALists, type FieldDef, type FieldType, type ListDef } from './lists.js';
import { dmy } from './messages.js';
import { cellText, normaliseKey, parseDate, type DateResult } from './normalise.js';
import { checkAge, readCells, type CellReadContext, type Flagger } from './read-row.js';
import { createCrossRowChecker, rowChecks, type RowContext } from './rules.js';
import { todayInEngland } from '../../clock.js';

export type Severity = 'error' | 'query';

/** One problem a data manager can act on. Values of identifying columns are never repeated. */
export interface AnnexAIssue {
  list: number | null;
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  value: string | null;
  rule: string;
  severity: Severity;
  message: string;
}

export interface RowFlag {
  field: string | null;
  rule: string;
  severity: Severity;
}

/** A normalised row. `childId`/`adopterId`/`familyId` are the raw identifiers, for the caller to pseudonymise. */
export interface ParsedRow {
  list: number;
  row: number;
  childId: string | null;
  data: Record<string, string | number | boolean | null>;
  extra: Record<string, string> | null;
  flags: RowFlag[];
}

export interface ListSummary {
  list: number;
  title: string;
  sheet: string;
  headerRow: number;
  rows: number;
  flaggedRows: number;
  errors: number;
  queries: number;
  mapped: { column: string; field: string }[];
  unknownColumns: string[];
  droppedColumns: string[];
  missingColumns: string[];
}

export interface ParseResult {
  format: SpreadsheetFormat;
  layout: '2019' | '2023';
  referenceDate: string;
  lists: ListSummary[];
  ignoredSheets: string[];
  rows: ParsedRow[];
  issues: AnnexAIssue[];
  totals: { rows: number; flaggedRows: number; errors: number; queries: number };
}

export interface ParseOptions {
  /** The date ages are computed at and future dates judged against (YYYY-MM-DD). */
  referenceDate: string;
  /** Pseudonymises staff names (workers, personal advisors) as they are read. */
  pseudonymiseStaff: (name: string) => string;
  onProgress?: (fraction: number, rowsRead: number) => void;
  yieldToEventLoop?: boolean;
  /**
   * Receives validated rows in batches while reading goes on (so they can be stored in parallel);
   * awaited, so a slow sink slows reading down. Rows handed over are not kept in
   * ParseResult.rows (so memory stays flat). Cross-row checks run as rows arrive and flag the
   * later row, so a row handed over never changes again.
   */
  onRows?: (rows: ParsedRow[]) => Promise<void>;
  /** Rows per onRows batch (default 2000). */
  batchSize?: number;
}

interface SheetState {
  def: ListDef;
  sheet: string;
  headerRow: number | null;
  columns: ColumnMap[];
  summary: ListSummary;
  buffered: { cells: CellValue[]; row: number }[];
  /** The heading as written in the file, per field key. */
  headerOf: Map<string, string>;
  /** Rows in which each required field was blank. */
  requiredBlank: Map<string, number>;
}

/** Columns whose values are never repeated in the report. */
const SENSITIVE_TYPES = new Set<FieldType>(['id', 'dob', 'staff', 'postcode']);

export async function parseAnnexA(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
): Promise<ParseResult> {
  const ref = options.referenceDate;
  const today = todayInEngland();
  const rows: ParsedRow[] = [];
  const issues: AnnexAIssue[] = [];
  const summaries: ListSummary[] = [];
  const ignoredSheets: string[] = [];
  const seenLists = new Map<number, string>();
  const dateCache = new Map<string, DateResult>();
  const staffCache = new Map<string, string>();
  let state: SheetState | null = null;
  let pending: { name: string; buffered: { cells: CellValue[]; row: number }[] } | null = null;
  let skipSheet = false;
  const crossCheck = createCrossRowChecker();
  const batchSize = options.batchSize ?? 2000;
  const handOver = async (all: boolean): Promise<void> => {
    if (!options.onRows) return;
    while (rows.length >= (all ? 1 : batchSize)) await options.onRows(rows.splice(0, batchSize));
  };
  let rowsRead = 0;
  let layout: '2019' | '2023' = '2019';

  const sets = new Map<string, CodeSet>();
  const setFor = (f: FieldDef): CodeSet => {
    let s = sets.get(f.codeSet!);
    if (!s) {
      s = codeSet(f.codeSet!);
      sets.set(f.codeSet!, s);
    }
    return s;
  };

  const addIssue = (i: Omit<AnnexAIssue, 'sheet'> & { sheet?: string | null }): void => {
    issues.push({ sheet: state?.sheet ?? null, ...i });
    if (state && i.list === state.def.number) {
      if (i.severity === 'error') state.summary.errors++;
      else state.summary.queries++;
    }
  };

  const staffRef = (key: string): string => {
    let refName = staffCache.get(key);
    if (!refName) {
      refName = options.pseudonymiseStaff(key);
      staffCache.set(key, refName);
    }
    return refName;
  };

  const dateOf = (v: CellValue): DateResult => {
    if (typeof v !== 'string') return parseDate(v);
    let r = dateCache.get(v);
    if (!r) {
      r = parseDate(v);
      if (dateCache.size < 100_000) dateCache.set(v, r);
    }
    return r;
  };

  function startList(def: ListDef, sheet: string): SheetState {
    const summary: ListSummary = {
      list: def.number,
      title: def.title,
      sheet,
      headerRow: 0,
      rows: 0,
      flaggedRows: 0,
      errors: 0,
      queries: 0,
      mapped: [],
      unknownColumns: [],
      droppedColumns: [],
      missingColumns: [],
    };
    return {
      def,
      sheet,
      headerRow: null,
      columns: [],
      summary,
      buffered: [],
      headerOf: new Map(),
      requiredBlank: new Map(),
    };
  }

  function setHeader(s: SheetState, cells: CellValue[], rowNumber: number): void {
    s.headerRow = rowNumber;
    s.columns = matchHeaders(s.def, cells);
    s.summary.headerRow = rowNumber;
    const mappedKeys = new Set<string>();
    for (const c of s.columns) {
      if (c.field) {
        s.summary.mapped.push({ column: c.header, field: c.field.key });
        s.headerOf.set(c.field.key, c.header);
        mappedKeys.add(c.field.key);
      } else if (c.keep) s.summary.unknownColumns.push(c.header);
      else if (c.header) s.summary.droppedColumns.push(c.header);
    }
    if (s.def.number === 9 && s.def.fields.some((f) => f.since && mappedKeys.has(f.key)))
      layout = '2023';
    for (const f of s.def.fields) {
      if (mappedKeys.has(f.key)) continue;
      if (f.since && !(s.def.number === 9 && layout === '2023')) continue;
      s.summary.missingColumns.push(f.header);
      addIssue({
        list: s.def.number,
        row: rowNumber,
        column: f.header,
        field: f.key,
        value: null,
        rule: 'column.missing',
        severity: f.canBeBlank ? 'query' : 'error',
        message: `The column '${f.header}' was not found; its values are treated as blank.`,
      });
    }
    if (s.summary.droppedColumns.length > 0)
      addIssue({
        list: s.def.number,
        row: rowNumber,
        column: s.summary.droppedColumns.join(', '),
        field: null,
        value: null,
        rule: 'column.identifying',
        severity: 'query',
        message:
          'These extra columns look like personal data (names, addresses, dates of birth...) and were not stored.',
      });
  }

  let context: CellReadContext | null = null;
  const cellContext = (): CellReadContext => {
    if (context?.layout !== layout)
      context = { layout, referenceDate: ref, today, codeSetFor: setFor, dateOf, staffRef };
    return context;
  };

  function dataRow(s: SheetState, cells: CellValue[], rowNumber: number): void {
    const def = s.def;
    const flags: RowFlag[] = [];
    const flag: Flagger = (field, rule, severity, message, shown, column) => {
      flags.push({ field: field?.key ?? null, rule, severity });
      if (rule === 'required' && field)
        s.requiredBlank.set(field.key, (s.requiredBlank.get(field.key) ?? 0) + 1);
      // Values of identifying columns are never repeated (a placeholder such as '#N/A' is not one).
      const sensitive = field && SENSITIVE_TYPES.has(field.type) && !(rule === 'required');
      addIssue({
        list: def.number,
        row: rowNumber,
        column: column ?? s.headerOf.get(field?.key ?? '') ?? field?.header ?? null,
        field: field?.key ?? null,
        value: sensitive ? null : shown,
        rule,
        severity,
        message,
      });
    };
    const read = readCells(s.columns, cells, cellContext(), flag);
    const { data } = read;
    const fieldOf = (key: string | null): FieldDef | null =>
      key ? (def.fields.find((x) => x.key === key) ?? null) : null;
    checkAge(def.number, data, read.age, ref, fieldOf('age'), flag);
    // Rules comparing cells name the stored value of the flagged cell (dates as DD/MM/YYYY).
    const ctx: RowContext = {
      def,
      data,
      referenceDate: ref,
      flag: (field, rule, severity, message) => {
        const f = fieldOf(field);
        const v = field ? data[field] : undefined;
        const shown =
          f && f.type !== 'dob' && v !== undefined && v !== null
            ? f.type === 'date'
              ? dmy(String(v))
              : String(v)
            : null;
        flag(f, rule, severity, message, shown);
      },
    };
    rowChecks(ctx);
    delete data.dateOfBirth;
    const parsedRow: ParsedRow = {
      list: def.number,
      row: rowNumber,
      childId: read.childId,
      data,
      extra: read.extra,
      flags,
    };
    crossCheck(parsedRow, (field, rule, severity, message) =>
      flag(fieldOf(field), rule, severity, message, null),
    );
    s.summary.rows++;
    if (flags.length > 0) s.summary.flaggedRows++;
    rows.push(parsedRow);
  }

  /**
   * A required column that is blank in every row is one problem with the column, not one per row
   * (the rows keep their flags).
   */
  function collapseEmptyColumns(s: SheetState): void {
    const rowsRead = s.summary.rows;
    if (rowsRead < 2) return;
    const empty = [...s.requiredBlank].filter(([, n]) => n === rowsRead).map(([k]) => k);
    if (empty.length === 0) return;
    const keys = new Set(empty);
    const held = new Map<string, Set<string>>();
    let removed = 0;
    for (let i = issues.length - 1; i >= 0; i--) {
      const x = issues[i]!;
      if (x.rule !== 'required' || x.list !== s.def.number || x.sheet !== s.sheet) continue;
      if (!x.field || !keys.has(x.field)) continue;
      if (x.value) (held.get(x.field) ?? held.set(x.field, new Set()).get(x.field)!).add(x.value);
      issues.splice(i, 1);
      removed++;
    }
    s.summary.errors -= removed;
    for (const key of empty) {
      const f = s.def.fields.find((x) => x.key === key)!;
      const values = [...(held.get(key) ?? [])];
      addIssue({
        list: s.def.number,
        sheet: s.sheet,
        row: s.headerRow,
        column: s.headerOf.get(key) ?? f.header,
        field: key,
        value: values.length === 1 ? values[0]! : null,
        rule: 'column.empty',
        severity: 'error',
        message: `'${f.header}' has no value in any of the ${rowsRead} rows${
          values.length ? ` (they hold ${values.map((v) => `'${v}'`).join(', ')} or nothing)` : ''
        }; the template says it must not be blank. Fill in the column.`,
      });
    }
  }

  function beginList(def: ListDef, sheet: string): void {
    const previous = seenLists.get(def.number);
    if (previous !== undefined) {
      issues.push({
        list: def.number,
        sheet,
        row: null,
        column: null,
        field: null,
        value: null,
        rule: 'list.duplicate',
        severity: 'error',
        message: `List ${def.number} appears twice (sheets '${previous}' and '${sheet}'); only the first was read.`,
      });
      state = null;
      return;
    }
    seenLists.set(def.number, sheet);
    state = startList(def, sheet);
    summaries.push(state.summary);
  }

  function handleRow(cells: CellValue[], rowNumber: number): void {
    rowsRead++;
    if (rowsRead % 5000 === 0) options.onProgress?.(-1, rowsRead);
    if (pending) {
      // A sheet whose name says nothing: find a heading row that fits a list (a title row such as
      // "List 3: Referrals" above it breaks ties).
      const p = pending as {
        name: string;
        buffered: { cells: CellValue[]; row: number }[];
        title?: number;
      };
      p.buffered.push({ cells, row: rowNumber });
      const first = cells.find((c) => typeof c === 'string') as string | undefined;
      const fromTitle = first ? /^\s*list\s*0*(\d{1,2})\b/i.exec(first) : null;
      if (fromTitle) p.title = Number(fromTitle[1]);
      let n: number | null = null;
      let best = 0;
      for (const def of annexALists) {
        const score = headerScore(def, cells) + (p.title === def.number ? 1 : 0);
        const needed = Math.max(3, Math.ceil(def.fields.length * 0.5));
        if (score >= needed && score > best) {
          best = score;
          n = def.number;
        }
      }
      if (n) {
        pending = null;
        if (seenLists.has(n)) {
          ignoredSheets.push(p.name);
          issues.push({
            list: n,
            sheet: p.name,
            row: null,
            column: null,
            field: null,
            value: null,
            rule: 'list.duplicate',
            severity: 'query',
            message: `Sheet '${p.name}' looks like List ${n} too, which was already read from '${seenLists.get(n)}'; it was not read.`,
          });
          return;
        }
        beginList(annexALists[n - 1]!, p.name);
        const s = state as SheetState | null;
        if (s) setHeader(s, cells, rowNumber);
      } else if (p.buffered.length >= HEADER_SCAN_ROWS) {
        ignoredSheets.push(p.name);
        pending = null;
        skipSheet = true;
      }
      return;
    }
    if (skipSheet) return;
    const s = state as SheetState | null;
    if (!s) return;
    if (s.headerRow === null) {
      if (headerScore(s.def, cells) >= Math.min(3, s.def.fields.length))
        setHeader(s, cells, rowNumber);
      else {
        s.buffered.push({ cells, row: rowNumber });
        if (s.buffered.length >= HEADER_SCAN_ROWS) {
          issues.push({
            list: s.def.number,
            sheet: s.sheet,
            row: null,
            column: null,
            field: null,
            value: null,
            rule: 'header.missing',
            severity: 'error',
            message: `No heading row was found in the first ${HEADER_SCAN_ROWS} rows of '${s.sheet}'.`,
          });
          s.summary.errors++;
          state = null;
        }
      }
      return;
    }
    if (cells.every((c) => cellText(c) === null)) return;
    dataRow(s, cells, rowNumber);
  }

  const format = await readSpreadsheet(
    bytes,
    fileName,
    {
      startSheet(name) {
        state = null;
        pending = null;
        skipSheet = false;
        if (NOT_DATA_SHEET.test(normaliseKey(name))) {
          ignoredSheets.push(name);
          return false;
        }
        const n = listFromSheetName(name);
        if (n) beginList(annexALists[n - 1]!, name);
        else pending = { name, buffered: [] };
      },
      row: handleRow,
      endSheet(name) {
        if (pending && !skipSheet) ignoredSheets.push(name);
        const s = state as SheetState | null;
        if (s && s.headerRow !== null) collapseEmptyColumns(s);
        if (s && s.headerRow === null && s.summary.rows === 0) {
          // A list sheet with no heading row at all (e.g. empty): say so, as a query.
          issues.push({
            list: s.def.number,
            sheet: s.sheet,
            row: null,
            column: null,
            field: null,
            value: null,
            rule: 'header.missing',
            severity: s.buffered.length > 0 ? 'error' : 'query',
            message: `No heading row was found in '${s.sheet}'.`,
          });
          if (s.buffered.length > 0) s.summary.errors++;
          else s.summary.queries++;
        }
        state = null;
        pending = null;
      },
    },
    {
      onProgress: (f) => options.onProgress?.(f, rowsRead),
      singleLineValues: true,
      yieldToEventLoop: options.yieldToEventLoop,
      ...(options.onRows ? { onPause: () => handOver(false) } : {}),
    },
  );
  await handOver(true);

  summaries.sort((a, b) => a.list - b.list);
  const totals = { rows: 0, flaggedRows: 0, errors: 0, queries: 0 };
  for (const s of summaries) totals.rows += s.rows;
  for (const s of summaries) totals.flaggedRows += s.flaggedRows;
  for (const i of issues) {
    if (i.severity === 'error') totals.errors++;
    else totals.queries++;
  }
  return {
    format,
    layout,
    referenceDate: ref,
    lists: summaries,
    ignoredSheets,
    rows,
    issues,
    totals,
  };
}
