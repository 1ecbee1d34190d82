// Runs the built CLI (`bin/triangulate.js`) as a real process on an embedded database in a
// temporary folder of its own, the way a person runs it from a checkout. The tests that use it
// seed the demo through the CLI first, so `demo seed` is exercised as it ships.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

export interface CliSandbox {
  /** The temporary folder (the data folder is `d` inside it); files a test writes go here too. */
  dir: string;
  env: NodeJS.ProcessEnv;
  run(...args: string[]): SpawnSyncReturns<string>;
  /** Runs with `--json`, expects exit code 0 and parses standard output. */
  json<T = unknown>(...args: string[]): T;
  remove(): void;
}

export function cliSandbox(prefix: string, timeoutMs = 240_000): CliSandbox {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, TRIANGULATE_DATA_DIR: path.join(dir, 'd') };
  // The embedded database, whatever engine the rest of the suite runs on.
  delete env.DATABASE_URL;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/triangulate.js', ...args], {
      env,
      encoding: 'utf8',
      timeout: timeoutMs,
    });
  return {
    dir,
    env,
    run,
    json<T>(...args: string[]): T {
      const r = run(...args, '--json');
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as T;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
