// Replays real published outcomes (Ofsted MI, the JT-39 report scrape, SIF report extraction)
// through the framework files' aggregation rules. Passes when no hard rule rejects any real
// outcome; soft rules that real outcomes tripped are reported with counts and examples.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  evaluateAggregation,
  findJudgement,
  loadFrameworks,
  parseGrade,
  type FrameworkRegistry,
} from '../domain/frameworks/index.js';
import { formatDetail, isAppError } from '../errors.js';
import { frameworksDir } from '../paths.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

type Row = Record<string, string>;

/** How to read one reference file: where its dates, LA names and grade columns are. */
export interface SourceSpec {
  /** Path relative to the reference folder. */
  file: string;
  la(row: Row): string;
  /** Inspection (start) date as YYYY-MM-DD, or undefined. */
  date(row: Row): string | undefined;
  activityType(row: Row): string | undefined;
  /** Judgement key -> column. */
  columns: Record<string, string>;
  /** Cell values meaning "not graded, by design" (not parse failures). */
  absent: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "09/05/25" or "17/03/2025" -> "2025-03-17". */
export function dayMonthYear(text: string | undefined): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec((text ?? '').trim());
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return `${year}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
}

/** The first date in free text such as "14 January – 5 February 2014" or "9–24 November 2017". */
export function firstDateInText(text: string | undefined): string | undefined {
  const t = (text ?? '').trim();
  const numeric = /^(\d{1,2}\/\d{1,2}\/\d{4})/.exec(t);
  if (numeric) return dayMonthYear(numeric[1]);
  const day = /\b(\d{1,2})\b/.exec(t);
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(t);
  const year = /\b(\d{4})\b/.exec(t);
  if (!day || !month || !year) return undefined;
  return `${year[1]}-${pad(MONTHS.indexOf(month[1]!.toLowerCase()) + 1)}-${pad(Number(day[1]))}`;
}

export const SOURCES: SourceSpec[] = [
  {
    file: 'ofsted/ofsted_ilacs_inspection_history_2018-2025.csv',
    la: (r) => r['Local authority name'] ?? '',
    date: (r) => dayMonthYear(r['Inspection date']),
    activityType: (r) =>
      ({
        'ILACS Standard Inspection': 'standard_inspection',
        'ILACS Short Inspection': 'short_inspection',
      })[r['Inspection type'] ?? ''],
    columns: {
      overall_effectiveness: 'Overall effectiveness',
      impact_of_leaders: 'The impact of leaders on social work practice with children and families',
      help_and_protection: 'The experiences and progress of children who need help and protection',
      children_in_care: 'The experiences and progress of children in care',
      care_leavers: 'The experiences and progress of care leavers',
    },
    absent: [],
  },
  {
    file: 'ofsted/d2i-scrape_JT-39_ofsted_csc_ilacs_history.csv',
    la: (r) => r.local_authority ?? '',
    // A few rows lack on-site dates; the publication date then stands in.
    date: (r) => dayMonthYear(r.inspection_start_date) ?? dayMonthYear(r.publication_date),
    activityType: (r) =>
      ({ short: 'short_inspection', standard: 'standard_inspection' })[
        r.inspection_framework ?? ''
      ],
    columns: {
      overall_effectiveness: 'overall_effectiveness_grade',
      impact_of_leaders: 'impact_of_leaders_grade',
      help_and_protection: 'help_and_protection_grade',
      children_in_care: 'in_care_grade',
      care_leavers: 'care_leavers_grade',
    },
    absent: ['inspection_pre_dates_judgement', 'not_reported_post_reform'],
  },
  {
    file: 'ofsted/sif_judgements_extracted.csv',
    la: (r) => /^\d+_(.*?)__/.exec(r.file ?? '')?.[1] ?? r.file ?? '',
    // Start of the on-site dates; failing that, the publication date in the file name.
    date: (r) => firstDateInText(r.dates) ?? firstDateInText(/ - (\d.*)$/.exec(r.file ?? '')?.[1]),
    activityType: () => 'sif_inspection',
    columns: {
      overall_effectiveness: 'oe',
      help_and_protection: 'hp',
      children_looked_after: 'cla',
      adoption: 'adoption',
      care_leavers: 'care_leavers',
      leadership: 'lmg',
      lscb: 'lscb',
    },
    absent: [],
  },
];

export interface RuleTrips {
  title: string;
  count: number;
  examples: string[];
}

export interface ReplayStats {
  file: string;
  rows: number;
  /** Rows whose grades were checked (at least one rule applied). */
  replayed: number;
  byFramework: Record<string, number>;
  /** Checked, but no rule applied (e.g. ILACS 2026: no overall judgement, no rules). */
  noRuleApplicable: number;
  unparsed: number;
  unparsedExamples: string[];
  noFramework: number;
  /** A grade for a judgement the framework in force on that date does not have. */
  mismatched: number;
  mismatchExamples: string[];
  /** One line per hard-rule rejection: file, row, LA, date, rule and explanation. */
  hard: string[];
  soft: Record<string, RuleTrips>;
}

const EXAMPLES = 5;
const push = (list: string[], item: string) => list.length < EXAMPLES && list.push(item);

/** Replays rows through the rules of the framework in force on each row's date. */
export function replayRows(
  registry: FrameworkRegistry,
  spec: SourceSpec,
  rows: readonly Row[],
): ReplayStats {
  const stats: ReplayStats = {
    file: spec.file,
    rows: rows.length,
    replayed: 0,
    byFramework: {},
    noRuleApplicable: 0,
    unparsed: 0,
    unparsedExamples: [],
    noFramework: 0,
    mismatched: 0,
    mismatchExamples: [],
    hard: [],
    soft: {},
  };
  rows.forEach((row, i) => {
    const date = spec.date(row);
    const where = `row ${i + 2} (${spec.la(row)}, ${date ?? 'no date'})`;
    const fw = date === undefined ? undefined : registry.forDate(date, spec.activityType(row));
    if (!fw || date === undefined) {
      stats.noFramework++;
      return;
    }
    const grades: Record<string, string> = {};
    const unparsed: string[] = [];
    const mismatched: string[] = [];
    for (const [key, column] of Object.entries(spec.columns)) {
      const raw = (row[column] ?? '').trim();
      if (raw === '' || spec.absent.includes(raw)) continue;
      const grade = parseGrade(fw, raw);
      if (grade === undefined) unparsed.push(`${column}='${raw}'`);
      else if (!findJudgement(fw, key)?.graded)
        mismatched.push(`${column}='${raw}' (${fw.id} has no ${key})`);
      else grades[key] = grade;
    }
    if (unparsed.length > 0) {
      stats.unparsed++;
      push(stats.unparsedExamples, `${where}: ${unparsed.join(', ')}`);
      return;
    }
    if (mismatched.length > 0) {
      stats.mismatched++;
      push(stats.mismatchExamples, `${where}: ${mismatched.join(', ')}`);
      return;
    }
    const result = evaluateAggregation(fw, grades, { date });
    if (result.notApplicable.length === fw.aggregation.rules.length) {
      stats.noRuleApplicable++;
      return;
    }
    stats.replayed++;
    stats.byFramework[fw.id] = (stats.byFramework[fw.id] ?? 0) + 1;
    for (const v of result.hard)
      stats.hard.push(`${spec.file}, ${where}, ${fw.id}: ${v.ruleId}: ${v.explanation}`);
    for (const v of result.soft) {
      const id = `${fw.family}:${v.ruleId}`;
      const trips = (stats.soft[id] ??= { title: v.title, count: 0, examples: [] });
      trips.count++;
      push(trips.examples, `${spec.la(row)} ${date}`);
    }
  });
  return stats;
}

function describe(stats: ReplayStats): string[] {
  const by = Object.entries(stats.byFramework)
    .map(([id, n]) => `${id}: ${n}`)
    .join(', ');
  const lines = [
    `${stats.file}: ${stats.rows} rows; ${stats.replayed} outcomes replayed${by ? ` (${by})` : ''}; ` +
      `${stats.hard.length} hard-rule rejections`,
    `  not replayed: ${stats.unparsed} with unparsed grades, ${stats.noFramework} outside any framework's dates, ` +
      `${stats.mismatched} with a judgement the framework lacks, ${stats.noRuleApplicable} where no rule applies`,
  ];
  if (stats.unparsedExamples.length > 0)
    lines.push(`  e.g. unparsed: ${stats.unparsedExamples.slice(0, 2).join('; ')}`);
  for (const e of stats.mismatchExamples) lines.push(`  judgement-set mismatch: ${e}`);
  const soft = Object.entries(stats.soft).sort((a, b) => b[1].count - a[1].count);
  if (soft.length === 0) lines.push('  soft rules tripped: none');
  for (const [id, t] of soft) {
    lines.push(
      `  soft rule ${id} ("${t.title}") tripped ${t.count}x, e.g. ${t.examples.join('; ')}`,
    );
  }
  return lines;
}

