// `triangulate annex-a ...`: import an activity's Annex A, show its report, set its retention
// date, and purge child-level data whose retention date has passed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  annexAListToCsv,
  annexAToOds,
  annexAToXlsx,
  generateAnnexA,
} from '../../synthetic/annex-a.js';
import type { AnnexAIssue } from '../../domain/annex-a/parse.js';
import type { Coverage } from '../../domain/annex-a-profile/coverage.js';
import { AppError } from '../../errors.js';
import { getAnnexAReport, type AnnexAReport } from '../../usecases/annex-a/get-annex-a-report.js';
import {
  importAnnexA,
  type ImportAnnexAOutcome,
  type ImportProgress,
} from '../../usecases/annex-a/import-annex-a.js';
import { purgeExpiredAnnexA } from '../../usecases/annex-a/purge-expired-annex-a.js';
import { setAnnexARetention } from '../../usecases/annex-a/set-annex-a-retention.js';
import { action, output, withDatabase } from '../runtime.js';
import { nowMs } from '../../clock.js';

/** A progress bar on stderr when it is a terminal, otherwise a line every few seconds. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastLine = 0;
  let lastFraction = 0;
  return {
    update(p: ImportProgress): void {
      if (p.fraction >= 0) lastFraction = p.fraction;
      const pct = Math.round(lastFraction * 100);
      const label =
        p.phase === 'reading' ? 'Reading and checking' : p.phase === 'saving' ? 'Saving' : 'Done';
      if (tty) {
        const width = 30;
        const filled = Math.round(lastFraction * width);
        stream.write(
          `\r${label.padEnd(21)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${p.rows.toLocaleString('en-GB')} rows `,
        );
        if (p.phase === 'done') stream.write('\n');
      } else {
        const now = nowMs();
        if (p.phase === 'done' || now - lastLine > 2000) {
          lastLine = now;
          stream.write(`${label}: ${pct}% (${p.rows} rows)\n`);
        }
      }
    },
  };
}

function issueLine(i: AnnexAIssue): string {
  const where = [
    i.list !== null ? `List ${i.list}` : null,
    i.sheet ? `sheet '${i.sheet}'` : null,
    i.row !== null ? `row ${i.row}` : null,
    i.column ? `'${i.column}'` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const value = i.value !== null ? ` (value '${i.value}')` : '';
  return `  - [${i.severity}] ${where}: ${i.message}${value} [${i.rule}]`;
}

function importText(r: ImportAnnexAOutcome, limit = 30): string {
  const head =
    r.status === 'unchanged'
      ? `${r.fileName} is already the current Annex A (import ${r.importId}); nothing changed.`
      : r.status === 'rejected'
        ? `${r.fileName} was NOT imported: ${r.totals.errors} error(s) must be fixed, or import with --accept-flagged to keep the rows flagged.`
        : `${r.status === 'replaced' ? 'Replaced the previous Annex A with' : 'Imported'} ${r.fileName} (${r.format}, ${r.layout} layout; import ${r.importId}).`;
  const lines = [
    head,
    `  ${r.totals.rows} rows, ${r.totals.flaggedRows} flagged; ${r.totals.errors} errors, ${r.totals.queries} queries`,
  ];
  for (const l of r.lists)
    lines.push(
      `  List ${String(l.list).padEnd(2)} ${l.title.padEnd(32)} ${String(l.rows).padStart(7)} rows  ${l.errors} errors, ${l.queries} queries  (sheet '${l.sheet}')`,
    );
  if (r.ignoredSheets.length) lines.push(`  Sheets not read: ${r.ignoredSheets.join(', ')}`);
  lines.push(...otherListsText(r), ...coverageText(r.coverage));
  const shown = [...r.errors, ...r.queries].slice(0, limit);
  if (shown.length) {
    lines.push('Problems (errors first):');
    for (const i of shown) lines.push(issueLine(i));
    const more = r.errors.length + r.queries.length - shown.length;
    if (more > 0) lines.push(`  … and ${more} more (use --json for all)`);
  }
  return lines.join('\n');
}

/** Lists stored from the earlier file that this file does not hold: kept, or removed as asked. */
function otherListsText(r: ImportAnnexAOutcome): string[] {
  const o = r.otherLists;
  if (!o) return [];
  const each = o.lists.map((l) => `    List ${l.list} ${l.title}: ${l.rows} rows`);
  if (o.action === 'removed')
    return [`  Removed, as asked, the lists this file does not contain (${o.rows} rows):`, ...each];
  return [
    r.status === 'rejected'
      ? `  Had it been imported, these lists from ${o.fromFile}, not in this file, would have been kept (${o.rows} rows):`
      : `  Kept from ${o.fromFile}, because this file does not contain them (${o.rows} rows):`,
    ...each,
    `  To remove them instead, import again with --remove-missing-lists (removes ${o.rows} rows).`,
  ];
}

