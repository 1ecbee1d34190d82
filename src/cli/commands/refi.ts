// `triangulate qdpx ...` and `triangulate qdc ...`: exchanging evidence bases and codebooks with
// NVivo, ATLAS.ti, MAXQDA, QualCoder and other REFI-QDA 1.5 tools. The operator acts as the
// system, or as a person with --as EMAIL (recorded as that person; their access rules apply).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../../usecases/context.js';
import { exportCodebook } from '../../usecases/refi/export-codebook.js';
import { exportProject, type ExportProjectPhase } from '../../usecases/refi/export-project.js';
import {
  importRefi,
  type ImportRefiResult,
  type RefiImportProgress,
} from '../../usecases/refi/import-refi.js';
import { action, actingAs, output, withDatabase, type CliContext } from '../runtime.js';

async function useCaseContext(ctx: CliContext, email: string | undefined): Promise<UseCaseContext> {
  const { db, actor } = await actingAs(ctx, email);
  return { db, actor, catalog: loadActivityTypeCatalog() };
}

async function save(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(file, bytes);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: '--out',
          value: file,
          reason: `Cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
        },
      ],
    });
  }
}

interface ImportOptions {
  activity?: string;
  la?: string;
  type: string;
  start?: string;
  title?: string;
  repairGuids?: boolean;
  skipMissingSources?: boolean;
  as?: string;
  json?: boolean;
}

function importCommand(parent: Command, what: string): void {
  parent
    .command('import')
    .description(
      `Import a REFI-QDA ${what} (NVivo, ATLAS.ti, MAXQDA, QualCoder, Triangulate) into an activity, or into a new one`,
    )
    .argument('<file>', 'the .qdpx, .qde or .qdc file')
    .option('--activity <id>', 'the activity to import into (its team or an administrator)')
    .option(
      '--la <id>',
      'without --activity: the local authority of the new activity (needed when the register holds more than one)',
    )
    .option(
      '--type <type>',
      'without --activity: the type of the new activity',
      'standard_inspection',
    )
    .option('--start <date>', 'without --activity: its planned start (YYYY-MM-DD, default today)')
    .option('--title <title>', 'without --activity: its title (default from the type and LA)')
    .option(
      '--repair-guids',
      'replace identifiers that are not GUIDs by new ones instead of refusing the file',
    )
    .option(
      '--skip-missing-sources',
      'import the rest of a project some of whose source files are absent (each is listed) instead of refusing it',
    )
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: ImportOptions) => {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(file));
        } catch (err) {
          throw new AppError('IMPORT_INVALID', {
            message: `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
            details: [{ file, reason: 'The file cannot be read' }],
          });
        }
        await withDatabase(async (cli) => {
          const ctx = await useCaseContext(cli, opts.as);
          const r = await importRefi(
            ctx,
            {
              fileName: path.basename(file),
              bytes,
              repairGuids: opts.repairGuids ?? false,
              skipMissingSources: opts.skipMissingSources ?? false,
              ...(opts.activity
                ? { activityId: opts.activity }
                : {
                    newActivity: {
                      ...(opts.la ? { laId: opts.la } : {}),
                      activityType: opts.type,
                      ...(opts.start ? { plannedStart: opts.start } : {}),
                      ...(opts.title ? { title: opts.title } : {}),
                    },
                  }),
            },
            opts.json ? undefined : progressLine(),
          );
          output(opts.json, r, () => importText(r));
        });
      }),
    );
}

