// `triangulate report ...`: assemble an activity's draft, show it, export it (HTML, DOCX, PDF),
// release it to the LA for the factual accuracy check, and publish it.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { toBlocks } from '../../domain/reports/blocks.js';
import { AppError } from '../../errors.js';
import { createReportDraft } from '../../usecases/reports/create-report-draft.js';
import { exportReport, REPORT_FORMATS } from '../../usecases/reports/export-report.js';
import { getReportWorkspace } from '../../usecases/reports/get-report-workspace.js';
import { getReportVersion } from '../../usecases/reports/get-report-version.js';
import { signOffReport } from '../../usecases/reports/sign-off-report.js';
import { publishReport } from '../../usecases/reports/publish-report.js';
import { releaseReport } from '../../usecases/reports/release-report.js';
import { updateReportGrades } from '../../usecases/reports/update-report-grades.js';
import { confirmFactualAccuracy } from '../../usecases/reports/confirm-factual-accuracy.js';
import { actAsAccount } from '../../usecases/auth/act-as-account.js';
import { action, output, readJsonFile, withDatabase } from '../runtime.js';

type Ctx = Parameters<Parameters<typeof withDatabase>[0]>[0];

async function currentVersion(ctx: Ctx, activityId: string): Promise<number> {
  const w = await getReportWorkspace(ctx, activityId);
  if (!w.report)
    throw new AppError('NOT_FOUND', {
      message: 'This activity has no report draft yet: run `triangulate report draft` first.',
    });
  return w.report.currentVersion;
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('Reports and letters of an activity');

  report
    .command('draft')
    .description(
      'Assemble the first draft from the framework template, judgements, chosen vignettes and the sample statement',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .option('--template <key>', 'a report template of the activity type (default: its first)')
    .option(
      '--improvements <file>',
      'JSON array of {text, extent?, nationalFrameworkRef?, priority?}',
    )
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          template?: string;
          improvements?: string;
          json?: boolean;
        }) => {
          const improvements: unknown = opts.improvements
            ? await readJsonFile(opts.improvements, 'improvements')
            : [];
          await withDatabase(async (ctx) => {
            const r = await createReportDraft(ctx, {
              activityId: opts.activity,
              ...(opts.template ? { templateKey: opts.template } : {}),
              improvements: improvements as never,
            });
            output(
              opts.json,
              { reportId: r.id, templateKey: r.templateKey, version: r.currentVersion },
              () => `Draft assembled (${r.templateKey}), version ${r.currentVersion}.`,
            );
          });
        },
      ),
    );

  report
    .command('show')
    .description(
      'Print a version of the draft (default: the current one) with its paragraph numbers',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .option('--version <n>', 'the version number')
    .option('--json', 'print JSON (the whole document, sections and paragraphs)')
    .action(
      action(async (opts: { activity: string; version?: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const number = opts.version
            ? Number(opts.version)
            : await currentVersion(ctx, opts.activity);
          const v = await getReportVersion(ctx, { activityId: opts.activity, version: number });
          output(
            opts.json,
            {
              version: v.version.number,
              currentVersion: v.currentVersion,
              document: v.version.document,
            },
            () =>
              toBlocks(v.version.document)
                .map((b) =>
                  b.kind === 'title'
                    ? `# ${b.text}`
                    : b.kind === 'heading'
                      ? `\n${'#'.repeat(b.level + 1)} ${b.text}`
                      : b.kind === 'table'
                        ? [
                            b.table.head.join(' | '),
                            ...b.table.rows.map((r) => r.join(' | ')),
                          ].join('\n')
                        : `${b.number !== null ? `${b.number}. ` : b.bullet ? '- ' : ''}${b.text}`,
                )
                .join('\n'),
          );
        });
      }),
    );

  report
    .command('export')
    .description(
      'Write a version of the report as HTML, DOCX or PDF (default: published, else current)',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write it')
    .option('--version <n>', 'the version number')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          format: string;
          out: string;
          version?: string;
          json?: boolean;
        }) => {
          if (!(REPORT_FORMATS as readonly string[]).includes(opts.format))
            throw new AppError('VALIDATION_FAILED', {
              details: [{ field: 'format', reason: `Use one of ${REPORT_FORMATS.join(', ')}` }],
            });
          await withDatabase(async (ctx) => {
            const f = await exportReport(ctx, {
              activityId: opts.activity,
              format: opts.format as (typeof REPORT_FORMATS)[number],
              ...(opts.version ? { version: Number(opts.version) } : {}),
            });
            await writeFile(opts.out, f.bytes);
            output(
              opts.json,
              {
                file: opts.out,
                format: opts.format,
                version: f.version,
                published: f.published,
                bytes: f.bytes.length,
              },
              () =>
                `Wrote ${opts.out} (version ${f.version}${f.published ? ', published' : ', draft'}, ${f.bytes.length} bytes).`,
            );
          });
        },
      ),
    );

  report
    .command('update-grades')
    .description('Bring the draft’s grade table into line with the judgements as they are now')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON (version, changed)')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await updateReportGrades(ctx, {
            activityId: opts.activity,
            baseVersion: await currentVersion(ctx, opts.activity),
          });
          output(opts.json, r, () =>
            r.changed
              ? `The grade table now matches the judgements (version ${r.version}).`
              : `The grade table already matches the judgements (version ${r.version}).`,
          );
        });
      }),
    );

  report
    .command('release')
    .description('Release the current version to the LA for its factual accuracy check')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--days <n>', 'working days the LA has to comment', '5')
    .option('--json', 'print JSON (round, version, deadline)')
    .action(
      action(async (opts: { activity: string; days: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await releaseReport(ctx, {
            activityId: opts.activity,
            windowDays: opts.days,
            baseVersion: await currentVersion(ctx, opts.activity),
          });
          output(
            opts.json,
            r,
            () =>
              `Released version ${r.version} (round ${r.round}); comments close at the end of ${r.deadline}.`,
          );
        });
      }),
    );

  report
    .command('publish')
    .description(
      'Publish the current version (signed off by the QAM after the factual accuracy check)',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await publishReport(ctx, {
            activityId: opts.activity,
            baseVersion: await currentVersion(ctx, opts.activity),
          });
          output(opts.json, r, () => `Published version ${r.version}. It can no longer change.`);
        });
      }),
    );

  report
    .command('sign-off')
    .description(
      'Sign off the current version as the QAM (before release, or after the factual accuracy check)',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await signOffReport(ctx, {
            activityId: opts.activity,
            baseVersion: await currentVersion(ctx, opts.activity),
          });
          output(opts.json, r, () => `Signed off version ${r.version} for ${r.purpose}.`);
        });
      }),
    );

  report
    .command('confirm')
    .description(
      'Record, as an LA user, that the LA has no more factual accuracy comments on the released draft',
    )
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--as <email>', 'the LA user confirming (only the inspected LA may confirm)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; as: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const actor = await actAsAccount(ctx, { email: opts.as });
          await confirmFactualAccuracy({ ...ctx, actor }, { activityId: opts.activity });
          output(
            opts.json,
            { confirmed: true },
            () => 'Recorded: the LA has no more factual accuracy comments.',
          );
        });
      }),
    );
}
