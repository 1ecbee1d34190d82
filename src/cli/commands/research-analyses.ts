// `triangulate research outcomes|run|save|export`: outcomes against context, saved definitions
// run again, and a study's exports (CSV, XLSX, QDPX) from the command line, with the pages' use
// cases and rules.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { OutcomesDefinitionInput } from '../../domain/research/definitions.js';
import {
  analyseOutcomes,
  type OutcomesAnalysis,
} from '../../usecases/research/analyse-outcomes.js';
import { exportOutcomes } from '../../usecases/research/export-outcomes.js';
import { exportStudyResults } from '../../usecases/research/export-study-results.js';
import { runResearchDefinition } from '../../usecases/research/run-research-definition.js';
import { saveResearchDefinition } from '../../usecases/research/save-research-definition.js';
import { action, actingAs, AppError, output, readJsonFile, withDatabase } from '../runtime.js';

type Opts = Record<string, string | boolean | undefined>;

export function outcomesText(a: OutcomesAnalysis): string {
  const head = ['Group', 'From', 'To', 'LAs', ...a.grades.map((g) => g.label)].join('\t');
  const rows = a.stats.groups.map((g) => [g.label, g.from, g.to, g.n, ...g.counts].join('\t'));
  return [`${a.measureName}`, head, ...rows, '', ...a.statement].join('\n');
}

function definitionOf(opts: Opts): OutcomesDefinitionInput {
  return {
    by: String(opts.by ?? 'deprivation') as OutcomesDefinitionInput['by'],
    ...(opts.index ? { index: String(opts.index) } : {}),
    ...(opts.indicator ? { indicator: String(opts.indicator) } : {}),
    era: String(opts.era ?? 'ilacs') as OutcomesDefinitionInput['era'],
    ...(opts.groups ? { groups: String(opts.groups) } : {}),
    ...(opts.seed ? { seed: String(opts.seed) } : {}),
  };
}

export function registerResearchAnalyses(research: Command): void {
  research
    .command('outcomes')
    .description('Grades against context: deprivation, size or a DfE rate, with an effect size')
    .requiredOption('--by <measure>', 'deprivation, size or rate')
    .option('--index <name>', 'the deprivation index (the first loaded when absent)')
    .option('--indicator <key>', 'the rate: cin.rate_per_10k, cp.rate_per_10k, cla.rate_per_10k')
    .option('--era <era>', 'ilacs, sif or all', 'ilacs')
    .option('--groups <n>', 'quantile groups (2 to 10)', '4')
    .option('--seed <n>', 'the bootstrap seed')
    .option('--out <file>', 'write the table to a .csv or .xlsx file as well')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const definition = definitionOf(opts);
          const a = await analyseOutcomes(ctx, definition);
          if (opts.out) {
            const out = String(opts.out);
            const file = await exportOutcomes(ctx, {
              definition,
              format: out.endsWith('.xlsx') ? 'xlsx' : 'csv',
            });
            await writeFile(out, file.body);
          }
          output(opts.json as boolean, a, () => outcomesText(a));
        });
      }),
    );
  research
    .command('run')
    .description(
      'Run a definition again: --file DEF.json ({"analysis":"query"|"outcomes","definition":{...}}) or --id ID',
    )
    .option('--file <path>', 'the definition as JSON')
    .option('--id <id>', 'a saved definition')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        if (!opts.file === !opts.id)
          throw new AppError('VALIDATION_FAILED', {
            details: [{ field: 'file', reason: 'Give either --file or --id.' }],
          });
        const input = opts.file
          ? { saved: await readJsonFile(String(opts.file)) }
          : { id: String(opts.id) };
        await withDatabase(async (cli) => {
          const run = await runResearchDefinition(
            await actingAs(cli, opts.as as string | undefined),
            input,
          );
          output(opts.json as boolean, run, () =>
            run.analysis === 'outcomes'
              ? outcomesText(run.result)
              : `${run.result.inspections} inspections; ${run.result.rows.length} rows by ${run.result.columns.length} columns.`,
          );
        });
      }),
    );
  research
    .command('save')
    .description(
      'Save a definition (JSON file) under a name, to run again with `research run --id`',
    )
    .requiredOption('--file <path>', 'the definition as JSON')
    .requiredOption('--name <name>', 'its name')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        const saved = (await readJsonFile(String(opts.file))) as never;
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const out = await saveResearchDefinition(ctx, { name: String(opts.name), saved });
          output(opts.json as boolean, out, () => `Saved ${out.id}.`);
        });
      }),
    );
  research
    .command('export')
    .description(
      "Export a study's results: CSV, XLSX (with memos) or QDPX (pseudonymised passages)",
    )
    .requiredOption('--study <id>', 'the study')
    .requiredOption(
      '--rows <keys>',
      'comma-separated rows, for example criterion:leaders.workforce',
    )
    .requiredOption('--out <file>', 'the file to write (.csv, .xlsx or .qdpx)')
    .option('--dimension <key>', 'matrix columns (CSV and XLSX)')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        const out = String(opts.out);
        const format = out.endsWith('.qdpx') ? 'qdpx' : out.endsWith('.xlsx') ? 'xlsx' : 'csv';
        const rows = String(opts.rows)
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        await withDatabase(async (cli) => {
          const file = await exportStudyResults(
            await actingAs(cli, opts.as as string | undefined),
            {
              studyId: String(opts.study),
              query: opts.dimension
                ? { kind: 'matrix', rows, dimension: String(opts.dimension) }
                : { kind: 'coding', rows },
              format,
            },
          );
          await writeFile(out, file.body);
          output(opts.json as boolean, { file: out, format }, () => `Wrote ${out}.`);
        });
      }),
    );
}
