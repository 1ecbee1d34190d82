// Opens the database the configuration asks for: embedded PGlite in a data folder, or PostgreSQL.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../config.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { ensurePrivateDataDir } from './data-dir-permissions.js';
import { PgliteWorkerClient, PgliteWorkerDialect } from './pglite-worker-dialect.js';
import type { EngineMemory } from './pglite-worker.js';
import type { DB } from './schema.js';
import { pgTypeOverrides } from './type-parsers.js';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the data lives, for messages: a folder or a redacted URL. */
  location: string;
  /** A gzip tarball of the embedded data folder (embedded engine only). */
  dumpEmbedded?: () => Promise<Uint8Array>;
  /** The embedded engine's thread memory (embedded engine only; issue 19 diagnostics). */
  embeddedMemory?: () => Promise<EngineMemory>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Use an in-memory embedded database (tests). */
  inMemory?: boolean;
  /** Create the embedded database from a backup made by `db backup` (empty data folder only). */
  restoreFrom?: Uint8Array;
}

for (const [oid, parse] of pgTypeOverrides) pg.types.setTypeParser(oid, parse);

export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  options: OpenOptions = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      // While the server is down, fail fast (503) rather than hold requests open.
      connectionTimeoutMillis: 5000,
    });
    const warn = (err: Error): void => {
      process.emitWarning(`PostgreSQL connection closed: ${err.message}`, {
        code: 'TRIANGULATE_PG_CLOSED',
      });
    };
    // An idle connection the server closes (restart, admin command) must not crash the process:
    // the pool drops that client and opens a new one when needed.
    pool.on('error', warn);
    // The pool listens for errors only on idle clients. A connection that breaks while checked
    // out (mid-request, mid-transaction) would emit an unhandled 'error' and kill the process, so
    // every client gets its own listener; the query in flight rejects (answered 503), and on
    // release the pool discards the client because it is no longer queryable.
    pool.on('connect', (client) => {
      client.on('error', warn);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      location: redactUrl(config.databaseUrl),
      close: () => db.destroy(),
    };
  }
  let releaseLock = (): void => undefined;
  let dataDir: string | null = null;
  if (!options.inMemory) {
    ensurePrivateDataDir(config.dataDir);
    releaseLock = acquireDataDirLock(config.dataDir);
    dataDir = path.join(config.dataDir, 'pgdata');
  }
  const client = new PgliteWorkerClient(dataDir, options.restoreFrom);
  try {
    await client.ready;
  } catch (err) {
    releaseLock();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PgliteWorkerDialect(client) });
  return {
    db,
    engine: 'pglite',
    location: dataDir ?? 'memory',
    dumpEmbedded: () => client.dump(),
    embeddedMemory: () => client.memory(),
    close: async () => {
      await db.destroy();
      releaseLock();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
