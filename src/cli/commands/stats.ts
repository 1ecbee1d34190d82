// `triangulate stats ...`: DfE national statistics per LA (import, show).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import type { ComparisonRow } from '../../domain/national-stats/compare.js';
import {
  importNationalStatistics,
  type ImportNationalStatisticsResult,
} from '../../usecases/stats/import-national-statistics.js';
import { getLaStatistics, type LaStatistics } from '../../usecases/stats/get-la-statistics.js';
import { action, output, withDatabase } from '../runtime.js';
import { progressReporter } from './annex-a.js';

export function registerStatsCommands(program: Command): void {
  const stats = program
    .command('stats')
    .description(
      'DfE national statistics per LA, beside statistical neighbours, region and England',
    );
  stats
    .command('import')
    .description(
      'Import the DfE extracts (*.csv) in a folder in one transaction: children in need, referrals, child protection plans, children looked after, placement stability, care leavers, statistical neighbours. Any bad row fails the import, named by file, row and field; importing the same files again changes nothing. Changes past the thresholds in frameworks/risk/national-statistics/ become intelligence entries.',
    )
    .argument('<dir>', 'the folder of CSV files')
    .option('--json', 'print JSON')
    .action(
      action(async (dir: string, opts: { json?: boolean }) => {
        let names: string[];
        try {
          names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
        } catch (err) {
          throw new AppError('IMPORT_INVALID', {
            message: `Cannot read ${dir}: ${(err as Error).message}`,
            cause: err,
          });
        }
        if (names.length === 0)
          throw new AppError('IMPORT_INVALID', { message: `No .csv files in ${dir}` });
        const files = await Promise.all(
          names.map(async (n) => ({ fileName: n, content: await readFile(path.join(dir, n)) })),
        );
        const progress = opts.json ? null : progressReporter();
        await withDatabase(async (ctx) => {
          const r = await importNationalStatistics(ctx, { files }, (p) => progress?.update(p));
          output(opts.json, r, () => importText(r));
        });
      }),
    );
  stats
    .command('show')
    .description("An LA's figures over time beside its statistical neighbours, region and England")
    .argument('<la>', 'the LA: id, name, GSS or DfE code')
    .option('--json', 'print JSON')
    .action(
      action(async (la: string, opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await getLaStatistics(ctx, { laId: la });
          output(opts.json, r, () => showText(r));
        });
      }),
    );
}

function importText(r: ImportNationalStatisticsResult): string {
  const lines = r.files.map(
    (f) => `  ${f.file}: ${f.formatLabel}, ${f.rows} rows (sha256 ${f.sha256.slice(0, 12)}…)`,
  );
  const f = r.figures;
  lines.unshift(`Read ${r.files.length} files:`);
  lines.push(
    `${r.total} figures: ${f.inserted} new, ${f.updated} changed, ${f.unchanged} unchanged`,
    `Statistical neighbours (${r.neighbours.models.join(', ') || 'none'}): ${r.neighbours.changed} LAs' lists changed`,
    `Changes past the thresholds raised as intelligence: ${r.alerts.raised} new, ${r.alerts.alreadyRaised} raised before`,
    r.changed ? 'Imported.' : 'Nothing changed: these figures were already imported.',
  );
  return lines.join('\n');
}

const show = (c: ComparisonRow['la']): string =>
  c === null ? '–' : c.value !== null ? String(c.value) : `[${c.marker}]`;

function showText(r: LaStatistics): string {
  const lines = [
    `${r.la.name}: national statistics (${r.settings.id})`,
    `Statistical neighbours (${r.neighbours.model ?? 'none'}): ${r.neighbours.las.map((n) => n.name).join(', ')}`,
  ];
  for (const i of r.indicators) {
    lines.push('', i.label, '  year  LA  neighbours  region  England');
    for (const row of i.rows)
      lines.push(
        `  ${row.year}  ${show(row.la)}  ${row.neighbours.average ?? '–'}  ${show(row.region)}  ${show(row.england)}`,
      );
  }
  return lines.join('\n');
}
