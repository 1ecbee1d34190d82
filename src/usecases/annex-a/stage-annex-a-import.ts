// An Annex A import on the embedded database, whose one connection serves every request: while
// the file is read (in a worker), its rows are written in many short transactions into an import
// in the 'staging' state that nothing reads, the lists kept from the previous file are copied in
// the same way, and then one short transaction makes it current, supersedes the previous import,
// fills in the report and writes the audit event. Other requests run between the batches, and
// nothing is half imported: until that last transaction the activity's Annex A is the old one.
// The previous import's rows are deleted afterwards, in batches. A staged import that is refused,
// fails, or whose server stopped is deleted (the next import of the activity removes stale ones).
import type { Kysely } from 'kysely';
import { nowMs } from '../../clock.js';
import {
  deleteStagedAnnexAImport,
  ensureAnnexASettings,
  findCurrentAnnexAImport,
  insertAnnexAImport,
  linkSupersededAnnexAImport,
  listStaleStagedAnnexAImports,
  makeStagedAnnexAImportCurrent,
  listAnnexAImports,
  markAnnexAImportSuperseded,
} from '../../data/repositories/annex-a.js';
import {
  carryOverAnnexARowsBatch,
  countAnnexARowsOfImport,
  deleteAnnexARowsBatch,
  insertAnnexARows,
} from '../../data/repositories/annex-a-rows.js';
import type { DB } from '../../data/schema.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import type { ListSummary, ParseResult } from '../../domain/annex-a/parse.js';
import { AppError } from '../../errors.js';
import {
  auditImport,
  completeImport,
  listsOnlyIn,
  readInWorker,
  RefusedImport,
  type ImportJob,
} from './store-annex-a-import.js';

/** Rows written per short transaction. */
const BATCH = 2000;
/** A staged import older than this was left by a server that stopped. */
const STALE_MS = 60 * 60 * 1000;

const conflict = (): AppError =>
  new AppError('CONFLICT', {
    message: 'Someone else imported Annex A for this activity at the same time. Try again.',
  });

/** Reads the file (in a worker) and imports it; throws RefusedImport like storeImport. */
export async function stageAndSwapImport(db: Kysely<DB>, job: ImportJob): Promise<void> {
  await removeStaleStaging(db, job.activity.id);
  await openStaged(db, job);
  try {
    const result = await readAndStage(db, job);
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
    const previous = await findCurrentAnnexAImport(db, job.activity.id);
    const previousLists = await listsOnlyIn(db, previous, result);
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
    if (previous) await carryOver(db, previous.id, job.importId, kept);
    const removedRows = previous
      ? Object.values(await countAnnexARowsOfImport(db, previous.id)).reduce((a, b) => a + b, 0)
      : 0;
    await db.transaction().execute(async (trx) => {
      const current = await findCurrentAnnexAImport(trx, job.activity.id);
      if ((current?.id ?? null) !== (previous?.id ?? null)) throw conflict();
      if (previous) {
        await markAnnexAImportSuperseded(trx, previous.id);
        job.replaced = previous.id;
      }
      if (!(await makeStagedAnnexAImportCurrent(trx, job.importId))) throw conflict();
      if (previous) await linkSupersededAnnexAImport(trx, previous.id, job.importId);
      await completeImport(trx, job, result, previous, kept);
      await auditImport(trx, job, result, previous, removedRows);
    });
    if (previous) await deleteRows(db, previous.id);
  } catch (err) {
    await dropStaged(db, job.importId).catch(() => undefined);
    throw err;
  }
}

/** Rows are staged while the file is read: each batch the worker hands over, one transaction. */
async function readAndStage(db: Kysely<DB>, job: ImportJob): Promise<ParseResult> {
  let stored = 0;
  const result = await readInWorker(job, 0.9, async (batch) => {
    const rows = batch.map(job.toStored);
    for (let i = 0; i < rows.length; i += BATCH) {
      const part = rows.slice(i, i + BATCH);
      await db
        .transaction()
        .execute((trx) => insertAnnexARows(trx, job.importId, job.activity.id, part));
    }
    stored += rows.length;
  });
  job.onProgress?.({ phase: 'saving', fraction: 0.95, rows: stored });
  return result;
}

/** The settings (pseudonym key, retention) and the staged import, in one short transaction. */
async function openStaged(db: Kysely<DB>, job: ImportJob): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const s = await ensureAnnexASettings(trx, job.activity.id, {
      pseudonymKey: job.key,
      retainUntil: job.retainUntil,
    });
    if (s.pseudonymKey !== job.key) throw conflict();
    await insertAnnexAImport(trx, {
      id: job.importId,
      activityId: job.activity.id,
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
      status: 'staging',
    });
  });
}

async function carryOver(
  db: Kysely<DB>,
  fromId: string,
  toId: string,
  kept: ListSummary[],
): Promise<void> {
  for (const l of kept) {
    let after: number | null = 0;
    while (after !== null)
      after = await carryOverAnnexARowsBatch(db, fromId, toId, l.list, after, BATCH);
  }
}

async function deleteRows(db: Kysely<DB>, importId: string): Promise<void> {
  while ((await deleteAnnexARowsBatch(db, importId, BATCH)) > 0);
}

async function dropStaged(db: Kysely<DB>, importId: string): Promise<void> {
  await deleteRows(db, importId);
  await deleteStagedAnnexAImport(db, importId);
}

/** Staged imports and superseded rows left behind by a server that stopped mid-import. */
async function removeStaleStaging(db: Kysely<DB>, activityId: string): Promise<void> {
  for (const id of await listStaleStagedAnnexAImports(db, activityId, new Date(nowMs() - STALE_MS)))
    await dropStaged(db, id);
  for (const i of await listAnnexAImports(db, activityId))
    if (i.status === 'superseded') await deleteRows(db, i.id);
}
