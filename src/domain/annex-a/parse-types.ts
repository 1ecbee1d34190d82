// What reading an Annex A workbook gives: rows, issues and a summary per list (see parse.ts).
import type { SpreadsheetFormat } from '../files/read-spreadsheet.js';

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
