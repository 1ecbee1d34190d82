// Reads an Annex A workbook (xlsx, ods or one list as csv) into normalised, validated rows.
// Sheets are matched to lists by name, title row or headings; the heading row is found below any
// title rows; headings are matched to the template's columns (exact, then known spellings, then
// patterns) and unknown columns are kept (unless they look identifying); every value is
// normalised and every row validated. Nothing here touches the database: the caller gets rows,
// issues and a summary, and decides whether to store them.
import { readSpreadsheet, type SpreadsheetFormat } from '../files/read-spreadsheet.js';
import type { CellValue } from '../files/spreadsheet.js';
import { codeSet, type CodeSet } from './code-sets.js';
import { annexALists, type FieldDef, type ListDef } from './lists.js';
import {
  ageOn,
  cellText,
  headerKey,
  isPlaceholder,
  normaliseKey,
  parseDate,
  parseInteger,
  type DateResult,
} from './normalise.js';
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

/** Unknown columns whose heading suggests personal data are not kept. */
const IDENTIFYING_HEADER =
  /\b(name|names|forename|surname|address|postcode|post code|nhs|upn|uln|national insurance|ni number|phone|telephone|mobile|email|e mail|birth|dob)\b/;

const HEADER_SCAN_ROWS = 15;

/** Sheets of the Ofsted template (and common extras) that never hold a list. */
const NOT_DATA_SHEET =
  /^(front[ _-]?sheet|front|cover|guidance|faq|faq[ _-]and[ _-]changes|codes[ _-]?used|codes|lookups?|contents|notes|instructions|read ?me|validation|summary)\b/;

interface ColumnMap {
  field: FieldDef | null;
  header: string;
  keep: boolean;
}

interface SheetState {
  def: ListDef;
  sheet: string;
  headerRow: number | null;
  columns: ColumnMap[];
  summary: ListSummary;
  buffered: { cells: CellValue[]; row: number }[];
}

function listFromSheetName(name: string): number | null {
  const key = normaliseKey(name);
  const m = /\blist[\s_-]*0*(\d{1,2})\b/.exec(key) ?? /^l0*(\d{1,2})\b/.exec(key);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 11 ? n : null;
  }
  const words = headerKey(name);
  // Adopters before adoption, children in need before child protection...
  for (const n of [11, 10, 9, 8, 6, 7, 5, 4, 3, 2, 1]) {
    if (annexALists[n - 1]!.sheetWords.test(words)) return n;
  }
  return null;
}

function matchHeaders(def: ListDef, cells: CellValue[]): ColumnMap[] {
  const used = new Set<string>();
  const out: ColumnMap[] = [];
  const keys = cells.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
  const byExact = new Map<string, FieldDef>();
  for (const f of def.fields) {
    byExact.set(headerKey(f.header), f);
    for (const a of f.aliases ?? []) if (!byExact.has(headerKey(a))) byExact.set(headerKey(a), f);
  }
  // Pass 1: exact headings and known spellings.
  const chosen: (FieldDef | null)[] = keys.map((k) => {
    const f = k ? byExact.get(k) : undefined;
    if (f && !used.has(f.key)) {
      used.add(f.key);
      return f;
    }
    return null;
  });
  // Pass 2: patterns, for headings still unmatched.
  keys.forEach((k, i) => {
    if (!k || chosen[i]) return;
    const f = def.fields.find((fd) => !used.has(fd.key) && fd.pattern?.test(k));
    if (f) {
      used.add(f.key);
      chosen[i] = f;
    }
  });
  cells.forEach((c, i) => {
    const header =
      typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : c === null ? '' : String(c);
    const field = chosen[i] ?? null;
    out.push({
      field,
      header,
      keep: !field && header !== '' && !IDENTIFYING_HEADER.test(keys[i] ?? ''),
    });
  });
  return out;
}

function headerScore(def: ListDef, cells: CellValue[]): number {
  return matchHeaders(def, cells).filter((c) => c.field).length;
}

function postcodeDistrict(text: string): string | null {
  const pc = text.toUpperCase().replace(/\s+/g, '');
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(pc) ?? /^([A-Z]{1,2}\d[A-Z\d]?)$/.exec(pc);
  return m ? m[1]! : null;
}

