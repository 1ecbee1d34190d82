// `triangulate research query|studies|records|code|codings|deprivation` and `triangulate thematic-codebook
// list|add|map`: the research store from the command line, with the pages' use cases and rules.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ResearchResult } from '../../domain/research/query.js';
import { addThematicCode } from '../../usecases/research/add-thematic-code.js';
import { getThematicCodebook } from '../../usecases/research/get-thematic-codebook.js';
import { listStudies } from '../../usecases/research/list-studies.js';
import { codeStudyPassage } from '../../usecases/research/code-study-passage.js';
import { listStudyCodings } from '../../usecases/research/list-study-codings.js';
import { listStudyRecords } from '../../usecases/research/list-study-records.js';
import { loadDeprivation } from '../../usecases/research/load-deprivation.js';
import { mapToTheme } from '../../usecases/research/map-to-theme.js';
import { openResearchCell } from '../../usecases/research/open-research-cell.js';
import { runResearchQuery } from '../../usecases/research/run-research-query.js';
import { action, actingAs, output, readJsonFile, withDatabase } from '../runtime.js';
import { registerResearchAnalyses } from './research-analyses.js';

type Opts = Record<string, string | boolean | undefined>;

function resultText(r: ResearchResult): string {
  const head = ['', ...r.columns.map((c) => c.label)].join('\t');
  const lines = r.rows.map((row, i) =>
    [row.label, ...(r.cells[i] ?? []).map((c) => c.records.display)].join('\t'),
  );
  return [
    `${r.inspections} inspections (${r.selection}); counts under ${r.threshold} shown as <${r.threshold}.`,
    head,
    ...lines,
  ].join('\n');
}

function registerResearch(program: Command): void {
  const research = program
    .command('research')
    .description('Cross-inspection research (pseudonymised)');
  registerResearchAnalyses(research);
  research
    .command('query')
    .description(
      'Run a query from a JSON file ({"kind":"matrix","rows":["criterion:..."],"dimension":"region"})',
    )
    .requiredOption('--file <path>', 'the query as JSON')
    .option('--cell <row:column>', "open one cell's pseudonymised passages instead")
    .option('--as <email>', 'query as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        const query = (await readJsonFile(String(opts.file))) as never;
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          if (opts.cell) {
            const [row, ...column] = String(opts.cell).split(':');
            const cell = await openResearchCell(ctx, {
              query,
              row: Number(row),
              column: column.join(':'),
            });
            output(opts.json as boolean, cell, () =>
              cell.passages.map((p) => `${p.inspection}: ${p.text}`).join('\n'),
            );
            return;
          }
          const r = await runResearchQuery(ctx, query);
          output(opts.json as boolean, r, () => resultText(r));
        });
      }),
    );
  research
    .command('studies')
    .description('The studies you may open and what the store holds')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const home = await listStudies(await actingAs(cli, opts.as as string | undefined));
          output(opts.json as boolean, home, () =>
            [
              `${home.inspections} published inspections.`,
              ...home.studies.map((s) => `${s.id}  ${s.title}`),
            ].join('\n'),
          );
        });
      }),
    );
  research
    .command('records')
    .description("A page of a study's pseudonymised records, by their study references (r-…)")
    .requiredOption('--study <id>', 'the study')
    .option('--after <cursor>', 'the next page: the cursor the previous page gave')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const r = await listStudyRecords(ctx, {
            studyId: String(opts.study),
            ...(opts.after ? { after: String(opts.after) } : {}),
          });
          output(opts.json as boolean, r, () =>
            [
              ...r.records.map((x) => `${x.inspection} ${x.ref}: ${x.text}`),
              r.next ? `Next page: --after ${r.next}` : 'Last page.',
            ].join('\n'),
          );
        });
      }),
    );
  research
    .command('code')
    .description("Code a passage of a study's record (its r-… reference) with a thematic code")
    .requiredOption('--study <id>', 'the study')
    .requiredOption('--record <ref>', 'the record, by its study reference (r-…)')
    .requiredOption('--quote <words>', 'the words to code, exactly as in the pseudonymised text')
    .requiredOption('--code <key>', 'the thematic code')
    .option('--occurrence <n>', 'which appearance, when the words occur more than once')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const r = await codeStudyPassage(ctx, {
            studyId: String(opts.study),
            record: String(opts.record),
            quote: String(opts.quote),
            code: String(opts.code),
            ...(opts.occurrence ? { occurrence: String(opts.occurrence) } : {}),
          });
          output(opts.json as boolean, r, () => `Coded “${r.text}” in ${r.record} (${r.id}).`);
        });
      }),
    );
  research
    .command('codings')
    .description("A study's codings and the counts per thematic code")
    .requiredOption('--study <id>', 'the study')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const r = await listStudyCodings(ctx, { studyId: String(opts.study) });
          output(
            opts.json as boolean,
            r,
            () =>
              [
                ...r.counts.map((c) => `${c.name}: ${c.codings} codings in ${c.records} records`),
                ...r.codings.map(
                  (c) =>
                    `${c.inspection} ${c.record} [${c.themeName}] “${c.text}” (${c.coderLabel})`,
                ),
              ].join('\n') || 'Nothing is coded in this study yet.',
          );
        });
      }),
    );
  research
    .command('deprivation')
    .description(
      'Load a deprivation index per LA from CSV (LA code or name, score, optional decile)',
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--index <name>', 'the index name, for example "IDACI 2019"')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: Opts) => {
        const csv = await readFile(file, 'utf8');
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const out = await loadDeprivation(ctx, { indexName: String(opts.index), csv });
          output(
            opts.json as boolean,
            out,
            () => `Loaded ${out.loaded}; ${out.unmatched.length} unmatched.`,
          );
        });
      }),
    );
}

