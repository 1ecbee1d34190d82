// Hosts the embedded PGlite database on its own thread so that a long query never blocks the
// HTTP event loop. The main thread talks to it through PgliteWorkerDialect.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { makeOwnerOnly, privateDurableOptions, syncTree } from './pglite-private-fs.js';
import { pgliteParsers } from './type-parsers.js';

export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      sql: string;
      params: unknown[];
      /** Begin a transaction first (saves the round trip of a lone BEGIN). */
      begin?: boolean;
      /**
       * Writes whose answers nobody waits for (an audit event), run first in order: the first
       * that fails answers for the whole request and the statement is not run.
       */
      before?: Array<{ sql: string; params: unknown[] }>;
    }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'dump' }
  /** The thread's memory: the engine's WebAssembly memory and this thread's JavaScript heap. */
  | { id: number; op: 'memory' }
  | { id: number; op: 'close' };

export type WorkerResponse =
  | {
      id: number;
      ok: true;
      rows: unknown[];
      affectedRows: number | undefined;
      dump?: Uint8Array;
      memory?: EngineMemory;
    }
  | { id: number; ok: false; error: SerializedDbError };

/** Bytes held by the database thread (issue 19: where the server's memory goes). */
export interface EngineMemory {
  /** The engine's WebAssembly memory: grows to the most ever used and never shrinks. */
  wasm: number;
  /** The thread's V8 heap (allocated, and in use). */
  heapTotal: number;
  heapUsed: number;
  /** Buffers outside the heap (ArrayBuffers) as V8 counts them for this thread. */
  external: number;
}

export interface SerializedDbError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const port = parentPort;
if (!port) throw new Error('pglite-worker must run inside a worker thread');
const { dataDir, restoreFrom, initOnly } = workerData as {
  dataDir: string | null;
  restoreFrom?: Uint8Array;
  /** Create the data folder (initdb) and stop: see PgliteWorkerClient. */
  initOnly?: boolean;
};

const db = await PGlite.create({
  // On disk: owner-only files and commits flushed to disk (pglite-private-fs.ts).
  // Creating a folder (initdb, restore) runs without per-write fsync, which would make it many
  // times slower; the whole folder is flushed once at the end instead (syncTree).
  ...(dataDir ? privateDurableOptions(dataDir, { durable: !initOnly }) : {}),
  ...(restoreFrom ? { loadDataDir: new Blob([new Uint8Array(restoreFrom)]) } : {}),
  parsers: pgliteParsers,
});
if (dataDir) makeOwnerOnly(dataDir);
if (initOnly) {
  await db.close();
  if (dataDir) syncTree(dataDir);
  port.postMessage({ id: 0, ok: true, rows: [], affectedRows: undefined } satisfies WorkerResponse);
  port.close();
}

function serializeError(err: unknown): SerializedDbError {
  const e = err as Record<string, unknown>;
  const out: SerializedDbError = { message: err instanceof Error ? err.message : String(err) };
  for (const key of ['code', 'detail', 'constraint', 'table', 'column'] as const) {
    if (typeof e[key] === 'string') out[key] = e[key];
  }
  return out;
}

// Requests are handled strictly one at a time: PGlite has a single backend.
let chain: Promise<void> = Promise.resolve();
port.on('message', (req: WorkerRequest) => {
  chain = chain.then(() => handle(req));
});

async function handle(req: WorkerRequest): Promise<void> {
  try {
    if (req.op === 'query') {
      if (req.begin) await db.exec('begin');
      for (const b of req.before ?? []) await run(b.sql, b.params);
      const result = await run(req.sql, req.params);
      reply({ id: req.id, ok: true, rows: result?.rows ?? [], affectedRows: result?.affectedRows });
    } else if (req.op === 'exec') {
      await db.exec(req.sql);
      reply({ id: req.id, ok: true, rows: [], affectedRows: undefined });
    } else if (req.op === 'dump') {
      const blob = await db.dumpDataDir('gzip');
      const dump = new Uint8Array(await blob.arrayBuffer());
      reply({ id: req.id, ok: true, rows: [], affectedRows: undefined, dump });
    } else if (req.op === 'memory') {
      const m = process.memoryUsage();
      const memory: EngineMemory = {
        wasm: db.Module.HEAPU8.byteLength,
        heapTotal: m.heapTotal,
        heapUsed: m.heapUsed,
        external: m.external,
      };
      reply({ id: req.id, ok: true, rows: [], affectedRows: undefined, memory });
    } else {
      await db.close();
      reply({ id: req.id, ok: true, rows: [], affectedRows: undefined });
      port?.close();
    }
  } catch (err) {
    reply({ id: req.id, ok: false, error: serializeError(err) });
  }
}

// Like node-postgres, a query without parameters uses the simple protocol, which allows several
// statements (migrations rely on this).
async function run(sql: string, params: unknown[]) {
  return params.length === 0 ? (await db.exec(sql)).at(-1) : db.query(sql, params);
}

function reply(res: WorkerResponse): void {
  port?.postMessage(res);
}

if (!initOnly)
  port.postMessage({ id: 0, ok: true, rows: [], affectedRows: undefined } satisfies WorkerResponse);
