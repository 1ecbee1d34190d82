// The transaction of an Annex A import: open the new import (superseding the current one), read
// the file while its rows are stored (or store rows read first), keep or remove the lists the
// previous file held and this one does not, then complete the import and audit it. Throws
// RefusedImport to roll everything back when errors were found and not accepted.
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import {
  annexAImportIssues,
  completeAnnexAImport,
  ensureAnnexASettings,
  findCurrentAnnexAImport,
  insertAnnexAImport,
  linkSupersededAnnexAImport,
  markAnnexAImportSuperseded,
  type AnnexAImport,
} from '../../data/repositories/annex-a.js';
import {
  carryOverAnnexARows,
  countAnnexARowsOfImport,
  deleteAnnexAImportRows,
  insertAnnexARows,
  type NewAnnexARow,
} from '../../data/repositories/annex-a-rows.js';
import type { Activity } from '../../data/repositories/activities.js';
import type { DB } from '../../data/schema.js';
import { actorLabel, actorUserId, type Actor } from '../../domain/access/actor.js';
import type {
  AnnexAIssue,
  ListSummary,
  ParsedRow,
  ParseResult,
} from '../../domain/annex-a/parse.js';
import { loadBenchmarks } from '../../domain/annex-a-profile/benchmarks.js';
import { annexACoverage, type Coverage } from '../../domain/annex-a-profile/coverage.js';
import { AppError } from '../../errors.js';
import { parseAnnexAInWorker } from '../../workers/parse-annex-a.js';
import { byRule, withKeptLists, type OtherLists } from './import-outcome.js';

/** How many issues an import keeps in full (the counts by rule are always complete). */
export const MAX_STORED_ISSUES = 5000;

export interface ImportProgress {
  phase: 'reading' | 'saving' | 'done';
  /** 0..1 within the whole import. */
  fraction: number;
  rows: number;
}

/** Thrown inside the transaction to roll it back when errors were found and not accepted. */
export class RefusedImport extends Error {}

/** One import: what it reads and where it goes, and (filled in as it runs) what it found. */
export interface ImportJob {
  actor: Actor;
  activity: Activity;
  importId: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  acceptFlagged: boolean;
  removeMissingLists: boolean;
  key: string;
  referenceDate: string;
  retainUntil: string;
  population: { laCode: string | null; value: number | null };
  toStored: (r: ParsedRow) => NewAnnexARow;
  onProgress: ((p: ImportProgress) => void) | undefined;
  /** The file, read and checked before the transaction (ImportAnnexAOptions.readFirst). */
  readFirst: ParseResult | null;
  parsed: ParseResult | null;
  replaced: string | null;
  otherLists: OtherLists | null;
  coverage: Coverage | null;
}

/** Reads the file in a worker; progress counts reading as `share` of the whole import. */
export function readInWorker(
  job: Pick<ImportJob, 'bytes' | 'fileName' | 'referenceDate' | 'key' | 'onProgress'>,
  share: number,
  onRows?: (rows: ParsedRow[]) => Promise<void>,
): Promise<ParseResult> {
  return parseAnnexAInWorker(job.bytes, job.fileName, {
    referenceDate: job.referenceDate,
    pseudonymKey: job.key,
    onProgress: (fraction, rows) =>
      job.onProgress?.({ phase: 'reading', fraction: fraction < 0 ? -1 : fraction * share, rows }),
    ...(onRows ? { onRows } : {}),
  });
}

export async function storeImport(trx: Transaction<DB>, job: ImportJob): Promise<void> {
  const previous = await openImport(trx, job);
  const result = await readAndStoreRows(trx, job);
  job.parsed = result;
  if (result.lists.length === 0)
    throw new AppError('IMPORT_INVALID', {
      message: 'No Annex A list was found in the file.',
      details: [
        {
          file: job.fileName,
          reason: `No sheet looks like an Annex A list (List 1 to List 11)${
            result.ignoredSheets.length ? `; sheets seen: ${result.ignoredSheets.join(', ')}` : ''
          }.`,
        },
      ],
    });
  const previousLists = await listsOnlyIn(trx, previous, result);
  job.otherLists =
    previous && previousLists.length
      ? {
          action: job.removeMissingLists ? 'removed' : 'kept',
          fromFile: previous.fileName,
          lists: previousLists.map((l) => ({ list: l.list, title: l.title, rows: l.rows })),
          rows: previousLists.reduce((n, l) => n + l.rows, 0),
        }
      : null;
  if (result.totals.errors > 0 && !job.acceptFlagged) throw new RefusedImport();
  const kept = job.otherLists?.action === 'kept' ? previousLists : [];
  let removedRows = 0;
  if (previous) {
    await carryOverAnnexARows(
      trx,
      previous.id,
      job.importId,
      kept.map((l) => l.list),
    );
    removedRows = await deleteAnnexAImportRows(trx, previous.id);
  }
  await completeImport(trx, job, result, previous, kept);
  await auditImport(trx, job, result, previous, removedRows);
}

