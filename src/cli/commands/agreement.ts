// `triangulate agreement --file RATINGS.csv`: every agreement statistic for a ratings table (a unit
// column, then one column per rater; blanks are ratings not given), each with its weights or level,
// a seeded bootstrap interval and the units the raters disagreed on. Needs no database.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  computeAgreement,
  LEVELS,
  readRatingsCsv,
  type AgreementReport,
  type AgreementResult,
  type Level,
} from '../../domain/agreement/index.js';
import { AppError } from '../../errors.js';
import { action, output } from '../runtime.js';

interface Options {
  file: string;
  level: string;
  unit?: string;
  categories?: string;
  resamples: string;
  seed: string;
  json?: boolean;
}

const fixed = (x: number): string => (x < 0 ? '' : ' ') + x.toFixed(3);

function line(r: AgreementResult): string {
  const name = r.name.padEnd(36);
  if (r.value === null) return `${name}  -       ${r.reason}`;
  const interval = r.interval
    ? `${Math.round(r.interval.confidence * 100)}% interval ${fixed(r.interval.lower)} to ${fixed(r.interval.upper)}`
    : 'no interval';
  const disagreements = `${r.disagreements.length} disagreement${r.disagreements.length === 1 ? '' : 's'}`;
  return `${name} ${fixed(r.value)}  ${interval}  (${r.units} ${r.unit}s, ${r.raters} raters, ${r.ratings} ratings; ${disagreements})`;
}

export function describeReport(file: string, report: AgreementReport): string {
  const first = report.results[0];
  const out = [
    `${file}: ${report.units} ${report.unit}s rated by ${report.raters.length} raters (${report.raters.join(', ')}), ${report.level} level`,
    `Scale: ${report.categories.join(', ')}`,
  ];
  if (report.unitsWithoutRatings > 0)
    out.push(`Left out: ${report.unitsWithoutRatings} ${report.unit}s nobody rated`);
  if (report.ratersWithoutRatings.length > 0)
    out.push(`Left out: raters who rated nothing (${report.ratersWithoutRatings.join(', ')})`);
  if (first?.interval)
    out.push(
      `Intervals: ${first.interval.method}, ${first.interval.resamples} resamples, seed ${first.interval.seed}`,
    );
  out.push('', ...report.results.map(line));
  const exact =
    report.results.find((r) => r.statistic === 'percent-agreement')?.disagreements ?? [];
  if (exact.length > 0) {
    out.push('', `Disagreements (${exact.length} ${report.unit}s where the ratings differ):`);
    for (const d of exact.slice(0, 50))
      out.push(
        `  ${d.unit}: ${Object.entries(d.ratings)
          .map(([rater, v]) => `${rater} ${v}`)
          .join('; ')}`,
      );
    if (exact.length > 50) out.push(`  ... and ${exact.length - 50} more (--json lists them all)`);
  }
  return out.join('\n');
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError('VALIDATION_FAILED', {
      message: `--${name} must be a whole number from ${min} to ${max}`,
      details: [{ field: name, value, reason: `a whole number from ${min} to ${max}` }],
    });
  return n;
}

export function registerAgreementCommands(program: Command): void {
  program
    .command('agreement')
    .description(
      'Agreement between raters on a ratings table (CSV: a unit column, then one column per rater; blanks are missing)',
    )
    .requiredOption('--file <csv>', 'the ratings table')
    .option('--level <level>', `level of measurement: ${LEVELS.join(', ')}`, 'nominal')
    .option(
      '--unit <words>',
      "what one unit is, for example 'case' (default: the unit column's heading)",
    )
    .option(
      '--categories <list>',
      "the scale in order, comma-separated (for example 'Outstanding,Good,Requires improvement,Inadequate')",
    )
    .option('--resamples <n>', 'bootstrap resamples for each interval (0 for none)', '1000')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Options) => {
        if (!(LEVELS as readonly string[]).includes(opts.level))
          throw new AppError('VALIDATION_FAILED', {
            message: `--level must be one of ${LEVELS.join(', ')}`,
            details: [{ field: 'level', value: opts.level, reason: `one of ${LEVELS.join(', ')}` }],
          });
        const level = opts.level as Level;
        const resamples = integer('resamples', opts.resamples, 0, 100_000);
        const seed = integer('seed', opts.seed, 0, 2 ** 32 - 1);
        const categories = opts.categories
          ?.split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '');
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(opts.file));
        } catch (err) {
          throw new AppError('IMPORT_INVALID', {
            message: `${opts.file}: the file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
            details: [{ file: opts.file, reason: 'the file cannot be read' }],
          });
        }
        const table = await readRatingsCsv(bytes, opts.file, {
          level,
          categories,
          unit: opts.unit,
        });
        const report = computeAgreement(table, { level, categories, resamples, seed });
        output(opts.json, { file: opts.file, ...report }, () => describeReport(opts.file, report));
      }),
    );
}
