// An outcomes analysis as a table for CSV or XLSX: one line per quantile group with its range,
// the LAs per grade and the mean grade; the XLSX adds the effect size, its interval, the
// definition (with its seed) and the statement on a second sheet.
import { writeXlsx, type WriteCell } from '../files/writers.js';
import { safeCell, sheetName, tableCsv, type Column, type TableCell } from '../exports/table.js';
import type { OutcomeGrade, OutcomeGroup, OutcomeStats } from './outcomes.js';

export interface OutcomesTable {
  measureName: string;
  grades: OutcomeGrade[];
  stats: OutcomeStats;
  statement: string[];
  definition: Record<string, unknown>;
  withoutValue: number;
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

export function outcomeColumns(t: OutcomesTable): Column<OutcomeGroup>[] {
  return [
    { header: 'Group', value: (g) => g.label },
    { header: `${t.measureName}: from`, value: (g) => round(g.from, 2) },
    { header: 'to', value: (g) => round(g.to, 2) },
    { header: 'Local authorities', value: (g) => g.n },
    ...t.grades.map((gr, i) => ({ header: gr.label, value: (g: OutcomeGroup) => g.counts[i] })),
    { header: 'Mean grade (1 outstanding to 4 inadequate)', value: (g) => round(g.meanGrade, 2) },
  ];
}

export function outcomesCsv(t: OutcomesTable): string {
  return tableCsv(outcomeColumns(t), t.stats.groups);
}

export function summaryRows(t: OutcomesTable): Array<[string, TableCell]> {
  const s = t.stats;
  return [
    ['Measure', t.measureName],
    ['Local authorities', s.n],
    ['Left out (no value of the measure)', t.withoutValue],
    ["Spearman's rho (measure against grade)", s.rho === null ? 'not measurable' : round(s.rho, 3)],
    ['95% interval, low', s.ci ? round(s.ci.low, 3) : 'not measurable'],
    ['95% interval, high', s.ci ? round(s.ci.high, 3) : 'not measurable'],
    ['Interval method', `Percentile bootstrap, ${s.resamples} resamples of LAs, seed ${s.seed}`],
    ['Definition (JSON)', JSON.stringify(t.definition)],
  ];
}

export function outcomesXlsx(t: OutcomesTable): Uint8Array {
  const row = (cells: TableCell[]) => cells.map(safeCell) as WriteCell[];
  const cols = outcomeColumns(t);
  const groups = [
    row(cols.map((c) => c.header)),
    ...t.stats.groups.map((g) => row(cols.map((c) => c.value(g)))),
  ];
  const about = [
    ...summaryRows(t).map(([k, v]) => row([k, v])),
    row([]),
    row(['What the data can and cannot show']),
    ...t.statement.map((l) => row([l])),
  ];
  return writeXlsx([
    { name: sheetName('Grades by group'), rows: groups },
    { name: sheetName('Effect size and statement'), rows: about },
  ]);
}