export async function parseAnnexA(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
): Promise<ParseResult> {
  const ref = options.referenceDate;
  const refYear = Number(ref.slice(0, 4));
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
    return { def, sheet, headerRow: null, columns: [], summary, buffered: [] };
  }

  function setHeader(s: SheetState, cells: CellValue[], rowNumber: number): void {
    s.headerRow = rowNumber;
    s.columns = matchHeaders(s.def, cells);
    s.summary.headerRow = rowNumber;
    const mappedKeys = new Set<string>();
    for (const c of s.columns) {
      if (c.field) {
        s.summary.mapped.push({ column: c.header, field: c.field.key });
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

  function dataRow(s: SheetState, cells: CellValue[], rowNumber: number): void {
    const def = s.def;
    const data: ParsedRow['data'] = {};
    const flags: RowFlag[] = [];
    let extra: Record<string, string> | null = null;
    let childId: string | null = null;
    let provided: number | null = null;
    const flag = (
      field: FieldDef | null,
      rule: string,
      severity: 'error' | 'query',
      message: string,
      raw: CellValue = null,
      column?: string,
    ): void => {
      flags.push({ field: field?.key ?? null, rule, severity });
      const sensitive = field && ['id', 'dob', 'staff', 'postcode'].includes(field.type);
      addIssue({
        list: def.number,
        row: rowNumber,
        column: column ?? field?.header ?? null,
        field: field?.key ?? null,
        value: sensitive || raw === null ? null : String(cellText(raw) ?? raw).slice(0, 200),
        rule,
        severity,
        message,
      });
    };
    for (let i = 0; i < s.columns.length; i++) {
      const col = s.columns[i]!;
      const raw = cells[i] ?? null;
      const f = col.field;
      if (!f) {
        if (col.keep) {
          const t = cellText(raw);
          if (t !== null) (extra ??= {})[col.header] = t.slice(0, 500);
        }
        continue;
      }
      const text = f.type === 'date' || f.type === 'dob' ? null : cellText(raw);
      const blank = f.type === 'date' || f.type === 'dob' ? cellText(raw) === null : text === null;
      if (blank) {
        if (!f.canBeBlank && !(f.since && layout !== '2023'))
          flag(
            f,
            'required',
            'error',
            isPlaceholder(raw)
              ? `'${f.header}' must not be blank (it holds '${String(raw).trim()}').`
              : `'${f.header}' must not be blank.`,
            isPlaceholder(raw) ? raw : null,
            col.header,
          );
        // Blank values are simply absent from `data` (a missing key means blank).
        continue;
      }
      switch (f.type) {
        case 'id':
          if (f.key === 'childId' || f.key === 'adopterId') childId = text;
          else data[f.key] = text; // familyRef: pseudonymised by the caller
          break;
        case 'dob':
        case 'date': {
          const d = dateOf(raw);
          if (!d.ok) {
            flag(
              f,
              'date.invalid',
              'error',
              `'${f.header}' is not a date (DD/MM/YYYY).`,
              raw,
              col.header,
            );
            break;
          }
          const y = Number(d.iso.slice(0, 4));
          if (y < 1900 || y > refYear + 2) {
            flag(
              f,
              'date.implausible',
              'error',
              `'${f.header}' is an implausible date (${d.iso.slice(0, 4)}).`,
              f.type === 'dob' ? null : raw,
              col.header,
            );
            break;
          }
          if (f.type === 'dob') {
            data.birthMonth = d.iso.slice(0, 7);
            data.dateOfBirth = d.iso; // removed below, after the age is computed
          } else {
            data[f.key] = d.iso;
            if (d.iso > today)
              flag(f, 'date.future', 'query', `'${f.header}' is in the future.`, raw, col.header);
          }
          break;
        }
        case 'age': {
          const n = parseInteger(raw);
          if (!n.ok)
            flag(
              f,
              'integer.invalid',
              'error',
              `'${f.header}' is not a number of years.`,
              raw,
              col.header,
            );
          else provided = n.value;
          break;
        }
        case 'integer': {
          const n = parseInteger(raw);
          if (!n.ok || n.value < 0) {
            flag(
              f,
              'integer.invalid',
              'error',
              `'${f.header}' must be a whole number, 0 or more.`,
              raw,
              col.header,
            );
          } else {
            data[f.key] = n.value;
            if (n.fractional)
              flag(
                f,
                'integer.fraction',
                'query',
                `'${f.header}' has a fraction; it was truncated.`,
                raw,
                col.header,
              );
          }
          break;
        }
        case 'code': {
          const set = setFor(f);
          const m = set.match(text!);
          const grouped = set.codes.some((c) => c.group);
          if (m.kind === 'code') {
            data[f.key] = m.code;
            if (grouped) data[`${f.key}Group`] = m.group;
          } else if (m.kind === 'group') {
            if (grouped) data[`${f.key}Group`] = m.group;
            flag(
              f,
              'code.group-only',
              'query',
              `'${text}' only tells the group (${m.group.replace(/_/g, ' ')}), not the exact code.`,
              raw,
              col.header,
            );
          } else {
            flag(
              f,
              'code.unknown',
              'error',
              `'${f.header}' has a value that is not in the code list.`,
              raw,
              col.header,
            );
          }
          break;
        }
        case 'staff': {
          const key = normaliseKey(text!);
          let refName = staffCache.get(key);
          if (!refName) {
            refName = options.pseudonymiseStaff(key);
            staffCache.set(key, refName);
          }
          data[f.key] = refName;
          break;
        }
        case 'postcode': {
          const district = postcodeDistrict(text!);
          data[f.key] = district;
          if (!district)
            flag(
              f,
              'postcode.invalid',
              'query',
              `'${f.header}' is not a UK postcode.`,
              null,
              col.header,
            );
          break;
        }
        case 'text':
          data[f.key] = text!.replace(/\s+/g, ' ').slice(0, 200);
          break;
      }
    }
    // Fields whose column is missing are blank (already reported once as column.missing).
    const ctx: RowContext = {
      def,
      data,
      referenceDate: ref,
      flag: (field, rule, severity, message) => {
        const f = field ? (def.fields.find((x) => x.key === field) ?? null) : null;
        flag(
          f,
          rule,
          severity,
          message,
          f && f.type !== 'dob' ? ((data[field!] as CellValue) ?? null) : null,
        );
      },
    };
    // Age: computed from the date of birth at the reference date; -1 for unborn children.
    if (def.number !== 11) {
      const birth = data.dateOfBirth as string | undefined;
      let age: number | null = provided;
      let unborn = provided === -1;
      if (birth) {
        const computed = ageOn(birth, ref);
        if (birth > ref) unborn = true;
        age = unborn ? -1 : computed;
        if (provided !== null && provided !== -1 && !unborn && Math.abs(computed - provided) > 1)
          ctx.flag(
            'age',
            'age.mismatch',
            'query',
            `The age (${provided}) does not match the date of birth (${computed} at ${ref}).`,
          );
      }
      if (age !== null) data.age = age;
      if (unborn) data.unborn = true;
      if (age !== null && (age < -1 || age > 25))
        ctx.flag('age', 'age.range', 'error', `The age (${age}) is outside -1 (unborn) to 25.`);
      else if (age !== null && def.number !== 9 && age > 18)
        ctx.flag(
          'age',
          'age.out-of-scope',
          'query',
          `The child is ${age}: older than children's services usually serve.`,
        );
      else if (age !== null && def.number === 9 && (age < 16 || age > 25))
        ctx.flag(
          'age',
          'age.out-of-scope',
          'query',
          `A care leaver aged ${age} is unusual (16 to 25 expected).`,
        );
    }
    rowChecks(ctx);
    delete data.dateOfBirth;
    const parsedRow: ParsedRow = { list: def.number, row: rowNumber, childId, data, extra, flags };
    crossCheck(parsedRow, (field, rule, severity, message) =>
      flag(
        field ? (def.fields.find((x) => x.key === field) ?? null) : null,
        rule,
        severity,
        message,
      ),
    );
    s.summary.rows++;
    if (flags.length > 0) s.summary.flaggedRows++;
    rows.push(parsedRow);
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
