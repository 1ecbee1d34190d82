// What every benchmark shares: a throwaway database on either engine (a temporary PGlite folder,
// or a fresh PostgreSQL database created and dropped through the admin URL) and timed samples.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../src/data/database.js';
import type { ActivityTypeCatalog } from '../src/domain/activities/activity-type.js';
import { systemActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { buildApp } from '../src/server/app.js';
import { createActivity } from '../src/usecases/activities/create-activity.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import { summarise, time, type Summary } from './stats.js';

export type Engine = 'pglite' | 'postgres';
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  database: Database;
  /** Closes the database and removes it (folder or PostgreSQL database). */
  cleanup: () => Promise<void>;
}

/** A new, empty database on the engine; `tag` names its folder or database. */
export async function openBenchDatabase(
  engine: Engine,
  tag: string,
  adminUrl: string = DEFAULT_ADMIN_URL,
): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), `tri-bench-${tag}-`));
    const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    return {
      database,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `triangulate_bench_${tag.replace(/\W/g, '_')}_${Date.now()}`;
  const run = async (q: string): Promise<void> => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  // Interrupted (Ctrl-C, or killed at a deadline): drop the database anyway, then stop.
  const onSignal = (signal: NodeJS.Signals): void => {
    void run(`drop database if exists ${name} with (force)`)
      .catch((e: unknown) => console.error(`could not drop ${name}:`, e))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    database,
    cleanup: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await database.close();
      await run(`drop database if exists ${name} with (force)`);
    },
  };
}

export interface SampleOptions {
  /** Untimed runs first (default 10). */
  warmUp?: number;
  /** Runs untimed after each run (resetting state between samples). */
  after?: () => Promise<unknown>;
}

/**
 * Raw times of n runs after the warm-up runs. fn gets the run number (warm-up runs get negative
 * numbers), so a benchmark can rotate through its inputs.
 */
export async function sampleTimes(
  n: number,
  fn: (i: number) => Promise<unknown>,
  { warmUp = 10, after }: SampleOptions = {},
): Promise<number[]> {
  for (let i = 0; i < Math.min(warmUp, n); i++) {
    await fn(-1 - i);
    await after?.();
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push((await time(() => fn(i)))[0]);
    await after?.();
  }
  return out;
}

/** p50/p95/max of n runs after a short warm-up. */
export async function sample(
  n: number,
  fn: (i: number) => Promise<unknown>,
  options: SampleOptions = {},
): Promise<Summary> {
  return summarise(await sampleTimes(n, fn, options));
}

/** The real app on the database (no port: requests go through inject), with a bearer token. */
export async function signedInApp(
  database: Database,
  catalog: ActivityTypeCatalog,
  credentials: { email: string; password: string },
): Promise<{ app: FastifyInstance; headers: { authorization: string } }> {
  const app = await buildApp({
    config: { logLevel: 'silent', sessionSecret: undefined },
    database,
    catalog,
  });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: credentials });
  if (login.statusCode !== 200) throw new Error(`sign-in answered ${login.statusCode}`);
  return { app, headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } };
}

export interface Measured<T> {
  value: T;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  /** RSS when the step started (for imports: the database already open). */
  startRssMb: number;
}

/** Wall time, CPU time and peak RSS (sampled every 10 ms) of one step. */
export async function measure<T>(fn: () => Promise<T> | T): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const start = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb: peak / 1048576,
      startRssMb: start / 1048576,
    };
  } finally {
    clearInterval(timer);
  }
}

/** A synthetic LA ("Bench council") and a standard inspection of it, as the system actor. */
export async function benchInspection(
  database: Database,
): Promise<{ ctx: UseCaseContext; activityId: string }> {
  await database.db
    .insertInto('local_authorities')
    .values({
      id: 'bench-la',
      name: 'Bench council',
      gss_code: 'E06999999',
      dfe_code: '888',
      ofsted_region: 'North West',
    })
    .execute();
  const ctx: UseCaseContext = {
    db: database.db,
    actor: systemActor('bench'),
    catalog: loadActivityTypeCatalog(),
  };
  const activity = await createActivity(ctx, {
    laId: 'bench-la',
    activityType: 'standard_inspection',
    plannedStart: '2025-07-07',
  });
  return { ctx, activityId: activity.id };
}
