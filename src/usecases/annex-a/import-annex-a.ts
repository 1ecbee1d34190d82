// Imports an activity's Annex A file: reads and validates every row, then (when there are no
// errors, or the user accepts the flagged rows) stores the pseudonymised, normalised rows in one
// transaction, replacing the previous file's rows and recording the change in the audit log.
// The same file again is a no-op (sha256). Errors never drop rows silently: without
// acceptFlagged an import with errors stores nothing and returns the report to act on. Rows are
// stored while the file is read, in the same transaction, which is rolled back on refusal
// (store-annex-a-import.ts).
import { ANNEX_A_TABLES, refreshStatistics } from '../../data/repositories/statistics.js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  findAnnexASettings,
  findCurrentAnnexAImport,
  type AnnexAImport,
} from '../../data/repositories/annex-a.js';
import type { NewAnnexARow } from '../../data/repositories/annex-a-rows.js';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { findProfileSettings } from '../../data/repositories/annex-a-profile.js';
import { findLocalAuthority } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import type { ParsedRow, ParseResult } from '../../domain/annex-a/parse.js';
import { newPseudonymKey, pseudonymiser } from '../../domain/annex-a/pseudonymise.js';
import { loadBenchmarks, populationOf } from '../../domain/annex-a-profile/benchmarks.js';
import type { Coverage } from '../../domain/annex-a-profile/coverage.js';
import { CsvQuoteError, SpreadsheetError } from '../../domain/files/spreadsheet.js';
import { UnsafeXmlError } from '../../domain/files/xml.js';
import { UnsafeArchiveError } from '../../domain/files/zip.js';
import { AppError } from '../../errors.js';
import { sha256Hex } from '../../domain/files/digest.js';
import type { UseCaseContext } from '../context.js';
import { addDays, todayInEngland } from '../../clock.js';
import { outcomeOf, type ImportAnnexAOutcome, type ListCount } from './import-outcome.js';
import {
  readInWorker,
  RefusedImport,
  storeImport,
  type ImportJob,
  type ImportProgress,
} from './store-annex-a-import.js';
import { stageAndSwapImport } from './stage-annex-a-import.js';

export type { ImportAnnexAOutcome, ListCount, OtherLists } from './import-outcome.js';
export { MAX_STORED_ISSUES, type ImportProgress } from './store-annex-a-import.js';

export const MAX_ANNEX_A_BYTES = 200 * 1024 * 1024;

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
  /**
   * Write the rows, while the file is read, in short transactions into a staged import that one
   * last short transaction makes current (stage-annex-a-import.ts): for the embedded
   * database, whose one connection would otherwise be held by the import for its whole length.
   */
  staged?: boolean;
}

/** The activity, once the actor may import its Annex A and the file is neither empty nor too big. */
export async function checkAnnexAImport(
  ctx: UseCaseContext,
  input: Pick<z.output<typeof ImportAnnexAInput>, 'activityId' | 'fileName' | 'bytes'>,
): Promise<Activity> {
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
  return activity;
}

