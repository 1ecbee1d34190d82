// The coding query over a thematic review's codings of published reports: thematic codes by a
// context dimension of the documents (year published, framework, overall grade, Ofsted region),
// each cell the codings and the documents they are in. Published reports are public, so nothing
// is suppressed. And the study's corpus: the documents its selection of inspections by context
// would select (region, grade, framework, year; size and risk say nothing about a report),
// narrowed by the filters a page or query adds.
import type { StudySelection } from '../research/selection.js';
import { valueLabel } from './language-table.js';

export const CORPUS_CODING_DIMENSIONS = ['year', 'framework', 'grade', 'region'] as const;
export type CorpusCodingDimension = (typeof CORPUS_CODING_DIMENSIONS)[number];

export const codingDimensionLabels: Record<CorpusCodingDimension, string> = {
  year: 'Year published',
  framework: 'Framework',
  grade: 'Overall effectiveness',
  region: 'Ofsted region',
};

export function codingValueLabel(d: CorpusCodingDimension, value: string | null): string {
  if (d === 'region') return value ?? 'Not known';
  return valueLabel(d, value);
}

/** A cell's column in a URL: the value, or "unknown" for not known. */
export const UNKNOWN = 'unknown';

export interface CorpusFilterLists {
  regions?: readonly string[] | undefined;
  years?: readonly number[] | undefined;
  frameworkIds?: readonly string[] | undefined;
  grades?: readonly string[] | undefined;
  kinds?: readonly string[] | undefined;
}

/** No document has this value: a narrowing that leaves nothing. */
const NOTHING = '\u0000none';

function narrow<T>(study: readonly T[] | undefined, page: readonly T[] | undefined, none: T): T[] {
  if (!study?.length) return [...(page ?? [])];
  if (!page?.length) return [...study];
  const both = page.filter((v) => study.includes(v));
  return both.length ? both : [none];
}

/** The study's selection and the page's filters together (each list: both must allow). */
export function studyCorpusFilters(
  selection: StudySelection,
  page: CorpusFilterLists,
): CorpusFilterLists {
  return {
    regions: narrow(selection.regions, page.regions, NOTHING),
    years: narrow(selection.years, page.years, -1),
    frameworkIds: narrow(selection.frameworkIds, page.frameworkIds, NOTHING),
    grades: narrow(selection.grades, page.grades, NOTHING),
    kinds: [...(page.kinds ?? [])],
  };
}

export interface CodingCell {
  themeKey: string;
  themeName: string;
  value: string | null;
  codings: number;
  documents: number;
}

export interface CodingMatrix {
  dimension: CorpusCodingDimension;
  dimensionLabel: string;
  columns: Array<{ value: string | null; key: string; label: string }>;
  rows: Array<{
    key: string;
    name: string;
    cells: Array<{ column: string; codings: number; documents: number }>;
    codings: number;
    documents: number;
  }>;
}

const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

function columnOrder(d: CorpusCodingDimension, a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (d === 'grade') return GRADES.indexOf(a) - GRADES.indexOf(b);
  return a.localeCompare(b);
}

/** The matrix from the cells, rows in the order of `themes` (codes without codings left out
 *  unless chosen), columns in the dimension's order with "not known" last. */
export function codingMatrix(
  dimension: CorpusCodingDimension,
  cells: readonly CodingCell[],
  themes: ReadonlyArray<{ key: string; name: string }>,
  chosen: readonly string[],
): CodingMatrix {
  const values = [...new Set(cells.map((c) => c.value))].sort((a, b) =>
    columnOrder(dimension, a, b),
  );
  const columns = values.map((v) => ({
    value: v,
    key: v ?? UNKNOWN,
    label: codingValueLabel(dimension, v),
  }));
  const shown = themes.filter((t) =>
    chosen.length ? chosen.includes(t.key) : cells.some((c) => c.themeKey === t.key),
  );
  return {
    dimension,
    dimensionLabel: codingDimensionLabels[dimension],
    columns,
    rows: shown.map((t) => {
      const mine = cells.filter((c) => c.themeKey === t.key);
      return {
        key: t.key,
        name: t.name,
        cells: columns.map((col) => {
          const c = mine.find((m) => m.value === col.value);
          return { column: col.key, codings: c?.codings ?? 0, documents: c?.documents ?? 0 };
        }),
        codings: mine.reduce((s, c) => s + c.codings, 0),
        // A document has one value of each dimension, so its row counts it in one column only.
        documents: mine.reduce((s, c) => s + c.documents, 0),
      };
    }),
  };
}

/** Whether a document is in a study's corpus (its selection by region, grade, framework, year). */
export function inStudyCorpus(
  selection: StudySelection,
  doc: {
    region: string | null;
    grade: string | null;
    frameworkId: string | null;
    publishedOn: string;
  },
): boolean {
  const within = <T>(list: readonly T[] | undefined, v: T | null) =>
    !list?.length || (v !== null && list.includes(v));
  return (
    within(selection.regions, doc.region) &&
    within(selection.grades, doc.grade) &&
    within(selection.frameworkIds, doc.frameworkId) &&
    within(selection.years, Number(doc.publishedOn.slice(0, 4)))
  );
}
