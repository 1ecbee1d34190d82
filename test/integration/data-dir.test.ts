// The embedded data folder is private, durable and opened by one process at a time.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { findExposed } from '../../src/data/data-dir-permissions.js';
import { testEngine } from '../helpers/database.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'tri-datadir-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A pid no process has: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const lockModule = pathToFileURL(path.resolve('dist/src/data/data-dir-lock.js')).href;

/**
 * Starts n processes at once that each try to take the lock and hold it for a moment; returns
 * how many got it and whether any two held it at the same time.
 */
async function raceForLock(dir: string, n: number): Promise<{ won: number; overlap: boolean }> {
  const script = `
    const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
    try { const release = acquireDataDirLock(${JSON.stringify(dir)}); const from = Date.now();
      await new Promise((r) => setTimeout(r, 300)); const to = Date.now(); release();
      console.log('WON', from, to); }
    catch (e) { console.log(e.code ?? e.message); }`;
  const outs = await Promise.all(
    Array.from({ length: n }, () => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      return new Promise<string>((resolve) => child.once('exit', () => resolve(out)));
    }),
  );
  expect(
    outs.every((o) => /WON|DATA_DIR_LOCKED/.test(o)),
    outs.join('|'),
  ).toBe(true);
  const held = outs
    .filter((o) => o.startsWith('WON'))
    .map((o) => o.trim().split(' ').slice(1).map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const overlap = held.some((h, i) => i > 0 && h[0] < held[i - 1]![1]);
  return { won: held.length, overlap };
}

describe.runIf(testEngine() === 'pglite')('embedded data folder', () => {
  it('creates the folder and every file owner-only, and commits reach the disk', async () => {
    const dir = path.join(tempDir(), 'data');
    const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    try {
      await sql`create table t (x int)`.execute(database.db);
      await sql`insert into t values (1)`.execute(database.db);
      const settings = await sql<{ name: string; setting: string }>`
        select name, setting from pg_settings where name in ('fsync', 'wal_sync_method')`.execute(
        database.db,
      );
      expect(Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))).toEqual({
        fsync: 'on',
        wal_sync_method: 'fsync',
      });
    } finally {
      await database.close();
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.join(dir, 'pgdata')).length).toBeGreaterThan(5);
    expect(findExposed(dir)).toEqual([]);
  }, 90_000);

  it('refuses a folder others can read, naming the command that fixes it', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o700);
    mkdirSync(path.join(dir, 'pgdata'), { mode: 0o700 });
    writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), '17\n', { mode: 0o644 });
    chmodSync(path.join(dir, 'pgdata', 'PG_VERSION'), 0o644);
    const opened = openDatabase({ databaseUrl: undefined, dataDir: dir });
    await expect(opened).rejects.toMatchObject({ code: 'DATA_DIR_UNSAFE' });
    await expect(opened).rejects.toThrow(`chmod -R go-rwx '${dir}'`);
    expect(existsSync(path.join(dir, 'triangulate.lock'))).toBe(false);
  });

  it('never lets two of many processes starting together hold the lock, with or without a stale lock', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const dir = tempDir();
      if (trial % 2 === 0)
        writeFileSync(path.join(dir, 'triangulate.lock'), `${await deadPid()}\n`);
      const { won, overlap } = await raceForLock(dir, 6);
      expect(won, `trial ${trial}`).toBeGreaterThanOrEqual(1);
      expect(overlap, `trial ${trial}`).toBe(false);
      expect(existsSync(path.join(dir, 'triangulate.lock'))).toBe(false); // released
    }
  }, 60_000);
});
