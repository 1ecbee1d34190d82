// While a 1-second query runs on the embedded database, how fast does /health answer?
// Baseline: the same query on PGlite in the main thread, which blocks the event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { openDatabase } from '../src/data/database.js';
import { migrateToLatest } from '../src/data/migrate.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { buildApp } from '../src/server/app.js';
import { summarise } from './stats.js';

async function healthLatencies(url: string, during: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  void during.finally(() => (done = true));
  await new Promise((r) => setTimeout(r, 50)); // let the query start
  while (!done) {
    const t0 = performance.now();
    await fetch(url);
    samples.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return samples;
}

export async function benchLongQuery(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tri-bench-long-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  let ours: number[] = [];
  try {
    await migrateToLatest(database.db);
    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database,
      catalog: loadActivityTypeCatalog(),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    ours = await healthLatencies(
      `http://127.0.0.1:${port}/health`,
      sql`select pg_sleep(1)`.execute(database.db),
    );
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // Baseline: PGlite on the main thread; timer lag shows how long the event loop was blocked.
  const pg = await PGlite.create();
  const lags: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(now - last - 10);
    last = now;
  }, 10);
  await pg.query('select pg_sleep(1)');
  await new Promise((r) => setTimeout(r, 30));
  clearInterval(timer);
  await pg.close();
  const o = summarise(ours);
  const b = summarise(lags);
  return [
    '## HTTP responsiveness during a 1-second embedded query',
    '',
    '| setup | samples | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|',
    `| Triangulate: PGlite in a worker thread, GET /health over HTTP | ${o.n} | ${o.p50} | ${o.p95} | ${o.max} |`,
    `| baseline: PGlite on the main thread, event-loop lag of a 10 ms timer | ${b.n} | ${b.p50} | ${b.p95} | ${b.max} |`,
    '',
    `Target: /health under 50 ms while the query runs (p95 ${o.p95} ms: ${o.p95 < 50 ? 'met' : 'NOT met'}).`,
    '',
  ];
}
