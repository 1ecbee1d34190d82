// Start-up time to "ready": a fresh data folder (creates the database, migrates, seeds the demo)
// and an existing one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { round, summarise } from './stats.js';

function startOnce(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [path.join(projectRoot(), 'bin/triangulate.js'), 'serve', '--demo'],
      {
        env: {
          ...process.env,
          TRIANGULATE_DATA_DIR: dataDir,
          PORT: '0',
          TRIANGULATE_LOG_LEVEL: 'warn',
          TRIANGULATE_DEMO_PASSWORD: 'bench-password-1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('is ready at')) {
        const ms = performance.now() - t0;
        child.once('exit', () => resolve(ms));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!buf.includes('is ready at')) reject(new Error(`server exited (${code}) before ready`));
    });
  });
}

export async function benchStartup(runs = 3): Promise<string[]> {
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tri-bench-start-'));
    try {
      fresh.push(await startOnce(dir));
      existing.push(await startOnce(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const f = summarise(fresh);
  const e = summarise(existing);
  return [
    '## Start-up to ready (PGlite, `serve --demo`, process spawn to "ready" line)',
    '',
    '| data folder | runs | median ms | max ms |',
    '|---|---|---|---|',
    `| fresh (create database, migrate, seed demo) | ${f.n} | ${round(f.p50)} | ${round(f.max)} |`,
    `| existing | ${e.n} | ${round(e.p50)} | ${round(e.max)} |`,
    '',
  ];
}
