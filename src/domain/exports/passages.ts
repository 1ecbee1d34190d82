// Exporting coded passages (the result of a coding query, or all codings of a code) to CSV or
// XLSX. The analysis queries produce PassageRow values; these functions only lay them out.
import { tableCsv, tableXlsx, type Column } from './table.js';

export interface PassageRow {
  /** 'E42'. */
  evidence: string;
  observedOn?: string | null;
  method?: string | null;
  direction?: string | null;
  judgementAreas?: string[];
  childCase?: string | null;
  recordedBy?: string | null;
  codes: string[];
  coders?: string[];
  /** Code points, 0-based, inclusive. */
  start: number;
  /** Code points, 0-based, exclusive. */
  end: number;
  before?: string;
  text: string;
  after?: string;
}

export const passageColumns: Column<PassageRow>[] = [
  { header: 'Evidence', value: (r) => r.evidence },
  { header: 'Observed on', value: (r) => r.observedOn },
  { header: 'Method', value: (r) => r.method },
  { header: 'Direction', value: (r) => r.direction },
  { header: 'Judgement areas', value: (r) => r.judgementAreas?.join('; ') },
  { header: 'Child case', value: (r) => r.childCase },
  { header: 'Recorded by', value: (r) => r.recordedBy },
  { header: 'Codes', value: (r) => r.codes.join('; ') },
  { header: 'Coders', value: (r) => r.coders?.join('; ') },
  { header: 'Start (code points)', value: (r) => r.start },
  { header: 'End (code points)', value: (r) => r.end },
  { header: 'Before', value: (r) => r.before },
  { header: 'Passage', value: (r) => r.text },
  { header: 'After', value: (r) => r.after },
];

export function passagesCsv(rows: Iterable<PassageRow>): string {
  return tableCsv(passageColumns, rows);
}

export function passagesXlsx(rows: Iterable<PassageRow>, sheet = 'Passages'): Uint8Array {
  return tableXlsx(sheet, passageColumns, rows);
}
