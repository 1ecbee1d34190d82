// `triangulate intel attach|files|download|remove-file`: keep a document beside an intelligence
// entry, list an entry's documents, write one to disk, remove one. The same use cases and checks
// as the pages (type by content, size limits, the virus-scan hook; downloads follow the entry's
// read rule and are audited, as are removals).
import path from 'node:path';
import type { Command } from 'commander';
import type { IntelligenceAttachment } from '../../domain/files/attachment.js';
import { sizeText } from '../../domain/files/attachment-check.js';
import { attachIntelligenceFile } from '../../usecases/risk/attach-intelligence-file.js';
import { downloadIntelligenceFile } from '../../usecases/risk/download-intelligence-file.js';
import { getIntelligenceEntry } from '../../usecases/risk/get-intelligence-entry.js';
import { removeIntelligenceFile } from '../../usecases/risk/remove-intelligence-file.js';
import { readInputFile, writeDownloadedFile } from '../file-io.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

function line(a: IntelligenceAttachment): string {
  const scan = a.scan.status === 'clean' ? 'virus-scanned' : 'NOT SCANNED';
  return `${a.id}  ${a.fileName}  ${sizeText(a.sizeBytes)}  ${a.mediaType}  ${scan}  (${a.uploadedBy.label})`;
}

interface Opts {
  la: string;
  entry: string;
  as?: string;
  json?: boolean;
}

export function registerIntelFileCommands(program: Command): void {
  const intel =
    program.commands.find((c) => c.name() === 'intel') ??
    program.command('intel').description('An LA’s intelligence log');
  intel
    .command('attach')
    .description(
      'Keep a document beside an intelligence entry (regional staff, their region; type checked by content, size-limited, virus-scanned when configured)',
    )
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--entry <id>', 'the intelligence entry')
    .requiredOption('--file <path>', 'the file to attach')
    .option('--as <email>', 'attach as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { file: string }) => {
        const bytes = await readInputFile(opts.file);
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as);
          const a = await attachIntelligenceFile(
            ctx,
            { laId: opts.la, entryId: opts.entry, fileName: path.basename(opts.file) },
            bytes,
          );
          output(opts.json, a, () => `Attached: ${line(a)}`);
        });
      }),
    );
  intel
    .command('files')
    .description('The documents kept beside an intelligence entry')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--entry <id>', 'the intelligence entry')
    .option('--as <email>', 'list as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as);
          const view = await getIntelligenceEntry(ctx, { laId: opts.la, entryId: opts.entry });
          output(opts.json, view.attachments, () =>
            view.attachments.length === 0 ? 'No files.' : view.attachments.map(line).join('\n'),
          );
        });
      }),
    );
  intel
    .command('download')
    .description('Write a document kept beside an intelligence entry to disk (audited)')
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--entry <id>', 'the intelligence entry')
    .requiredOption('--id <attachmentId>', 'the document')
    .option('--out <path>', 'where to write it (default: its own name, in the current folder)')
    .option('--as <email>', 'download as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { id: string; out?: string }) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as);
          const file = await downloadIntelligenceFile(ctx, {
            laId: opts.la,
            entryId: opts.entry,
            attachmentId: opts.id,
          });
          await writeDownloadedFile(opts, file);
        });
      }),
    );
  intel
    .command('remove-file')
    .description(
      'Remove a document from an intelligence entry for good (as for attaching: regional staff, their region); audited',
    )
    .requiredOption('--la <id>', 'LA id, code or name')
    .requiredOption('--entry <id>', 'the intelligence entry')
    .requiredOption('--id <attachmentId>', 'the document')
    .option('--reason <text>', 'why, for the audit log')
    .option('--as <email>', 'remove as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { id: string; reason?: string }) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as);
          const a = await removeIntelligenceFile(ctx, {
            laId: opts.la,
            entryId: opts.entry,
            attachmentId: opts.id,
            reason: opts.reason ?? null,
          });
          output(opts.json, { removed: true, ...a }, () => `Removed: ${line(a)}`);
        });
      }),
    );
}