/** Whether the file covers the LA: flagged when a list is far below the LA's size. */
export function coverageText(c: Coverage | null): string[] {
  if (!c) return [];
  const lines = [
    `  Coverage against the LA's size (0-17 population ${c.population.toLocaleString('en-GB')}; flagged under ${Math.round(c.threshold * 100)}% of the expected rows):`,
  ];
  for (const l of c.lists)
    lines.push(
      `    List ${l.list} ${l.title}: ${l.rows} rows, about ${l.expected} expected (${Math.round(l.ratio * 100)}%; ${l.basis}, ${l.rateSource})${l.low ? '  LOW' : ''}`,
    );
  if (c.message) lines.push(`  WARNING: ${c.message}`);
  return lines;
}

function reportText(r: AnnexAReport): string {
  if (!r.current) {
    const last = r.history[0];
    return last
      ? `No current Annex A for ${r.activityTitle}: the last import (${last.fileName}) is ${last.status}.`
      : `No Annex A has been imported for ${r.activityTitle}.`;
  }
  const c = r.current;
  const lists = (c.summary.lists ?? []) as {
    list: number;
    title: string;
    rows: number;
    errors: number;
    queries: number;
    keptFrom?: string;
  }[];
  const lines = [
    `Annex A for ${r.activityTitle} (${r.laName}): ${c.fileName}, imported ${c.importedAt.toISOString()} by ${c.importedByLabel}`,
    `  ${c.rowCount} rows, ${c.flaggedRows} flagged; ${c.errorCount} errors, ${c.queryCount} queries${c.acceptedFlagged ? ' (imported with flagged rows accepted)' : ''}`,
    `  Child-level rows kept until ${r.retainUntil ?? '-'}`,
  ];
  for (const l of lists)
    lines.push(
      `  List ${String(l.list).padEnd(2)} ${l.title.padEnd(32)} ${String(l.rows).padStart(7)} rows  ${l.errors} errors, ${l.queries} queries${l.keptFrom ? `  (kept from ${l.keptFrom})` : ''}`,
    );
  lines.push(...coverageText((c.summary.coverage as Coverage | undefined) ?? null));
  if (r.history.length > 1) {
    lines.push('History:');
    for (const h of r.history)
      lines.push(`  ${h.importedAt.toISOString()} ${h.fileName} (${h.status}, ${h.rowCount} rows)`);
  }
  for (const i of r.issues.slice(0, 30)) lines.push(issueLine(i));
  return lines.join('\n');
}

