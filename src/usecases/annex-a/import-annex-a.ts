// Imports an activity's Annex A file: reads and validates every row, then (when there are no
// errors, or the user accepts the flagged rows) stores the pseudonymised, normalised rows in one
// transaction, replacing the previous file's rows and recording the change in the audit log.
// The same file again is a no-op (sha256). Errors never drop rows silently: without
// acceptFlagged an import with errors stores nothing and returns the report to act on. Rows are
// stored while the file is read, in the same transaction, which is rolled back on refusal.
import { ANNEX_A_TABLES, refreshStatistics } from '../../data/repositories/statistics.js';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  annexAImportIssues,
  completeAnnexAImport,
  ensureAnnexASettings,
  findAnnexASettings,
  findCurrentAnnexAImport,
  insertAnnexAImport,
  linkSupersededAnnexAImport,
  markAnnexAImportSuperseded,
} from '../../data/repositories/annex-a.js';
import {
  carryOverAnnexARows,
  countAnnexARowsOfImport,
  deleteAnnexAImportRows,
  insertAnnexARows,
  type NewAnnexARow,
} from '../../data/repositories/annex-a-rows.js';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { findProfileSettings } from '../../data/repositories/annex-a-profile.js';
import { findLocalAuthority } from '../../data/repositories/local-authorities.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import {
  type AnnexAIssue,
  type ListSummary,
  type ParsedRow,
  type ParseResult,
} from '../../domain/annex-a/parse.js';
import { newPseudonymKey, pseudonymiser } from '../../domain/annex-a/pseudonymise.js';
import { loadBenchmarks, populationOf } from '../../domain/annex-a-profile/benchmarks.js';
import { annexACoverage, type Coverage } from '../../domain/annex-a-profile/coverage.js';
import { CsvQuoteError, SpreadsheetError } from '../../domain/files/spreadsheet.js';
import { UnsafeXmlError } from '../../domain/files/xml.js';
import { UnsafeArchiveError } from '../../domain/files/zip.js';
import { AppError } from '../../errors.js';
import { parseAnnexAInWorker } from '../../workers/parse-annex-a.js';
import type { UseCaseContext } from '../context.js';
import { todayInEngland } from '../../clock.js';
import {
  byRule,
  outcomeOf,
  withKeptLists,
  type ImportAnnexAOutcome,
  type ListCount,
  type OtherLists,
} from './import-outcome.js';

export type { ImportAnnexAOutcome, ListCount, OtherLists } from './import-outcome.js';

export const MAX_ANNEX_A_BYTES = 200 * 1024 * 1024;
/** How many issues an import keeps in full (the counts by rule are always complete). */
export const MAX_STORED_ISSUES = 5000;

export const ImportAnnexAInput = z.object({
  activityId: z.string(),
  fileName: z.string().trim().min(1).max(255),
  bytes: z.custom<Uint8Array>((b) => b instanceof Uint8Array, 'A file is needed.'),
  acceptFlagged: z.boolean().default(false),
  /**
   * Lists that the current Annex A holds and this file does not: kept (the default: a file
   * replaces only the lists it contains) or, when true, removed with the rest of the old file.
   */
  removeMissingLists: z.boolean().default(false),
});
export type ImportAnnexAInput = z.input<typeof ImportAnnexAInput>;

export interface ImportProgress {
  phase: 'reading' | 'saving' | 'done';
  /** 0..1 within the whole import. */
  fraction: number;
  rows: number;
}

/** A file inside a .zip is named "archive.zip › List_3.csv". */
function csvFileName(fileName: string, sheet: string): string {
  return /\.zip$/i.test(fileName) ? `${fileName} › ${sheet}.csv` : fileName;
}