/** The settings (pseudonym key, retention) and a new import superseding the current one. */
async function openImport(trx: Transaction<DB>, job: ImportJob): Promise<AnnexAImport | null> {
  const { activity } = job;
  const s = await ensureAnnexASettings(trx, activity.id, {
    pseudonymKey: job.key,
    retainUntil: job.retainUntil,
  });
  if (s.pseudonymKey !== job.key)
    throw new AppError('CONFLICT', {
      message: 'Someone else imported Annex A for this activity at the same time. Try again.',
    });
  const previous = await findCurrentAnnexAImport(trx, activity.id);
  if (previous) {
    await markAnnexAImportSuperseded(trx, previous.id);
    job.replaced = previous.id;
  }
  await insertAnnexAImport(trx, {
    id: job.importId,
    activityId: activity.id,
    fileName: job.fileName,
    fileSha256: job.sha256,
    fileSize: job.bytes.length,
    format: 'xlsx',
    layout: '2019',
    referenceDate: job.referenceDate,
    acceptedFlagged: false,
    rowCount: 0,
    flaggedRows: 0,
    errorCount: 0,
    queryCount: 0,
    summary: {},
    issues: [],
    importedBy: actorUserId(job.actor),
    importedByLabel: actorLabel(job.actor),
  });
  if (previous) await linkSupersededAnnexAImport(trx, previous.id, job.importId);
  return previous;
}

/**
 * Rows are inserted while the file is still being read (the embedded database works in its own
 * thread); with readFirst, the rows read before are inserted unless the file will be refused.
 */
async function readAndStoreRows(trx: Transaction<DB>, job: ImportJob): Promise<ParseResult> {
  const { activity, importId, onProgress, readFirst } = job;
  let pending: Promise<void> | null = null;
  let stored = 0;
  const refused = (r: ParseResult): boolean =>
    r.lists.length === 0 || (r.totals.errors > 0 && !job.acceptFlagged);
  if (readFirst && !refused(readFirst)) {
    const all = readFirst.rows.map(job.toStored);
    await insertAnnexARows(trx, importId, activity.id, all, (done) =>
      onProgress?.({ phase: 'saving', fraction: 0.6 + (0.4 * done) / all.length, rows: done }),
    );
    stored = all.length;
  }
  const result =
    readFirst ??
    (await readInWorker(job, 0.9, async (batch) => {
      if (pending) await pending;
      const p = insertAnnexARows(trx, importId, activity.id, batch.map(job.toStored)).then(() => {
        stored += batch.length;
      });
      p.catch(() => undefined); // surfaced by the next await
      pending = p;
    }));
  if (pending) await pending;
  onProgress?.({ phase: 'saving', fraction: 0.95, rows: stored });
  return result;
}

/**
 * Lists the previous file held and this one does not (or holds without a row), with their row
 * counts: kept unless asked to remove them, so that a one-list CSV or a header-only file never
 * empties the rest.
 */
export async function listsOnlyIn(
  trx: Kysely<DB> | Transaction<DB>,
  previous: AnnexAImport | null,
  result: ParseResult,
): Promise<ListSummary[]> {
  const previousCounts = previous ? await countAnnexARowsOfImport(trx, previous.id) : {};
  const inFile = new Set(result.lists.filter((l) => l.rows > 0).map((l) => l.list));
  const previousLists = ((previous?.summary.lists ?? []) as ListSummary[]).filter(
    (l) => !inFile.has(l.list) && (previousCounts[l.list] ?? 0) > 0,
  );
  for (const l of previousLists) l.rows = previousCounts[l.list] ?? l.rows;
  return previousLists;
}

export async function completeImport(
  trx: Transaction<DB>,
  job: ImportJob,
  result: ParseResult,
  previous: AnnexAImport | null,
  kept: ListSummary[],
): Promise<void> {
  const acceptedFlagged = job.acceptFlagged && result.totals.errors > 0;
  const final = withKeptLists(
    result,
    kept,
    previous,
    previous && kept.length ? ((await annexAImportIssues(trx, previous.id)) as AnnexAIssue[]) : [],
  );
  const coverage = annexACoverage(
    loadBenchmarks(),
    job.population.laCode,
    job.population.value,
    Object.fromEntries(final.lists.map((l) => [l.list, l.rows])),
  );
  job.coverage = coverage;
  await completeAnnexAImport(trx, job.importId, {
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
      referenceDate: job.referenceDate,
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
}

export async function auditImport(
  trx: Transaction<DB>,
  job: ImportJob,
  result: ParseResult,
  previous: AnnexAImport | null,
  removedRows: number,
): Promise<void> {
  const { activity, otherLists } = job;
  await writeAudit(trx, job.actor, {
    action: 'annex_a.imported',
    entityType: 'annex_a_import',
    entityId: job.importId,
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
      importId: job.importId,
      fileName: job.fileName,
      sha256: job.sha256,
      rows: result.totals.rows,
      rowsPerList: Object.fromEntries(result.lists.map((l) => [l.list, l.rows])),
      errors: result.totals.errors,
      queries: result.totals.queries,
      acceptedFlagged: job.acceptFlagged && result.totals.errors > 0,
    },
    reason: previous ? replacementReason(otherLists) : null,
  });
}

function replacementReason(otherLists: OtherLists | null): string {
  return otherLists?.action === 'kept'
    ? `A newer Annex A file replaced the lists it contains; lists ${otherLists.lists.map((l) => l.list).join(', ')} were kept from the previous file.`
    : otherLists?.action === 'removed'
      ? `A newer Annex A file replaced the previous one; lists ${otherLists.lists.map((l) => l.list).join(', ')} (${otherLists.rows} rows), not in the new file, were removed as asked.`
      : 'A newer Annex A file replaced the previous one.';
}
