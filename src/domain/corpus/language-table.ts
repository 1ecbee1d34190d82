// The language checks across the corpus: findings of each rule per year, framework or grade, as
// counts and as a rate per 10,000 words (so that long and short reports compare).
import { tableCsv, type Column } from '../exports/table.js';
import { gradeLabels, type GradeKey } from '../history/types.js';
import { RULES } from '../language/lint.js';
import { PRE_SIF } from './link.js';

export const CORPUS_DIMENSIONS = ['year', 'framework', 'grade'] as const;
export type CorpusDimension = (typeof CORPUS_DIMENSIONS)[number];

export const dimensionLabels: Record<CorpusDimension, string> = {
  year: 'Year published',
  framework: 'Framework',
  grade: 'Overall effectiveness',
};

/** One group's documents and words, and its findings by rule. */
export interface GroupCounts {
  value: string | null;
  documents: number;
  words: number;
  findings: Record<string, number>;
}

export interface LanguageRow {
  value: string | null;
  label: string;
  documents: number;
  words: number;
  total: number;
  findings: Record<string, number>;
  /** Findings per 10,000 words, one decimal. */
  rates: Record<string, number>;
}

export interface LanguageTable {
  dimension: CorpusDimension;
  dimensionLabel: string;
  rules: Array<{ id: string; title: string }>;
  rows: LanguageRow[];
  documents: number;
}

export function valueLabel(dimension: CorpusDimension, value: string | null): string {
  if (value === null) return 'Not known';
  if (dimension === 'grade') return gradeLabels[value as GradeKey] ?? value;
  if (dimension === 'framework' && value === PRE_SIF) return 'Before the SIF (2013)';
  return value;
}

const GRADE_ORDER = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

function order(dimension: CorpusDimension, a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (dimension === 'grade') return GRADE_ORDER.indexOf(a) - GRADE_ORDER.indexOf(b);
  return a.localeCompare(b);
}

const rate = (n: number, words: number): number =>
  words > 0 ? Math.round((n * 100_000) / words) / 10 : 0;

export function buildLanguageTable(
  dimension: CorpusDimension,
  groups: readonly GroupCounts[],
): LanguageTable {
  const rules = RULES.map((r) => ({ id: r.id, title: r.title }));
  const rows = [...groups]
    .sort((a, b) => order(dimension, a.value, b.value))
    .map((g) => {
      const findings = Object.fromEntries(rules.map((r) => [r.id, g.findings[r.id] ?? 0]));
      return {
        value: g.value,
        label: valueLabel(dimension, g.value),
        documents: g.documents,
        words: g.words,
        total: Object.values(findings).reduce((s, n) => s + n, 0),
        findings,
        rates: Object.fromEntries(rules.map((r) => [r.id, rate(findings[r.id] ?? 0, g.words)])),
      };
    });
  return {
    dimension,
    dimensionLabel: dimensionLabels[dimension],
    rules,
    rows,
    documents: rows.reduce((s, r) => s + r.documents, 0),
  };
}

interface FlatRow {
  group: string;
  rule: string;
  documents: number;
  words: number;
  findings: number;
  rate: number;
}

/** The table as CSV: one line per group and rule (formula-safe, with a byte-order mark). */
export function languageTableCsv(table: LanguageTable): string {
  const flat: FlatRow[] = table.rows.flatMap((row) =>
    table.rules.map((rule) => ({
      group: row.label,
      rule: rule.id,
      documents: row.documents,
      words: row.words,
      findings: row.findings[rule.id] ?? 0,
      rate: row.rates[rule.id] ?? 0,
    })),
  );
  const columns: Column<FlatRow>[] = [
    { header: table.dimensionLabel, value: (r) => r.group },
    { header: 'Rule', value: (r) => r.rule },
    { header: 'Documents', value: (r) => r.documents },
    { header: 'Words', value: (r) => r.words },
    { header: 'Findings', value: (r) => r.findings },
    { header: 'Findings per 10,000 words', value: (r) => r.rate },
  ];
  return tableCsv(columns, flat);
}
