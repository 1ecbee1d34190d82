// `triangulate evidence attach` and `triangulate attachments list|download|delete`: keep a file
// beside an evidence record, list the files of an activity (or of one record or comment), write
// one to disk. The same use cases and checks as the pages; downloads and removals are audited.
import path from 'node:path';
import type { Command } from 'commander';
import type { Attachment } from '../../domain/files/attachment.js';
import { sizeText } from '../../domain/files/attachment-check.js';
import { attachFile } from '../../usecases/attachments/attach-file.js';
import { deleteAttachment } from '../../usecases/attachments/delete-attachment.js';
import { downloadAttachment } from '../../usecases/attachments/download-attachment.js';
import { listAttachments } from '../../usecases/attachments/list-attachments.js';
import { readInputFile, writeDownloadedFile } from '../file-io.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

function line(a: Attachment): string {
  const owner = a.owner.kind === 'evidence' ? `evidence ${a.owner.id}` : `comment ${a.owner.id}`;
  const scan = a.scan.status === 'clean' ? 'virus-scanned' : 'NOT SCANNED';
  return `${a.id}  ${a.fileName}  ${sizeText(a.sizeBytes)}  ${a.mediaType}  ${scan}  (${owner}; ${a.uploadedBy.label})`;
}

export function registerAttachmentCommands(program: Command): void {
  const evidence =
    program.commands.find((c) => c.name() === 'evidence') ??
    program.command('evidence').description('An activity’s evidence base');
  evidence
    .command('attach')
    .description(
      'Keep a file beside an evidence record (type checked by content, size-limited, virus-scanned when configured)',
    )
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--evidence <ref>', 'the record: its reference (E12) or id')
    .requiredOption('--file <path>', 'the file to attach')
    .option('--as <email>', 'attach as this team member')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          evidence: string;
          file: string;
          as?: string;
          json?: boolean;
        }) => {
          const bytes = await readInputFile(opts.file);
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as);
            const a = await attachFile(
              ctx,
              {
                activityId: opts.activity,
                owner: { kind: 'evidence', id: opts.evidence },
                fileName: path.basename(opts.file),
              },
              bytes,
            );
            output(opts.json, a, () => `Attached: ${line(a)}`);
          });
        },
      ),
    );

  const attachments = program
    .command('attachments')
    .description('Files kept beside evidence records and factual-accuracy comments');
  attachments
    .command('list')
    .description('List the files of an activity, or of one evidence record (--evidence)')
    .requiredOption('--activity <id>', 'activity id')
    .option('--evidence <ref>', 'only this record: its reference (E12) or id')
    .option('--comment <id>', 'only this factual-accuracy comment')
    .option('--as <email>', 'list as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          evidence?: string;
          comment?: string;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as);
            const owner = opts.evidence
              ? { kind: 'evidence' as const, id: opts.evidence }
              : opts.comment
                ? { kind: 'report_comment' as const, id: opts.comment }
                : undefined;
            const list = await listAttachments(ctx, {
              activityId: opts.activity,
              ...(owner ? { owner } : {}),
            });
            output(opts.json, list.attachments, () =>
              list.attachments.length === 0 ? 'No files.' : list.attachments.map(line).join('\n'),
            );
          });
        },
      ),
    );
  attachments
    .command('download')
    .description('Write a file to disk (audited)')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--id <attachmentId>', 'the attachment')
    .option('--out <path>', 'where to write it (default: its own name, in the current folder)')
    .option('--as <email>', 'download as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          id: string;
          out?: string;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as);
            const file = await downloadAttachment(ctx, {
              activityId: opts.activity,
              attachmentId: opts.id,
            });
            await writeDownloadedFile(opts, file);
          });
        },
      ),
    );
  attachments
    .command('delete')
    .description('Remove a file for good (audited)')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption('--id <attachmentId>', 'the attachment')
    .option('--reason <text>', 'why (kept in the audit log)')
    .option('--as <email>', 'remove as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          id: string;
          reason?: string;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const ctx = await actingAs(cli, opts.as);
            const a = await deleteAttachment(ctx, {
              activityId: opts.activity,
              attachmentId: opts.id,
              reason: opts.reason ?? null,
            });
            output(opts.json, a, () => `Removed: ${line(a)}`);
          });
        },
      ),
    );
}
