// A cross-inspection query as saved, sent to the API or read from `research query --file`: a
// coding query (each row's counts), a matrix (rows by an LA context dimension) or a
// co-occurrence table (rows by rows: records coded with both), over the published inspections a
// selection picks. Results carry suppressed counts only (domain/research/suppression.ts).
import { z } from 'zod';
import { RowKey } from './codebook.js';
import { StudySelection } from './selection.js';
import type { SuppressedCount } from './suppression.js';

export const ResearchQuery = z.object({
  kind: z.enum(['coding', 'matrix', 'cooccurrence']),
  rows: z.array(RowKey).min(1).max(40),
  /** The matrix's columns: region, grade, framework, year, size, risk, deprivation:<index>... */
  dimension: z.string().trim().max(120).optional(),
  selection: StudySelection.default({}),
  /** A study gives the selection and whether LA identity shows. */
  studyId: z.string().uuid().optional(),
  /** The thematic codebook version (the latest when absent). */
  codebookVersion: z.coerce.number().int().min(1).optional(),
});
export type ResearchQuery = z.infer<typeof ResearchQuery>;
export type ResearchQueryInput = z.input<typeof ResearchQuery>;

export interface ResearchRowLabel {
  key: string;
  label: string;
}

export interface ResearchCell {
  column: string;
  columnLabel: string;
  records: SuppressedCount;
  references: SuppressedCount;
  /** Whether the passages may be opened. */
  open: boolean;
}

export interface ResearchResult {
  kind: ResearchQuery['kind'];
  rows: ResearchRowLabel[];
  columns: Array<{ value: string; label: string }>;
  /** cells[row][column], aligned with `columns`. */
  cells: ResearchCell[][];
  inspections: number;
  threshold: number;
  codebookVersion: number | null;
  selection: string;
  laIdentityShown: boolean;
  dimensionLabel: string | null;
}

export interface ResearchPassage {
  /** "Inspection 3": a pseudonym, stable within a query's list of inspections. */
  inspection: string;
  /** The LA's name only when the study shows LA identity. */
  la: string | null;
  method: string;
  text: string;
  replaced: number;
}
