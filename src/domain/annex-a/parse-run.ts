// The state of one read of a workbook, shared by the steps in parse-*.ts: what has been found so
// far, the sheet being read, and caches that make a 100,000-row file cheap to read.
import type { CellValue } from '../files/spreadsheet.js';
import { codeSet, type CodeSet } from './code-sets.js';
import type { ColumnMap } from './headers.js';
import type { FieldDef, ListDef } from './lists.js';
import { parseDate, type DateResult } from './normalise.js';
import type { CellReadContext } from './read-row.js';
import { createCrossRowChecker } from './rules.js';
import type { AnnexAIssue, ListSummary, ParsedRow, ParseOptions } from './parse-types.js';
import { todayInEngland } from '../../clock.js';

export interface BufferedRow {
  cells: CellValue[];
  row: number;
}

/** A sheet known to hold a list. */
export interface SheetState {
  def: ListDef;
  sheet: string;
  headerRow: number | null;
  columns: ColumnMap[];
  summary: ListSummary;
  buffered: BufferedRow[];
  /** The heading as written in the file, per field key. */
  headerOf: Map<string, string>;
  /** Rows in which each required field was blank. */
  requiredBlank: Map<string, number>;
}

/** A sheet whose name says nothing, while its first rows are searched for a list's headings. */
export interface PendingSheet {
  name: string;
  buffered: BufferedRow[];
  /** The list a title row such as "List 3: Referrals" names. */
  title?: number;
}

export interface ParseRun {
  options: ParseOptions;
  ref: string;
  today: string;
  rows: ParsedRow[];
  issues: AnnexAIssue[];
  summaries: ListSummary[];
  ignoredSheets: string[];
  /** Sheet each list was read from. */
  seenLists: Map<number, string>;
  state: SheetState | null;
  pending: PendingSheet | null;
  skipSheet: boolean;
  layout: '2019' | '2023';
  rowsRead: number;
  crossCheck: ReturnType<typeof createCrossRowChecker>;
  codeSetFor: (f: FieldDef) => CodeSet;
  dateOf: (v: CellValue) => DateResult;
  staffRef: (key: string) => string;
  context: CellReadContext | null;
}

export function createRun(options: ParseOptions): ParseRun {
  const sets = new Map<string, CodeSet>();
  const dateCache = new Map<string, DateResult>();
  const staffCache = new Map<string, string>();
  return {
    options,
    ref: options.referenceDate,
    today: todayInEngland(),
    rows: [],
    issues: [],
    summaries: [],
    ignoredSheets: [],
    seenLists: new Map(),
    state: null,
    pending: null,
    skipSheet: false,
    layout: '2019',
    rowsRead: 0,
    crossCheck: createCrossRowChecker(),
    codeSetFor: (f) => {
      let s = sets.get(f.codeSet!);
      if (!s) {
        s = codeSet(f.codeSet!);
        sets.set(f.codeSet!, s);
      }
      return s;
    },
    dateOf: (v) => {
      if (typeof v !== 'string') return parseDate(v);
      let r = dateCache.get(v);
      if (!r) {
        r = parseDate(v);
        if (dateCache.size < 100_000) dateCache.set(v, r);
      }
      return r;
    },
    staffRef: (key) => {
      let refName = staffCache.get(key);
      if (!refName) {
        refName = options.pseudonymiseStaff(key);
        staffCache.set(key, refName);
      }
      return refName;
    },
    context: null,
  };
}

/** Records an issue (on the sheet being read, unless it names one) and counts it for its list. */
export function addIssue(
  run: ParseRun,
  i: Omit<AnnexAIssue, 'sheet'> & { sheet?: string | null },
): void {
  const state = run.state;
  run.issues.push({ sheet: state?.sheet ?? null, ...i });
  if (state && i.list === state.def.number) {
    if (i.severity === 'error') state.summary.errors++;
    else state.summary.queries++;
  }
}

/** What reading a cell needs; made again only when the layout changes. */
export function cellContext(run: ParseRun): CellReadContext {
  if (run.context?.layout !== run.layout)
    run.context = {
      layout: run.layout,
      referenceDate: run.ref,
      today: run.today,
      codeSetFor: run.codeSetFor,
      dateOf: run.dateOf,
      staffRef: run.staffRef,
    };
  return run.context;
}

/** An issue about a whole sheet or list (no row, column or value). */
export function sheetIssue(
  list: number,
  sheet: string,
  rule: string,
  severity: AnnexAIssue['severity'],
  message: string,
): AnnexAIssue {
  return {
    list,
    sheet,
    row: null,
    column: null,
    field: null,
    value: null,
    rule,
    severity,
    message,
  };
}
