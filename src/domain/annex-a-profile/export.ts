// The profile's indicator table as CSV (one row per indicator, with its benchmarks and
// definition), built on the shared export table so cells are safe to open in a spreadsheet.
import { tableCsv, type Column } from '../exports/table.js';
import type { Comparison } from './benchmarks.js';

export interface ExportIndicator {
  key: string;
  list: number;
  title: string;
  unit: string;
  polarity: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  definition: { numerator: string; denominator: string; period: string; source: string };
  comparison: Comparison | null;
  claim: { claim: string } | null;
}

const polarityText: Record<string, string> = {
  higher: 'higher is better',
  lower: 'lower is better',
  neither: 'neither',
};

const columns: Column<ExportIndicator>[] = [
  { header: 'List', value: (r) => r.list },
  { header: 'Indicator key', value: (r) => r.key },
  { header: 'Indicator', value: (r) => r.title },
  { header: 'Unit', value: (r) => r.unit },
  { header: 'Value', value: (r) => r.value },
  { header: 'Numerator', value: (r) => r.numerator },
  { header: 'Denominator', value: (r) => r.denominator },
  { header: 'Polarity', value: (r) => polarityText[r.polarity] ?? r.polarity },
  { header: 'Benchmark year', value: (r) => r.comparison?.year },
  { header: 'England', value: (r) => r.comparison?.england },
  { header: 'Region', value: (r) => r.comparison?.regionName },
  { header: 'Region value', value: (r) => r.comparison?.region },
  { header: 'Statistical neighbours average', value: (r) => r.comparison?.snAverage },
  { header: 'Statistical neighbours min', value: (r) => r.comparison?.snMin },
  { header: 'Statistical neighbours max', value: (r) => r.comparison?.snMax },
  { header: 'LA published', value: (r) => r.comparison?.laPublished },
  { header: 'Difference from England', value: (r) => r.comparison?.differenceFromEngland },
  { header: 'Self-evaluation says', value: (r) => r.claim?.claim },
  { header: 'Numerator counts', value: (r) => r.definition.numerator },
  { header: 'Denominator counts', value: (r) => r.definition.denominator },
  { header: 'Period', value: (r) => r.definition.period },
  { header: 'Source', value: (r) => r.definition.source },
];

export function profileCsv(indicators: Iterable<ExportIndicator>): string {
  return tableCsv(columns, indicators);
}