/** Runs the check with a given frameworks folder (the project's, by default). */
export async function runAggregationCheck(
  referenceDir: string,
  frameworks: string = frameworksDir(),
): Promise<ConformanceResult> {
  const name = 'Aggregation rules against real outcomes';
  let registry: FrameworkRegistry;
  try {
    registry = loadFrameworks(frameworks);
  } catch (err) {
    const failures = isAppError(err) ? err.details.map(formatDetail) : [String(err)];
    return {
      name,
      passed: false,
      summary: [`The framework files in ${frameworks} did not load.`],
      failures,
    };
  }
  const summary = [
    `Frameworks: ${registry
      .list()
      .map((f) => f.id)
      .join(', ')}`,
  ];
  const failures: string[] = [];
  let replayed = 0;
  for (const spec of SOURCES) {
    const file = path.join(referenceDir, spec.file);
    if (!existsSync(file)) {
      summary.push(`${spec.file}: not found under ${referenceDir}; skipped`);
      continue;
    }
    const rows = parse(readFileSync(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
    }) as Row[];
    const stats = replayRows(registry, spec, rows);
    replayed += stats.replayed;
    summary.push(...describe(stats));
    failures.push(...stats.hard);
  }
  summary.unshift(`${replayed} real outcomes replayed; ${failures.length} rejected by a hard rule`);
  return { name, passed: failures.length === 0, summary, failures };
}

export const checkAggregationRules: ConformanceCheck = (referenceDir) =>
  runAggregationCheck(referenceDir);
