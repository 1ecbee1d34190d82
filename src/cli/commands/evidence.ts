// `triangulate evidence ...` and `triangulate codes ...`: record evidence from a file, list an
// activity's evidence (under its judgement headings) and its codebook. The operator acts as the
// system, or as a team member with --as EMAIL (recorded as that person).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { evidenceGroupings, type EvidenceGrouping } from '../../usecases/evidence/list-evidence.js';
import { listEvidence } from '../../usecases/evidence/list-evidence.js';
import { importEvidenceFile } from '../../usecases/evidence/import-evidence-file.js';
import { listCodes } from '../../usecases/coding/list-codes.js';
import {
  evidenceDirections,
  evidenceMethods,
  type EvidenceDirection,
  type EvidenceMethod,
} from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

async function readInput(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return { name: 'stdin.txt', bytes: new Uint8Array(Buffer.concat(chunks)) };
  }
  try {
    return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: '--text-file',
          value: file,
          reason: `Cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
        },
      ],
    });
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerEvidenceCommands(program: Command): void {
  const evidence = program.command('evidence').description('An activity’s evidence base');
  evidence
    .command('add')
    .description('Record evidence from a .txt, .docx or .pdf file (- reads text from stdin)')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--method <method>', `one of: ${evidenceMethods.join(', ')}`)
    .requiredOption('--text-file <file>', 'the evidence text: .txt, .docx, .pdf, or - for stdin')
    .option('--area <key>', 'judgement area key (repeatable)', collect)
    .option(
      '--case <ref>',
      "the child's case: a sampled or known case's pseudonymous reference (an unknown one is refused)",
    )
    .option('--new-case', '--case names a new case, not in the sample or the activity’s cases')
    .option('--practitioner <ref>', 'practitioner reference')
    .option('--team <ref>', 'team reference')
    .option('--direction <direction>', `one of: ${evidenceDirections.join(', ')}`)
    .option('--observed-on <date>', 'the day it was gathered (YYYY-MM-DD; default today)')
    .option('--as <email>', 'record as this team member')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          method: string;
          textFile: string;
          area?: string[];
          case?: string;
          newCase?: boolean;
          practitioner?: string;
          team?: string;
          direction?: string;
          observedOn?: string;
          as?: string;
          json?: boolean;
        }) => {
          const file = await readInput(opts.textFile);
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as);
            const r = await importEvidenceFile(
              ctx,
              {
                activityId: opts.activity,
                fileName: file.name,
                method: opts.method as EvidenceMethod,
                judgementAreas: opts.area ?? [],
                caseRef: opts.case ?? null,
                newCase: opts.newCase === true,
                practitionerRef: opts.practitioner ?? null,
                teamRef: opts.team ?? null,
                direction: (opts.direction as EvidenceDirection | undefined) ?? null,
                ...(opts.observedOn ? { observedOn: opts.observedOn } : {}),
              },
              file.bytes,
            );
            output(
              opts.json,
              r,
              () =>
                `Recorded ${r.reference} (${r.textLength} characters from ${r.sourceFile}, ${r.sourceKind}) as ${r.recordedBy.label}.`,
            );
          });
        },
      ),
    );
  evidence
    .command('list')
    .description('List evidence under the judgement headings (or --by person, day, case, ...)')
    .requiredOption('--activity <id>', 'activity id')
    .option('--by <grouping>', `one of: ${evidenceGroupings.join(', ')}`, 'area')
    .option('--deleted', 'list deleted evidence instead')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; by: string; deleted?: boolean; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const list = await listEvidence(ctx, {
            activityId: opts.activity,
            by: opts.by as EvidenceGrouping,
            deleted: opts.deleted ? 'only' : 'exclude',
            limitPerGroup: 100_000,
          });
          output(opts.json, list, () => {
            const lines = [`${list.total} evidence records`];
            for (const g of list.groups) {
              lines.push('', `${g.label} (${g.count})`);
              for (const r of g.records) {
                const excerpt = r.text.replace(/\s+/g, ' ').slice(0, 90);
                lines.push(
                  `  ${r.reference.padEnd(6)} ${r.observedOn}  ${r.method.padEnd(24)} ${r.recordedBy.label}: ${excerpt}`,
                );
              }
            }
            return lines.join('\n');
          });
        });
      }),
    );

  const codes = program.command('codes').description('An activity’s codebook');
  codes
    .command('list')
    .description('List the codebook (seeded from the framework criteria on first use)')
    .requiredOption('--activity <id>', 'activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const book = await listCodes(ctx, { activityId: opts.activity });
          output(opts.json, book, () =>
            book.codes
              .map(
                (c) =>
                  `${'  '.repeat(c.depth)}${c.isCodable ? '' : '▸ '}${c.name}${c.isCodable ? ` (${c.codingCount})` : ''}${c.frameworkKey ? `  [${c.frameworkKey}]` : ''}`,
              )
              .join('\n'),
          );
        });
      }),
    );
}