export function registerAnnexACommands(program: Command): void {
  const annexA = program.command('annex-a').description('Annex A child-level data of an activity');

  annexA
    .command('import')
    .description(
      'Import an Annex A workbook (.xlsx, .ods), one list as .csv, or a .zip of per-list .csv files for an activity; the same file again changes nothing, a newer file replaces the lists it contains (the others are kept unless --remove-missing-lists)',
    )
    .argument('<file>', 'the Annex A file')
    .requiredOption('--activity <id>', 'the activity id')
    .option('--accept-flagged', 'import even if rows have errors (they are kept, flagged)')
    .option(
      '--remove-missing-lists',
      'also remove the stored lists that this file does not contain or leaves empty (by default they are kept)',
    )
    .option('--json', 'print JSON (importId, counts per list, errors, queries)')
    .action(
      action(
        async (
          file: string,
          opts: {
            activity: string;
            acceptFlagged?: boolean;
            removeMissingLists?: boolean;
            json?: boolean;
          },
        ) => {
          let bytes: Buffer;
          try {
            bytes = await readFile(file);
          } catch (err) {
            throw new AppError('IMPORT_INVALID', {
              message: `Cannot read ${file}: ${(err as Error).message}`,
              cause: err,
            });
          }
          const progress = progressReporter();
          await withDatabase(async (ctx) => {
            const r = await importAnnexA(
              ctx,
              {
                activityId: opts.activity,
                fileName: path.basename(file),
                bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
                acceptFlagged: opts.acceptFlagged ?? false,
                removeMissingLists: opts.removeMissingLists ?? false,
              },
              (p) => progress.update(p),
            );
            output(opts.json, r, () => importText(r));
            if (r.status === 'rejected') process.exitCode = 2;
          });
        },
      ),
    );

  annexA
    .command('generate')
    .description(
      'Write a seeded synthetic Annex A (messy, like real files) for demos and testing; no database needed',
    )
    .argument('<file>', 'where to write it: .xlsx, .ods, or .csv (one list, see --list)')
    .option('--rows <n>', 'about how many rows across the lists (100 to 300000)', '2000')
    .option('--seed <n>', 'the same seed gives the same file', '1')
    .option(
      '--mess <p>',
      'share of values, headings and sheet names in messy forms (0 to 1)',
      '0.3',
    )
    .option('--errors <p>', 'share of rows given a deliberate error (0 to 1)', '0')
    .option('--layout <year>', '2019 or 2023 (List 9 columns)', '2023')
    .option('--list <n>', 'for .csv: which list', '1')
    .option('--reference-date <date>', 'the extraction date (YYYY-MM-DD)')
    .action(
      action(
        async (
          file: string,
          opts: {
            rows: string;
            seed: string;
            mess: string;
            errors: string;
            layout: string;
            list: string;
            referenceDate?: string;
          },
        ) => {
          const g = generateAnnexA({
            rows: Number(opts.rows),
            seed: Number(opts.seed),
            mess: Number(opts.mess),
            errorRate: Number(opts.errors),
            layout: opts.layout === '2019' ? '2019' : '2023',
            ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
          });
          const ext = path.extname(file).toLowerCase();
          const bytes =
            ext === '.ods'
              ? annexAToOds(g)
              : ext === '.csv'
                ? new TextEncoder().encode(annexAListToCsv(g, Number(opts.list)))
                : annexAToXlsx(g);
          await writeFile(file, bytes);
          const rows = g.lists.reduce((n, l) => n + l.rows.length, 0);
          process.stdout.write(
            `Wrote ${file}: ${rows} rows in ${g.lists.length} lists (extracted ${g.referenceDate}).\n`,
          );
        },
      ),
    );

  annexA
    .command('report')
    .description("Show the activity's current Annex A: counts per list, problems, history")
    .requiredOption('--activity <id>', 'the activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await getAnnexAReport(ctx, opts.activity);
          output(opts.json, r, () => reportText(r));
        });
      }),
    );

  annexA
    .command('retention')
    .description('Set the date after which the activity’s child-level rows are purged')
    .requiredOption('--activity <id>', 'the activity id')
    .requiredOption('--until <date>', 'YYYY-MM-DD')
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; until: string; reason: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await setAnnexARetention(ctx, {
            activityId: opts.activity,
            retainUntil: opts.until,
            reason: opts.reason,
          });
          output(
            opts.json,
            r,
            () => `Child-level Annex A rows are now kept until ${r.retainUntil}.`,
          );
        });
      }),
    );

  annexA
    .command('purge-expired')
    .description('Delete child-level Annex A rows (and pseudonym keys) past their retention date')
    .option('--today <date>', 'judge expiry as at this date (YYYY-MM-DD; default today)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { today?: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const purged = await purgeExpiredAnnexA(ctx, opts.today ? { today: opts.today } : {});
          output(opts.json, { purged }, () =>
            purged.length === 0
              ? 'Nothing to purge.'
              : purged
                  .map(
                    (p) =>
                      `Purged activity ${p.activityId} (kept until ${p.retainUntil}): ${p.rowsDeleted} rows deleted, ${p.importsPurged} import(s) marked purged, key destroyed.`,
                  )
                  .join('\n'),
          );
        });
      }),
    );
}
