// Import a folder of published reports and letters into the corpus (issue 20). Every file's name
// must give its authority and date (domain/corpus/file-name.ts); each is read and checked by the
// language linter in worker threads, in batches; a file already stored (same SHA-256) is skipped,
// so importing the same folder again changes nothing. Any bad file fails the whole import, named
// with its reason, before anything is written. The documents are then written into a staged
// import in short transactions (the embedded database keeps answering others meanwhile) and one
// last transaction makes it current with its audit event; a failure removes the staged import.
import { writeAudit } from '../../data/audit-log.js';
import {
  createCorpusImport,
  deleteCorpusImport,
  deleteStaleCorpusImports,
  insertCorpusDocuments,
  makeCorpusImportCurrent,
  storedCorpusHashes,
  type CorpusDocumentInput,
} from '../../data/repositories/corpus.js';
import { listHistoryForLas } from '../../data/repositories/inspection-history.js';
import { loadLaRegister } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import type { CorpusSourceFile } from '../../domain/corpus/folder.js';
import { parseCorpusFileName, type CorpusFileName } from '../../domain/corpus/file-name.js';
import { linkToHistory } from '../../domain/corpus/link.js';
import type { CorpusReadResult } from '../../domain/corpus/read-document.js';
import { sha256Hex } from '../../domain/files/digest.js';
import { readCorpusBatchInWorker } from '../../workers/parse-files.js';
import { now } from '../../clock.js';
import { AppError } from '../../errors.js';
import { actorRef } from '../shared/actor-ref.js';
import type { UseCaseContext } from '../context.js';

export interface CorpusImportProgress {
  phase: 'reading' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface CorpusImportResult {
  importId: string | null;
  files: number;
  added: number;
  /** Files whose exact bytes were stored already, or are in the folder twice. */
  alreadyStored: number;
  reports: number;
  letters: number;
  /** Added documents matched to an event of the inspection history (framework and grade). */
  linkedToHistory: number;
  findings: number;
}

/** Reports per worker thread, and how many batches are read at once (the pool caps threads). */
const BATCH = 24;
const PARALLEL = 4;
/** Documents per write transaction. */
const WRITE_BATCH = 40;
const STALE_MS = 60 * 60 * 1000;

interface Named {
  file: CorpusSourceFile;
  name: CorpusFileName;
  laId: string;
}

type Problem = { field: string; reason: string };

async function nameFiles(ctx: UseCaseContext, files: readonly CorpusSourceFile[]) {
  const register = await loadLaRegister(ctx.db);
  const named: Named[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const parsed = parseCorpusFileName(file.fileName);
    if (!parsed.ok) {
      problems.push({ field: file.fileName, reason: parsed.reason });
      continue;
    }
    const { laKeys, date } = parsed.name;
    const la = laKeys
      .map((k) => (/^\d{4,}$/.test(k) ? register.byUrn(k, date) : register.byName(k, date)))
      .find((l) => l.ok);
    if (!la?.ok) {
      problems.push({
        field: file.fileName,
        reason: `no authority in the register matches "${laKeys.join('" or "')}" on ${date}`,
      });
      continue;
    }
    named.push({ file, name: parsed.name, laId: la.la.id });
  }
  return { named, problems };
}

async function readAll(
  todo: ReadonlyArray<Named & { bytes: Uint8Array }>,
  onRead: () => void,
): Promise<CorpusReadResult[]> {
  const batches: Array<typeof todo> = [];
  for (let i = 0; i < todo.length; i += BATCH) batches.push(todo.slice(i, i + BATCH));
  const results: CorpusReadResult[][] = new Array(batches.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const i = next++;
      const batch = batches[i] ?? [];
      results[i] = await readCorpusBatchInWorker(
        batch.map((b) => ({ bytes: b.bytes, fileName: b.file.fileName })),
        onRead,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, batches.length) }, lane));
  return results.flat();
}