export function registerRefiCommands(program: Command): void {
  const qdpx = program
    .command('qdpx')
    .description(
      'REFI-QDA projects (.qdpx): exchange evidence bases with other qualitative analysis tools',
    );
  qdpx
    .command('export')
    .description(
      "Export an activity's evidence base (texts, codebook, codings, cases, memos) as a .qdpx project",
    )
    .requiredOption('--activity <id>', 'the activity')
    .requiredOption('--out <file>', 'where to write the .qdpx file')
    .option(
      '--with-framework-codes',
      "for an activity made from an imported project: also write the framework's codes nothing uses",
    )
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          out: string;
          withFrameworkCodes?: boolean;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const r = await exportProject(
              await useCaseContext(cli, opts.as),
              {
                activityId: opts.activity,
                includeFrameworkCodes: opts.withFrameworkCodes ?? false,
              },
              opts.json ? undefined : exportPhaseLine(),
            );
            await save(opts.out, r.bytes);
            const data = { file: opts.out, bytes: r.bytes.length, counts: r.counts };
            output(
              opts.json,
              data,
              () =>
                `Wrote ${opts.out} (${r.bytes.length} bytes): ${r.counts.sources} sources, ${r.counts.codes} codes, ${r.counts.codings} codings in ${r.counts.selections} selections, ${r.counts.cases} cases, ${r.counts.notes} memos, ${r.counts.users} people; ${r.counts.kept} elements kept from imported files (${r.counts.files} files).`,
            );
          });
        },
      ),
    );
  importCommand(qdpx, 'project (.qdpx or .qde) or codebook (.qdc)');

  const qdc = program.command('qdc').description('REFI-QDA codebooks (.qdc)');
  qdc
    .command('export')
    .description("Export an activity's codebook as a .qdc file")
    .requiredOption('--activity <id>', 'the activity')
    .requiredOption('--out <file>', 'where to write the .qdc file')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; out: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const r = await exportCodebook(await useCaseContext(cli, opts.as), {
            activityId: opts.activity,
          });
          await save(opts.out, r.bytes);
          output(
            opts.json,
            { file: opts.out, bytes: r.bytes.length, codes: r.codes },
            () => `Wrote ${opts.out}: ${r.codes} codes.`,
          );
        });
      }),
    );
  importCommand(qdc, 'codebook (.qdc)');
}

/** The phases of a project export on stderr (not with --json), one line each. */
function exportPhaseLine(): (phase: ExportProjectPhase) => void {
  const tty = process.stderr.isTTY === true;
  const text: Record<ExportProjectPhase, string> = {
    reading: 'Reading the evidence base',
    writing: 'Writing the project',
    compressing: 'Compressing the file',
    done: 'Exported',
  };
  return (phase) => {
    process.stderr.write(tty ? `\r${text[phase].padEnd(60)}` : `${text[phase]}\n`);
    if (tty && phase === 'done') process.stderr.write('\n');
  };
}

/** Progress of a long import on stderr (not with --json, whose stderr is a refusal's JSON): a line that rewrites itself on a terminal, else every 2 s. */
function progressLine(): (p: RefiImportProgress) => void {
  const tty = process.stderr.isTTY === true;
  let shown = 0;
  let phase = '';
  return (p) => {
    const t = performance.now();
    if (p.phase === phase && t - shown < (tty ? 200 : 2000)) return;
    phase = p.phase;
    shown = t;
    const line =
      p.phase === 'reading'
        ? 'Reading and checking the file'
        : p.phase === 'writing'
          ? `Writing ${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} rows`
          : p.phase === 'statistics'
            ? 'Refreshing the planner statistics'
            : 'Imported';
    process.stderr.write(tty ? `\r${line.padEnd(60)}` : `${line}\n`);
    if (tty && p.phase === 'done') process.stderr.write('\n');
  };
}

function importText(r: ImportRefiResult): string {
  const c = r.counts;
  const lines = [
    `Imported ${r.file} (${r.format}${r.origin ? `, from ${r.origin}` : ''}; sha256 ${r.sha256.slice(0, 16)}…) into ${r.activityCreated ? 'the new activity' : 'activity'} ${r.activityId}`,
    `  ${c.evidence} evidence records, ${c.codes} new codes (${c.codesMatched} matched existing ones), ${c.codings} codings, ${c.cases} new cases (${c.casesMatched} matched), ${c.memos} memos`,
  ];
  const a = c.alreadyPresent;
  if (a.evidence + a.codings + a.memos > 0)
    lines.push(
      `  already in the activity from an earlier import (left as they were): ${a.evidence} records, ${a.codings} codings, ${a.memos} memos`,
    );
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(title, ...items.map((i) => `  - ${i}`));
  };
  section('Repaired:', r.report.repairs);
  section(
    'Not imported (Triangulate has no place for them):',
    r.report.skipped.map((s) => `${s.count} ${s.what}`),
  );
  section(
    'Left out because their file is not in the archive:',
    r.report.notImported.map((n) => `<${n.element} guid="${n.guid}">: ${n.reason}`),
  );
  section('Warnings:', r.report.warnings);
  section('To check (also left as a memo on the activity):', r.report.review);
  return lines.join('\n');
}
