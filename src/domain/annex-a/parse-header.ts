// A list's heading row: which columns map to which fields, which are kept or dropped, and which
// the template has but the file does not.
import type { CellValue } from '../files/spreadsheet.js';
import { matchHeaders } from './headers.js';
import type { ListDef } from './lists.js';
import { addIssue, type ParseRun, type SheetState } from './parse-run.js';
import type { ListSummary } from './parse-types.js';

/** A list found on a sheet, before its heading row. */
export function startList(def: ListDef, sheet: string): SheetState {
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

export function setHeader(
  run: ParseRun,
  s: SheetState,
  cells: CellValue[],
  rowNumber: number,
): void {
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
  // List 9's columns added in 2023 tell the layout.
  if (s.def.number === 9 && s.def.fields.some((f) => f.since && mappedKeys.has(f.key)))
    run.layout = '2023';
  reportMissingColumns(run, s, mappedKeys, rowNumber);
  if (s.summary.droppedColumns.length > 0)
    addIssue(run, {
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

function reportMissingColumns(
  run: ParseRun,
  s: SheetState,
  mappedKeys: Set<string>,
  rowNumber: number,
): void {
  for (const f of s.def.fields) {
    if (mappedKeys.has(f.key)) continue;
    if (f.since && !(s.def.number === 9 && run.layout === '2023')) continue;
    s.summary.missingColumns.push(f.header);
    addIssue(run, {
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
}