export async function importAnnexA(
  ctx: UseCaseContext,
  raw: ImportAnnexAInput,
  onProgress?: (p: ImportProgress) => void,
  options: ImportAnnexAOptions = {},
): Promise<ImportAnnexAOutcome> {
  const input = ImportAnnexAInput.parse(raw);
  const activity = await checkAnnexAImport(ctx, input);

  const sha256 = await sha256Hex(input.bytes);
  const current = await findCurrentAnnexAImport(ctx.db, activity.id);
  const same = current ? unchangedOutcome(current, sha256, input.removeMissingLists) : null;
  if (current && same) {
    onProgress?.({ phase: 'done', fraction: 1, rows: current.rowCount });
    return same;
  }

  const job = await prepareJob(ctx, activity, input, sha256, onProgress);
  const meta = { fileName: input.fileName, sha256, referenceDate: job.referenceDate };
  try {
    if (options.staged) await stageAndSwapImport(ctx.db, job);
    else {
      job.readFirst = options.readFirst ? await readInWorker(job, 0.6) : null;
      await ctx.db.transaction().execute((trx) => storeImport(trx, job));
    }
  } catch (err) {
    if (err instanceof RefusedImport && job.parsed) {
      onProgress?.({ phase: 'done', fraction: 1, rows: job.parsed.totals.rows });
      const ids = { importId: null, replacedImportId: null };
      return outcomeOf(job.parsed, 'rejected', ids, meta, job.otherLists, null);
    }
    throw readProblem(err, input.fileName);
  }
  const done = job.parsed as unknown as ParseResult;
  // Committed: give the planner statistics of the rows just written (issue 19).
  await refreshStatistics(ctx.db, ANNEX_A_TABLES);
  onProgress?.({ phase: 'done', fraction: 1, rows: done.totals.rows });
  const ids = { importId: job.importId, replacedImportId: job.replaced };
  const status = job.replaced ? 'replaced' : 'imported';
  return outcomeOf(done, status, ids, meta, job.otherLists, job.coverage);
}

/** The key, dates and population of an import, and how its rows are pseudonymised. */
async function prepareJob(
  ctx: UseCaseContext,
  activity: Activity,
  input: z.output<typeof ImportAnnexAInput>,
  sha256: string,
  onProgress: ((p: ImportProgress) => void) | undefined,
): Promise<ImportJob> {
  const today = todayInEngland();
  const settings = await findAnnexASettings(ctx.db, activity.id);
  const key = settings?.pseudonymKey ?? newPseudonymKey();
  const pseudonym = pseudonymiser(key);
  const toStored = (r: ParsedRow): NewAnnexARow => {
    const data: Record<string, unknown> = r.data;
    if (typeof data.familyRef === 'string') data.familyRef = pseudonym('family', data.familyRef);
    let childRef: string | null = null;
    if (r.list === 11) {
      if (r.childId) data.adopterRef = pseudonym('adopter', r.childId);
    } else if (r.childId) childRef = pseudonym('child', r.childId);
    return { list: r.list, row: r.row, childRef, data, extra: r.extra, flags: r.flags };
  };
  return {
    actor: ctx.actor,
    activity,
    importId: randomUUID(),
    fileName: input.fileName,
    bytes: input.bytes,
    sha256,
    acceptFlagged: input.acceptFlagged,
    removeMissingLists: input.removeMissingLists,
    key,
    referenceDate: annexAReferenceDate(activity, today),
    retainUntil: defaultRetainUntil(activity, today),
    population: await populationFor(ctx, activity),
    toStored,
    onProgress,
    readFirst: null,
    parsed: null,
    replaced: null,
    otherLists: null,
    coverage: null,
  };
}

/** The same file as the current import's (and nothing to remove): what that import said. */
function unchangedOutcome(
  current: AnnexAImport,
  sha256: string,
  removeMissingLists: boolean,
): ImportAnnexAOutcome | null {
  const s = current.summary as {
    lists?: (ListCount & { keptFrom?: string })[];
    ignoredSheets?: string[];
    issuesByRule?: ImportAnnexAOutcome['issuesByRule'];
    coverage?: Coverage;
  };
  const carried = (s.lists ?? []).filter((l) => l.keptFrom);
  if (current.fileSha256 !== sha256 || (removeMissingLists && carried.length > 0)) return null;
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

/** A file that cannot be read as a workbook: the reader's error as the caller's. */
function readProblem(err: unknown, fileName: string): unknown {
  if (err instanceof CsvQuoteError)
    return new AppError('IMPORT_INVALID', {
      message: 'The CSV file has a quote that does not balance; nothing was imported.',
      details: [
        {
          file: csvFileName(fileName, err.sheet),
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
    return new AppError('IMPORT_INVALID', {
      message: 'The file could not be read as an Annex A workbook.',
      details: [{ file: fileName, reason: err.message }],
      cause: err,
    });
  return err;
}