function registerCodebook(program: Command): void {
  const book = program.command('thematic-codebook').description('The national thematic codebook');
  book
    .command('list')
    .description('Themes and the latest (or --version) mappings')
    .option('--version <n>', 'a codebook version')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const b = await getThematicCodebook(ctx, opts.version ? Number(opts.version) : null);
          output(opts.json as boolean, b, () =>
            [
              `Version ${b.version ?? 'none'}`,
              ...b.themes.map((t) => `${t.key}  ${t.name}`),
              ...b.mappings.map((m) => `  ${m.thematicKey} <- ${m.sourceKind} ${m.sourceKey}`),
            ].join('\n'),
          );
        });
      }),
    );
  book
    .command('add')
    .description('Add a theme (national staff)')
    .requiredOption('--key <key>', 'lower_case key')
    .requiredOption('--name <name>', 'the theme')
    .option('--description <text>', 'what it covers', '')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const input = {
            key: String(opts.key),
            name: String(opts.name),
            description: String(opts.description ?? ''),
          };
          await addThematicCode(ctx, input);
          output(opts.json as boolean, input, () => `Added theme ${input.key}.`);
        });
      }),
    );
  book
    .command('map')
    .description(
      'Map a criterion (--criterion KEY) or an emergent code (--emergent NAME) to a theme: a new version',
    )
    .option('--criterion <key>', 'a framework criterion key')
    .option('--emergent <name>', 'an emergent code name')
    .option('--theme <key>', 'the theme (omit to remove the mapping)')
    .option('--note <text>', 'a note for the version', '')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const emergent = opts.emergent !== undefined;
          const version = await mapToTheme(ctx, {
            changes: [
              {
                sourceKind: emergent ? 'emergent' : 'criterion',
                sourceKey: String(emergent ? opts.emergent : (opts.criterion ?? '')),
                thematicKey: opts.theme ? String(opts.theme) : null,
              },
            ],
            note: String(opts.note ?? ''),
          });
          output(opts.json as boolean, { version }, () => `Codebook version ${version}.`);
        });
      }),
    );
}

export function registerResearchCommands(program: Command): void {
  registerResearch(program);
  registerCodebook(program);
}
