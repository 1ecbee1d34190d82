// `serve --demo` seeds the demo in 15-25 s. The first e2e file of a run lets the real server seed
// a data folder, stops it, and keeps the folder; every file then starts the server on its own
// copy, with the app clock resumed where the seed left it. Keyed like the integration tests'
// demo copy (the code, frameworks, reference tables, lock file and the clock's instant).
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { demoTemplateKey } from './demo-template.js';
import { testNow } from './test-now.js';

export interface SeededFolder {
  dataDir: string;
  password: string;
  /** An ISO instant no earlier than the last thing the seed wrote, by the app clock. */
  seededUntil: string;
}

/** Copies a data folder keeping it private (folders 0700, files 0600), as the app requires. */
export function copyPrivateFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const walk = (dir: string): void => {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else chmodSync(file, 0o600);
    }
  };
  walk(to);
}

/** The seeded folder of this code and clock, seeding it first if no file has yet. */
export async function seededDemoFolder(
  start: (dataDir: string, password: string) => Promise<{ kill: () => Promise<void> }>,
): Promise<SeededFolder> {
  const password = 'e2e-demo-password';
  const base = path.join(
    projectRoot(),
    'node_modules',
    '.cache',
    'triangulate-test',
    `e2e-demo-${demoTemplateKey(password)}`,
  );
  if (!existsSync(`${base}.json`)) {
    // e2e files run one at a time (fileParallelism: false), so no lock is needed here.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'triangulate-e2e-seed-'));
    const began = performance.now();
    const server = await start(dataDir, password);
    const elapsed = Math.ceil(performance.now() - began);
    await server.kill();
    rmSync(base, { recursive: true, force: true });
    copyPrivateFolder(dataDir, base);
    rmSync(dataDir, { recursive: true, force: true });
    const seededUntil = new Date(Date.parse(testNow()) + elapsed + 1000).toISOString();
    writeFileSync(`${base}.json.tmp`, JSON.stringify({ password, seededUntil }));
    renameSync(`${base}.json.tmp`, `${base}.json`);
  }
  const record = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Omit<SeededFolder, 'dataDir'>;
  return { dataDir: base, ...record };
}
