// A Kysely dialect whose single connection lives in a worker thread (see pglite-worker.ts).
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
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
import type { SerializedDbError, WorkerRequest, WorkerResponse } from './pglite-worker.js';

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

export class PgliteWorkerClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  readonly ready: Promise<void>;

  constructor(dataDir: string | null, restoreFrom?: Uint8Array) {
    this.worker = new Worker(workerScript(), { workerData: { dataDir, restoreFrom } });
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve: () => resolve(), reject });
    });
    this.worker.on('message', (res: WorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve(res);
      else p.reject(new EmbeddedDbError(res.error));
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', (code) => {
      if (this.pending.size > 0) this.failAll(new Error(`database worker exited (${code})`));
    });
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
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  async query(sql: string, params: readonly unknown[]): Promise<QueryResult<unknown>> {
    const res = await this.request({ op: 'query', sql, params: [...params] } as never);
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

  async close(): Promise<void> {
    await this.request({ op: 'close' } as never).catch(() => undefined);
    await this.worker.terminate();
  }
}

class WorkerConnection implements DatabaseConnection {
  constructor(private client: PgliteWorkerClient) {}
  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.client.query(compiled.sql, compiled.parameters) as Promise<QueryResult<R>>;
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
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
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
