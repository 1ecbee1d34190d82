// Finding the lists in a workbook: a sheet is a list by its name, or else by a heading row (or a
// title row such as "List 3: Referrals") within its first rows; a list's heading row may sit
// below title rows. Sheets that are not lists are listed as ignored.
import type { CellValue } from '../files/spreadsheet.js';
import { HEADER_SCAN_ROWS, NOT_DATA_SHEET, headerScore, listFromSheetName } from './headers.js';
import { annexALists, type ListDef } from './lists.js';
import { normaliseKey } from './normalise.js';
import { setHeader, startList } from './parse-header.js';
import { collapseEmptyColumns } from './parse-row.js';
import { sheetIssue, type ParseRun, type PendingSheet } from './parse-run.js';

export function startSheet(run: ParseRun, name: string): false | void {
  run.state = null;
  run.pending = null;
  run.skipSheet = false;
  if (NOT_DATA_SHEET.test(normaliseKey(name))) {
    run.ignoredSheets.push(name);
    return false;
  }
  const n = listFromSheetName(name);
  if (n) beginList(run, annexALists[n - 1]!, name);
  else run.pending = { name, buffered: [] };
}

export function endSheet(run: ParseRun, name: string): void {
  if (run.pending && !run.skipSheet) run.ignoredSheets.push(name);
  const s = run.state;
  if (s && s.headerRow !== null) collapseEmptyColumns(run, s);
  if (s && s.headerRow === null && s.summary.rows === 0) {
    // A list sheet with no heading row at all (e.g. empty): say so, as a query.
    const severity = s.buffered.length > 0 ? 'error' : 'query';
    run.issues.push(
      sheetIssue(
        s.def.number,
        s.sheet,
        'header.missing',
        severity,
        `No heading row was found in '${s.sheet}'.`,
      ),
    );
    if (s.buffered.length > 0) s.summary.errors++;
    else s.summary.queries++;
  }
  run.state = null;
  run.pending = null;
}

function beginList(run: ParseRun, def: ListDef, sheet: string): void {
  const previous = run.seenLists.get(def.number);
  if (previous !== undefined) {
    run.issues.push(
      sheetIssue(
        def.number,
        sheet,
        'list.duplicate',
        'error',
        `List ${def.number} appears twice (sheets '${previous}' and '${sheet}'); only the first was read.`,
      ),
    );
    run.state = null;
    return;
  }
  run.seenLists.set(def.number, sheet);
  run.state = startList(def, sheet);
  run.summaries.push(run.state.summary);
}

/**
 * A row of a sheet whose name says nothing: find a heading row that fits a list (a title row such
 * as "List 3: Referrals" above it breaks ties); give up after the first rows.
 */
export function pendingSheetRow(
  run: ParseRun,
  p: PendingSheet,
  cells: CellValue[],
  rowNumber: number,
): void {
  p.buffered.push({ cells, row: rowNumber });
  const first = cells.find((c) => typeof c === 'string') as string | undefined;
  const fromTitle = first ? /^\s*list\s*0*(\d{1,2})\b/i.exec(first) : null;
  if (fromTitle) p.title = Number(fromTitle[1]);
  const n = bestListFor(cells, p.title);
  if (n) {
    run.pending = null;
    if (run.seenLists.has(n)) {
      run.ignoredSheets.push(p.name);
      run.issues.push(
        sheetIssue(
          n,
          p.name,
          'list.duplicate',
          'query',
          `Sheet '${p.name}' looks like List ${n} too, which was already read from '${run.seenLists.get(n)}'; it was not read.`,
        ),
      );
      return;
    }
    beginList(run, annexALists[n - 1]!, p.name);
    const s = run.state;
    if (s) setHeader(run, s, cells, rowNumber);
  } else if (p.buffered.length >= HEADER_SCAN_ROWS) {
    run.ignoredSheets.push(p.name);
    run.pending = null;
    run.skipSheet = true;
  }
}

/** The list whose headings these cells fit best, if any fits well enough. */
function bestListFor(cells: CellValue[], title: number | undefined): number | null {
  let n: number | null = null;
  let best = 0;
  for (const def of annexALists) {
    const score = headerScore(def, cells) + (title === def.number ? 1 : 0);
    const needed = Math.max(3, Math.ceil(def.fields.length * 0.5));
    if (score >= needed && score > best) {
      best = score;
      n = def.number;
    }
  }
  return n;
}

/** A row of a list sheet before its heading row: the heading, or a title row to pass over. */
export function headingSearchRow(run: ParseRun, cells: CellValue[], rowNumber: number): void {
  const s = run.state!;
  if (headerScore(s.def, cells) >= Math.min(3, s.def.fields.length)) {
    setHeader(run, s, cells, rowNumber);
    return;
  }
  s.buffered.push({ cells, row: rowNumber });
  if (s.buffered.length >= HEADER_SCAN_ROWS) {
    run.issues.push(
      sheetIssue(
        s.def.number,
        s.sheet,
        'header.missing',
        'error',
        `No heading row was found in the first ${HEADER_SCAN_ROWS} rows of '${s.sheet}'.`,
      ),
    );
    s.summary.errors++;
    run.state = null;
  }
}
