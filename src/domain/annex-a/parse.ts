// Reads an Annex A workbook (xlsx, ods or one list as csv) into normalised, validated rows.
// Sheets are matched to lists by name, title row or headings; the heading row is found below any
// title rows; headings are matched to the template's columns (exact, then known spellings, then
// patterns) and unknown columns are kept (unless they look identifying); every value is
// normalised and every row validated. Nothing here touches the database: the caller gets rows,
// issues and a summary, and decides whether to store them.
// The steps are in parse-sheets.ts (finding lists), parse-header.ts (heading rows) and
// parse-row.ts (data rows), sharing the state in parse-run.ts.
import type { CellValue } from '../files/spreadsheet.js';
import { readSpreadsheet } from '../files/read-spreadsheet.js';
import { cellText } from './normalise.js';
import { dataRow } from './parse-row.js';
import { createRun, type ParseRun } from './parse-run.js';
import { endSheet, headingSearchRow, pendingSheetRow, startSheet } from './parse-sheets.js';
import type { ParseOptions, ParseResult } from './parse-types.js';

export type {
  AnnexAIssue,
  ListSummary,
  ParsedRow,
  ParseOptions,
  ParseResult,
  RowFlag,
  Severity,
} from './parse-types.js';

export async function parseAnnexA(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
): Promise<ParseResult> {
  const run = createRun(options);
  const batchSize = options.batchSize ?? 2000;
  // Validated rows go to the caller in batches while reading goes on (see ParseOptions.onRows).
  const handOver = async (all: boolean): Promise<void> => {
    if (!options.onRows) return;
    while (run.rows.length >= (all ? 1 : batchSize))
      await options.onRows(run.rows.splice(0, batchSize));
  };
  const format = await readSpreadsheet(
    bytes,
    fileName,
    {
      startSheet: (name) => startSheet(run, name),
      row: (cells, rowNumber) => handleRow(run, cells, rowNumber),
      endSheet: (name) => endSheet(run, name),
    },
    {
      onProgress: (f) => options.onProgress?.(f, run.rowsRead),
      singleLineValues: true,
      yieldToEventLoop: options.yieldToEventLoop,
      ...(options.onRows ? { onPause: () => handOver(false) } : {}),
    },
  );
  await handOver(true);
  return result(run, format);
}

function handleRow(run: ParseRun, cells: CellValue[], rowNumber: number): void {
  run.rowsRead++;
  if (run.rowsRead % 5000 === 0) run.options.onProgress?.(-1, run.rowsRead);
  if (run.pending) return pendingSheetRow(run, run.pending, cells, rowNumber);
  if (run.skipSheet) return;
  const s = run.state;
  if (!s) return;
  if (s.headerRow === null) return headingSearchRow(run, cells, rowNumber);
  if (cells.every((c) => cellText(c) === null)) return;
  dataRow(run, s, cells, rowNumber);
}

function result(run: ParseRun, format: ParseResult['format']): ParseResult {
  const summaries = run.summaries;
  summaries.sort((a, b) => a.list - b.list);
  const totals = { rows: 0, flaggedRows: 0, errors: 0, queries: 0 };
  for (const s of summaries) totals.rows += s.rows;
  for (const s of summaries) totals.flaggedRows += s.flaggedRows;
  for (const i of run.issues) {
    if (i.severity === 'error') totals.errors++;
    else totals.queries++;
  }
  return {
    format,
    layout: run.layout,
    referenceDate: run.ref,
    lists: summaries,
    ignoredSheets: run.ignoredSheets,
    rows: run.rows,
    issues: run.issues,
    totals,
  };
}
