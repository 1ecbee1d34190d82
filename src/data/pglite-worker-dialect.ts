// A Kysely dialect whose single connection lives in a worker thread (see pglite-worker.ts).
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type {
  EngineMemory,
  SerializedDbError,
  WorkerRequest,
  WorkerResponse,
} from './pglite-worker.js';

type Pending = { resolve: (r: WorkerResponse & { ok: true }) => void; reject: (e: Error) => void };

/** An error raised by the embedded engine, carrying PostgreSQL's SQLSTATE like node-postgres. */
export class EmbeddedDbError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  constructor(e: SerializedDbError) {
    super(e.message);
    this.name = 'EmbeddedDbError';
    Object.assign(this, e);
  }
}

function workerScript(): URL {
  const sibling = new URL('./pglite-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  // Running from TypeScript sources (vitest): use the compiled worker.
  const built = new URL('../../dist/src/data/pglite-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('The embedded database worker is not built: run `npm run build` first.');
}

/**
 * The database thread's young generation (V8's nursery), in MB. Rows pass through it on their way
 * to the main thread; left at V8's default it grew to some 20 MiB more than this gives and stayed
 * there (issue 19: server memory). Only the nursery is limited, not the old generation, so a
 * large result cannot make the thread run out of memory: it is collected more often instead.
 */
export const DB_THREAD_YOUNG_GENERATION_MB = 8;

export class PgliteWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  readonly ready: Promise<void>;

  constructor(dataDir: string | null, restoreFrom?: Uint8Array) {
    // Creating a data folder (initdb) or restoring one leaves some 450 MiB of WebAssembly memory
    // in the thread that did it, for as long as that thread lives. So a new folder is made in a
    // throwaway thread, and the database then runs in a fresh one (measured in BENCHMARKS.md).
    const fresh = dataDir !== null && !existsSync(path.join(dataDir, 'PG_VERSION'));
    const prepared =
      fresh || (dataDir !== null && restoreFrom)
        ? prepareDataDir(dataDir, restoreFrom)
        : Promise.resolve();
    const start = dataDir !== null ? { dataDir } : { dataDir, restoreFrom };
    this.ready = prepared.then(
      () =>
        new Promise<void>((resolve, reject) => {
          this.pending.set(0, { resolve: () => resolve(), reject });
          this.worker = this.spawn(start);
        }),
    );
  }

  private spawn(data: { dataDir: string | null; restoreFrom?: Uint8Array }): Worker {
    const worker = new Worker(workerScript(), {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: DB_THREAD_YOUNG_GENERATION_MB },
    });
    worker.on('message', (res: WorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve(res);
      else p.reject(new EmbeddedDbError(res.error));
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', (code) => {
      if (this.pending.size > 0) this.failAll(new Error(`database worker exited (${code})`));
    });
    return worker;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  request(
    req: Omit<WorkerRequest, 'id'> & { op: WorkerRequest['op'] },
  ): Promise<WorkerResponse & { ok: true }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.worker) return reject(new Error('the embedded database is not open yet'));
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  async query(
    sql: string,
    params: readonly unknown[],
    opts: { begin?: boolean; before?: CompiledQuery[] } = {},
  ): Promise<QueryResult<unknown>> {
    const res = await this.request({
      op: 'query',
      sql,
      params: [...params],
      ...(opts.begin ? { begin: true } : {}),
      ...(opts.before?.length
        ? { before: opts.before.map((q) => ({ sql: q.sql, params: [...q.parameters] })) }
        : {}),
    } as never);
    return {
      rows: res.rows,
      ...(res.affectedRows !== undefined ? { numAffectedRows: BigInt(res.affectedRows) } : {}),
    };
  }

  async dump(): Promise<Uint8Array> {
    const res = await this.request({ op: 'dump' } as never);
    if (!res.dump) throw new Error('database dump returned nothing');
    return res.dump;
  }

  /** The database thread's memory (WebAssembly and JavaScript heap). */
  async memory(): Promise<EngineMemory> {
    const res = await this.request({ op: 'memory' } as never);
    if (!res.memory) throw new Error('database memory report returned nothing');
    return res.memory;
  }

  async close(): Promise<void> {
    await this.request({ op: 'close' } as never).catch(() => undefined);
    await this.worker?.terminate();
  }
}

/** Creates (or restores) a data folder in a thread that ends afterwards, freeing its memory. */
function prepareDataDir(dataDir: string, restoreFrom?: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      workerData: { dataDir, restoreFrom, initOnly: true },
    });
    let ok = false;
    worker.once('message', (res: WorkerResponse) => {
      ok = res.ok;
      if (!res.ok) reject(new EmbeddedDbError(res.error));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (ok) resolve();
      else reject(new Error(`database initialisation exited (${code})`));
    });
  });
}

/**
 * Marks a write inside a transaction whose answer nobody waits for (an audit event): on the
 * embedded database it is held back and sent with the transaction's next statement, or its
 * COMMIT, in the same round trip (issue 19: each round trip to the database thread is a thread
 * hand-over, which a loaded machine makes slow). If it fails, that next statement fails with its
 * error and the transaction rolls back. On PostgreSQL it is only a comment.
 */
export const DEFERRABLE_WRITE = '/* deferrable write */ ';

class WorkerConnection implements DatabaseConnection {
  /**
   * A transaction was begun but not yet sent: BEGIN travels with the transaction's first
   * statement, one round trip to the worker instead of two (issue 19: coding a span is about ten
   * statements, and each round trip counts).
   */
  beginPending = false;
  inTransaction = false;
  /** Deferrable writes not yet sent (see DEFERRABLE_WRITE). */
  deferred: CompiledQuery[] = [];
  constructor(private client: PgliteWorkerClient) {}
  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction && compiled.sql.startsWith(DEFERRABLE_WRITE)) {
      this.deferred.push(compiled);
      return Promise.resolve({ rows: [] });
    }
    const begin = this.beginPending;
    this.beginPending = false;
    const before = this.deferred;
    this.deferred = [];
    return this.client.query(compiled.sql, compiled.parameters, { begin, before }) as Promise<
      QueryResult<R>
    >;
  }
  /** The transaction is over: nothing held back may leak into the next one. */
  endTransaction(): void {
    this.inTransaction = false;
    this.beginPending = false;
    this.deferred = [];
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on the embedded database');
  }
}

/** One connection, handed out to one caller at a time (transactions need exclusivity). */
class WorkerDriver implements Driver {
  private connection: WorkerConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;

  constructor(private client: PgliteWorkerClient) {
    this.connection = new WorkerConnection(client);
  }
  async init(): Promise<void> {
    await this.client.ready;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let unlock!: () => void;
    this.queue = new Promise((resolve) => (unlock = resolve));
    await previous;
    this.release = unlock;
    return this.connection;
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    const c = conn as WorkerConnection;
    c.beginPending = true;
    c.inTransaction = true;
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    const c = conn as WorkerConnection;
    try {
      // A transaction that sent nothing has nothing to commit; writes held back go with COMMIT.
      if (!c.beginPending || c.deferred.length > 0)
        await conn.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      c.endTransaction();
    }
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    const c = conn as WorkerConnection;
    const sent = !c.beginPending;
    c.endTransaction();
    if (sent) await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const unlock = this.release;
    this.release = null;
    unlock?.();
  }
  async destroy(): Promise<void> {
    await this.client.close();
  }
}

export class PgliteWorkerDialect implements Dialect {
  constructor(private client: PgliteWorkerClient) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new WorkerDriver(this.client);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