export async function importCorpus(
  ctx: UseCaseContext,
  input: { source: string; files: readonly CorpusSourceFile[]; jobId?: string },
  onProgress: (p: CorpusImportProgress) => void = () => undefined,
): Promise<CorpusImportResult> {
  if (!policies.importCorpus(ctx.actor)) throw new AppError('FORBIDDEN');
  const { named, problems } = await nameFiles(ctx, input.files);
  if (problems.length > 0) throw invalid(problems);

  const withBytes = await Promise.all(
    named.map(async (n) => {
      const bytes = await n.file.read();
      return { ...n, bytes, hash: await sha256Hex(bytes) };
    }),
  );
  const stored = await storedCorpusHashes(
    ctx.db,
    withBytes.map((w) => w.hash),
  );
  const seen = new Set<string>();
  const todo = withBytes.filter((w) => {
    if (stored.has(w.hash) || seen.has(w.hash)) return false;
    seen.add(w.hash);
    return true;
  });
  const total = todo.length;
  let done = 0;
  onProgress({ phase: 'reading', done, total });
  const read = await readAll(todo, () => onProgress({ phase: 'reading', done: ++done, total }));
  const bad = read.flatMap((r) => (r.ok ? [] : [{ field: r.fileName, reason: r.reason }]));
  if (bad.length > 0) throw invalid(bad);

  const history = await listHistoryForLas(ctx.db, [...new Set(todo.map((t) => t.laId))]);
  let linked = 0;
  const docs: CorpusDocumentInput[] = todo.map((t, i) => {
    const r = read[i];
    if (!r?.ok) throw new Error('unreachable: a read failed without being reported');
    const link = linkToHistory(
      t.name.date,
      r.kind,
      history.filter((h) => h.laId === t.laId),
    );
    if (link.matched) linked++;
    return {
      fileHash: t.hash,
      fileName: t.file.fileName,
      title: t.name.title,
      laId: t.laId,
      publishedOn: t.name.date,
      kind: r.kind,
      frameworkId: link.frameworkId,
      grade: link.grade,
      words: r.words,
      body: r.text,
      findings: r.findings,
    };
  });
  const result: CorpusImportResult = {
    importId: null,
    files: input.files.length,
    added: docs.length,
    alreadyStored: input.files.length - docs.length,
    reports: docs.filter((d) => d.kind === 'report').length,
    letters: docs.filter((d) => d.kind === 'letter').length,
    linkedToHistory: linked,
    findings: docs.reduce((s, d) => s + d.findings.length, 0),
  };
  if (docs.length === 0) {
    onProgress({ phase: 'done', done: 0, total: 0 });
    return result;
  }
  result.importId = await writeDocuments(ctx, input, result, docs, onProgress);
  return result;
}

async function writeDocuments(
  ctx: UseCaseContext,
  { source, jobId }: { source: string; jobId?: string },
  result: CorpusImportResult,
  docs: readonly CorpusDocumentInput[],
  onProgress: (p: CorpusImportProgress) => void,
): Promise<string> {
  await deleteStaleCorpusImports(ctx.db, new Date(now().getTime() - STALE_MS));
  const importId = await createCorpusImport(ctx.db, {
    source,
    files: result.files,
    createdByLabel: actorRef(ctx.actor).label,
    jobId,
  });
  try {
    for (let i = 0; i < docs.length; i += WRITE_BATCH) {
      await ctx.db
        .transaction()
        .execute((trx) => insertCorpusDocuments(trx, importId, docs.slice(i, i + WRITE_BATCH)));
      onProgress({
        phase: 'writing',
        done: Math.min(i + WRITE_BATCH, docs.length),
        total: docs.length,
      });
    }
    await ctx.db.transaction().execute(async (trx) => {
      await makeCorpusImportCurrent(trx, importId, docs.length);
      await writeAudit(trx, ctx.actor, {
        action: 'corpus.imported',
        entityType: 'corpus_import',
        entityId: importId,
        after: { ...result, importId, source },
      });
    });
  } catch (err) {
    await deleteCorpusImport(ctx.db, importId);
    throw err;
  }
  onProgress({ phase: 'done', done: docs.length, total: docs.length });
  return importId;
}

function invalid(problems: Problem[]): AppError {
  const shown = problems.slice(0, 50);
  const more = problems.length - shown.length;
  return new AppError('IMPORT_INVALID', {
    message: `Nothing was imported: ${problems.length} file${problems.length === 1 ? '' : 's'} could not be imported${more > 0 ? ` (the first 50 are listed)` : ''}. First: ${shown[0]?.field}: ${shown[0]?.reason}.`,
    details: shown,
  });
}