/** The 0-17 population coverage is judged against: entered for the activity, else ONS. */
async function populationFor(
  ctx: UseCaseContext,
  activity: Activity,
): Promise<{ laCode: string | null; value: number | null }> {
  const [la, settings] = await Promise.all([
    findLocalAuthority(ctx.db, activity.laId),
    findProfileSettings(ctx.db, activity.id),
  ]);
  const laCode = la?.dfeCode ?? null;
  return { laCode, value: settings?.population ?? populationOf(loadBenchmarks(), laCode) };
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Ages and "future" are judged at the notification date, else the planned start, else today. */
export function annexAReferenceDate(a: Activity, today: string): string {
  if (a.notifiedAt) return a.notifiedAt.toISOString().slice(0, 10);
  return a.plannedStart ?? today;
}

/** Default retention: six months after the activity's planned end (or start, or today). */
export function defaultRetainUntil(a: Activity, today: string): string {
  const base = [a.plannedEnd, a.plannedStart, today].find((d): d is string => !!d)!;
  return addDays(base > today ? base : today, 183);
}

export interface ImportAnnexAOptions {
  /**
   * Read and check the whole file before opening the transaction, instead of storing rows while
   * reading. Slower, but the embedded database (one connection) stays free for other requests
   * (e.g. a browser polling the progress) while the file is read.
   */
  readFirst?: boolean;
}

export async function importAnnexA(
  ctx: UseCaseContext,
  raw: ImportAnnexAInput,
  onProgress?: (p: ImportProgress) => void,
  options: ImportAnnexAOptions = {},
): Promise<ImportAnnexAOutcome> {
  const input = ImportAnnexAInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.importAnnexA(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  if (input.bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'file', file: input.fileName, reason: 'The file is empty.' }],
    });
  if (input.bytes.length > MAX_ANNEX_A_BYTES)
    throw new AppError('IMPORT_INVALID', {
      details: [{ file: input.fileName, reason: 'The file is larger than 200 MB.' }],
    });

  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const current = await findCurrentAnnexAImport(ctx.db, activity.id);
  const currentSummary = (current?.summary ?? {}) as {
    lists?: (ListCount & { keptFrom?: string })[];
    ignoredSheets?: string[];
    issuesByRule?: ImportAnnexAOutcome['issuesByRule'];
    coverage?: Coverage;
  };
  const carried = (currentSummary.lists ?? []).filter((l) => l.keptFrom);
  if (
    current &&
    current.fileSha256 === sha256 &&
    !(input.removeMissingLists && carried.length > 0)
  ) {
    const s = currentSummary;
    onProgress?.({ phase: 'done', fraction: 1, rows: current.rowCount });
    return {
      status: 'unchanged',
      importId: current.id,
      replacedImportId: null,
      fileName: current.fileName,
      sha256,
      format: current.format,
      layout: current.layout,
      referenceDate: current.referenceDate,
      lists: s.lists ?? [],
      totals: {
        rows: current.rowCount,
        flaggedRows: current.flaggedRows,
        errors: current.errorCount,
        queries: current.queryCount,
      },
      errors: [],
      queries: [],
      issuesByRule: s.issuesByRule ?? {},
      ignoredSheets: s.ignoredSheets ?? [],
      otherLists: carried.length
        ? {
            action: 'kept',
            fromFile: carried[0]!.keptFrom!,
            lists: carried.map((l) => ({ list: l.list, title: l.title, rows: l.rows })),
            rows: carried.reduce((n, l) => n + l.rows, 0),
          }
        : null,
      coverage: s.coverage ?? null,
    };
  }

  const today = todayInEngland();
  const settings = await findAnnexASettings(ctx.db, activity.id);
  const key = settings?.pseudonymKey ?? newPseudonymKey();
  const pseudonym = pseudonymiser(key);
  const referenceDate = annexAReferenceDate(activity, today);
  const importId = randomUUID();
  const toStored = (r: ParsedRow): NewAnnexARow => {
    const data: Record<string, unknown> = r.data;
    if (typeof data.familyRef === 'string') data.familyRef = pseudonym('family', data.familyRef);
    let childRef: string | null = null;
    if (r.list === 11) {
      if (r.childId) data.adopterRef = pseudonym('adopter', r.childId);
    } else if (r.childId) childRef = pseudonym('child', r.childId);
    return { list: r.list, row: r.row, childRef, data, extra: r.extra, flags: r.flags };
  };

  // One transaction: rows are inserted while the file is still being read (the embedded database
  // works in its own thread), and everything is rolled back if the file turns out to be refused.
  let parsed: ParseResult | null = null;
  let replaced: string | null = null;
  let otherLists: OtherLists | null = null;
  let coverage: Coverage | null = null;
  const population = await populationFor(ctx, activity);
  try {
    const readFirst = options.readFirst
      ? await parseAnnexAInWorker(input.bytes, input.fileName, {
          referenceDate,
          pseudonymKey: key,
          onProgress: (fraction, rows) =>
            onProgress?.({ phase: 'reading', fraction: fraction < 0 ? -1 : fraction * 0.6, rows }),
        })
      : null;
    await ctx.db.transaction().execute(async (trx) => {
      const s = await ensureAnnexASettings(trx, activity.id, {
        pseudonymKey: key,
        retainUntil: defaultRetainUntil(activity, today),
      });
      if (s.pseudonymKey !== key)
        throw new AppError('CONFLICT', {
          message: 'Someone else imported Annex A for this activity at the same time. Try again.',
        });
      const previous = await findCurrentAnnexAImport(trx, activity.id);
      let removedRows = 0;
      if (previous) {
        await markAnnexAImportSuperseded(trx, previous.id);
        replaced = previous.id;
      }
      await insertAnnexAImport(trx, {
        id: importId,
        activityId: activity.id,
        fileName: input.fileName,
        fileSha256: sha256,
        fileSize: input.bytes.length,
        format: 'xlsx',
        layout: '2019',
        referenceDate,
        acceptedFlagged: false,
        rowCount: 0,
        flaggedRows: 0,
        errorCount: 0,
        queryCount: 0,
        summary: {},
        issues: [],
        importedBy: actorUserId(ctx.actor),
        importedByLabel: actorLabel(ctx.actor),
      });
      if (previous) await linkSupersededAnnexAImport(trx, previous.id, importId);

      let pending: Promise<void> | null = null;
      let stored = 0;
      const refused = (r: ParseResult): boolean =>
        r.lists.length === 0 || (r.totals.errors > 0 && !input.acceptFlagged);
      if (readFirst && !refused(readFirst)) {
        const all = readFirst.rows.map(toStored);
        await insertAnnexARows(trx, importId, activity.id, all, (done) =>
          onProgress?.({ phase: 'saving', fraction: 0.6 + (0.4 * done) / all.length, rows: done }),
        );
        stored = all.length;
      }
      const result =
        readFirst ??
        (await parseAnnexAInWorker(input.bytes, input.fileName, {
          referenceDate,
          pseudonymKey: key,
          onProgress: (fraction, rows) =>
            onProgress?.({ phase: 'reading', fraction: fraction < 0 ? -1 : fraction * 0.9, rows }),
          onRows: async (batch) => {
            if (pending) await pending;
            const p = insertAnnexARows(trx, importId, activity.id, batch.map(toStored)).then(() => {
              stored += batch.length;
            });
            p.catch(() => undefined); // surfaced by the next await
            pending = p;
          },
        }));
      if (pending) await pending;
      parsed = result;
      onProgress?.({ phase: 'saving', fraction: 0.95, rows: stored });
      if (result.lists.length === 0)
        throw new AppError('IMPORT_INVALID', {
          message: 'No Annex A list was found in the file.',
          details: [
            {
              file: input.fileName,
              reason: `No sheet looks like an Annex A list (List 1 to List 11)${
                result.ignoredSheets.length
                  ? `; sheets seen: ${result.ignoredSheets.join(', ')}`
                  : ''
              }.`,
            },
          ],
        });
      // Lists the previous file held and this one does not (or holds without a row): kept unless
      // asked to remove them, so that a one-list CSV or a header-only file never empties the rest.
      const previousCounts = previous ? await countAnnexARowsOfImport(trx, previous.id) : {};
      const inFile = new Set(result.lists.filter((l) => l.rows > 0).map((l) => l.list));
      const previousLists = ((previous?.summary.lists ?? []) as ListSummary[]).filter(
        (l) => !inFile.has(l.list) && (previousCounts[l.list] ?? 0) > 0,
      );
      for (const l of previousLists) l.rows = previousCounts[l.list] ?? l.rows;
      otherLists =
        previous && previousLists.length
          ? {
              action: input.removeMissingLists ? 'removed' : 'kept',
              fromFile: previous.fileName,
              lists: previousLists.map((l) => ({ list: l.list, title: l.title, rows: l.rows })),
              rows: previousLists.reduce((n, l) => n + l.rows, 0),
            }
          : null;
      const errorCount = result.totals.errors;
      if (errorCount > 0 && !input.acceptFlagged) throw new RefusedImport();
      const acceptedFlagged = input.acceptFlagged && errorCount > 0;
      const kept = otherLists?.action === 'kept' ? previousLists : [];
      if (previous) {
        await carryOverAnnexARows(
          trx,
          previous.id,
          importId,
          kept.map((l) => l.list),
        );
        removedRows = await deleteAnnexAImportRows(trx, previous.id);
      }
      const final = withKeptLists(
        result,
        kept,
        previous,
        previous && kept.length
          ? ((await annexAImportIssues(trx, previous.id)) as AnnexAIssue[])
          : [],
      );
      coverage = annexACoverage(
        loadBenchmarks(),
        population.laCode,
        population.value,
        Object.fromEntries(final.lists.map((l) => [l.list, l.rows])),
      );
      await completeAnnexAImport(trx, importId, {
        format: result.format,
        layout: result.layout,
        acceptedFlagged: acceptedFlagged || final.keptErrors,
        rowCount: final.totals.rows,
        flaggedRows: final.totals.flaggedRows,
        errorCount: final.totals.errors,
        queryCount: final.totals.queries,
        summary: {
          format: result.format,
          layout: result.layout,
          referenceDate,
          lists: final.lists,
          ignoredSheets: result.ignoredSheets,
          totals: final.totals,
          issuesByRule: byRule(final.issues),
          issuesStored: Math.min(final.issues.length, MAX_STORED_ISSUES),
          issuesTotal: final.issues.length,
          ...(coverage ? { coverage } : {}),
        },
        issues: final.issues.slice(0, MAX_STORED_ISSUES),
      });
      await writeAudit(trx, ctx.actor, {
        action: 'annex_a.imported',
        entityType: 'annex_a_import',
        entityId: importId,
        activityId: activity.id,
        laId: activity.laId,
        before: previous
          ? {
              importId: previous.id,
              fileName: previous.fileName,
              sha256: previous.fileSha256,
              rows: previous.rowCount,
              rowsRemoved: removedRows - (otherLists?.action === 'kept' ? otherLists.rows : 0),
              ...(otherLists ? { otherLists } : {}),
            }
          : null,
        after: {
          importId,
          fileName: input.fileName,
          sha256,
          rows: result.totals.rows,
          rowsPerList: Object.fromEntries(result.lists.map((l) => [l.list, l.rows])),
          errors: result.totals.errors,
          queries: result.totals.queries,
          acceptedFlagged,
        },
        reason: previous
          ? otherLists?.action === 'kept'
            ? `A newer Annex A file replaced the lists it contains; lists ${otherLists.lists.map((l) => l.list).join(', ')} were kept from the previous file.`
            : otherLists?.action === 'removed'
              ? `A newer Annex A file replaced the previous one; lists ${otherLists.lists.map((l) => l.list).join(', ')} (${otherLists.rows} rows), not in the new file, were removed as asked.`
              : 'A newer Annex A file replaced the previous one.'
          : null,
      });
    });
  } catch (err) {
    if (err instanceof RefusedImport && parsed) {
      onProgress?.({ phase: 'done', fraction: 1, rows: (parsed as ParseResult).totals.rows });
      return outcomeOf(
        parsed,
        'rejected',
        { importId: null, replacedImportId: null },
        { fileName: input.fileName, sha256, referenceDate },
        otherLists,
        null,
      );
    }
    if (err instanceof CsvQuoteError)
      throw new AppError('IMPORT_INVALID', {
        message: 'The CSV file has a quote that does not balance; nothing was imported.',
        details: [
          {
            file: csvFileName(input.fileName, err.sheet),
            row: err.row,
            ...(err.column ? { field: `column ${err.column}` } : {}),
            reason: err.message,
          },
        ],
        cause: err,
      });
    if (
      err instanceof UnsafeArchiveError ||
      err instanceof UnsafeXmlError ||
      err instanceof SpreadsheetError
    )
      throw new AppError('IMPORT_INVALID', {
        message: 'The file could not be read as an Annex A workbook.',
        details: [{ file: input.fileName, reason: err.message }],
        cause: err,
      });
    throw err;
  }
  const done = parsed as unknown as ParseResult;
  // Committed: give the planner statistics of the rows just written (issue 19).
  await refreshStatistics(ctx.db, ANNEX_A_TABLES);
  onProgress?.({ phase: 'done', fraction: 1, rows: done.totals.rows });
  return outcomeOf(
    done,
    replaced ? 'replaced' : 'imported',
    { importId, replacedImportId: replaced },
    { fileName: input.fileName, sha256, referenceDate },
    otherLists,
    coverage,
  );
}

/** Thrown inside the transaction to roll it back when errors were found and not accepted. */
class RefusedImport extends Error {}
