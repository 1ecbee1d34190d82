// `triangulate history ...`: importing Ofsted's published inspection history.
import { countOf } from '../../domain/wording/plural.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, formatDetail } from '../../errors.js';
import { importHistory, type ImportHistoryResult } from '../../usecases/history/import-history.js';
import { analyseHistory } from '../../usecases/history/analyse-history.js';
import type { HistoryAnalysis } from '../../domain/history/analyse.js';
import { action, output, withDatabase } from '../runtime.js';

export function registerHistoryCommands(program: Command): void {
  const history = program.command('history').description('Past inspections and visits of each LA');
  history
    .command('import')
    .description(
      'Import an inspection-history CSV: Ofsted statistics (ILACS history, latest outcomes, in-year visits), the scraped report history, or SIF grades extracted from reports; the format is recognised from the header row',
    )
    .argument('<file>', 'the CSV file')
    .option(
      '--skip-invalid',
      'import the usable rows and list the others (default: any bad row fails the import)',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: { skipInvalid?: boolean; json?: boolean }) => {
        let content: Buffer;
        try {
          content = await readFile(file);
        } catch (err) {
          throw new AppError('IMPORT_INVALID', {
            message: `Cannot read ${file}: ${(err as Error).message}`,
            cause: err,
          });
        }
        await withDatabase(async (ctx) => {
          const r = await importHistory(ctx, {
            fileName: path.basename(file),
            content,
            skipInvalid: opts.skipInvalid ?? false,
          });
          output(opts.json, r, () => importText(r));
        });
      }),
    );
  history
    .command('analyse')
    .description(
      'Grade distributions by year, region and framework, transitions between inspections (up, same, down) and the time between them',
    )
    .option('--judgement <key>', 'the judgement analysed', 'overall_effectiveness')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { judgement: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await analyseHistory(ctx, {
            judgement: opts.judgement as 'overall_effectiveness',
          });
          output(opts.json, r, () => analysisText(r));
        });
      }),
    );
}

function analysisText(r: HistoryAnalysis): string {
  const keys = r.grades.map((g) => g.key);
  const lines = [
    `${r.inspections} graded inspections with a ${r.judgement} grade (${r.withoutGrade} without)`,
    `Distributions (${r.grades.map((g) => g.label).join(' / ')}):`,
  ];
  for (const d of r.distributions) {
    lines.push(
      `  ${d.dimension} ${d.value}: ${keys.map((k) => d.counts[k] ?? 0).join(' / ')} (${d.total})`,
    );
  }
  lines.push('Transitions between consecutive inspections:');
  for (const t of r.transitions) {
    lines.push(
      `  ${t.from} → ${t.to}: ${t.up} up, ${t.same} same, ${t.down} down, ${t.notComparable} not comparable`,
    );
  }
  lines.push('Days between consecutive graded inspections (min / median / max):');
  for (const i of r.intervals) {
    lines.push(
      `  by ${i.groupBy} ${i.value}: ${i.count} × ${i.minDays} / ${i.medianDays} / ${i.maxDays}`,
    );
  }
  for (const n of r.notes) lines.push(`Note: ${n}`);
  return lines.join('\n');
}

function importText(r: ImportHistoryResult): string {
  const lines = [
    `Imported ${r.file} (${r.formatLabel}; sha256 ${r.sha256.slice(0, 16)}…)`,
    `  ${r.rows} rows: ${r.inserted} new events, ${r.updated} updated, ${r.unchanged} unchanged, ${countOf(r.rejected.length, 'row problem')} skipped`,
  ];
  if (r.rejected.length > 0) {
    lines.push('Rows not imported:');
    for (const p of r.rejected) lines.push(`  - ${formatDetail(p)}`);
  }
  if (r.conflicts.length > 0) {
    lines.push('Values that disagree with what was already recorded:');
    for (const c of r.conflicts) {
      lines.push(
        `  - ${c.sourceKey} ${c.field}: recorded ${c.existing}, row ${c.row} says ${c.incoming}; kept the ${c.kept} value`,
      );
    }
  }
  return lines.join('\n');
}
