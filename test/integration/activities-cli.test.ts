// `triangulate activities list/show` and the demo's credentials file, as one real run of the
// built CLI on an embedded database in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate activities', () => {
  it('lists by LA and state, shows one, refuses an unknown state', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'activities-cli-'));
    try {
      const dataDir = path.join(dir, 'data');
      const env: NodeJS.ProcessEnv = { ...process.env, TRIANGULATE_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/triangulate.js', ...args], {
          env,
          encoding: 'utf8',
          timeout: 240_000,
        });
      const seeded = run('demo', 'seed');
      expect(seeded.status, seeded.stderr).toBe(0);
      // The one-time passwords are also in a file only the user can read.
      const file = path.join(dataDir, 'demo-accounts.txt');
      expect(seeded.stdout).toContain(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain('lead@triangulate.example');

      const all = run('activities', 'list', '--json');
      expect(all.status, all.stderr).toBe(0);
      expect(JSON.parse(all.stdout)).toHaveLength(2);
      const onSite = run(
        'activities',
        'list',
        '--la',
        'demo-northfield',
        '--state',
        'on_site',
        '--json',
      );
      const rows = JSON.parse(onSite.stdout) as { id: string; state: string }[];
      expect(rows.map((r) => r.state)).toEqual(['on_site']);
      const shown = run('activities', 'show', rows[0]!.id);
      expect(shown.status).toBe(0);
      expect(shown.stdout).toContain('state: On site');
      expect(shown.stdout).toContain('Lead inspector:');
      const bad = run('activities', 'list', '--state', 'nonsense', '--json');
      expect(bad.status).toBe(2);
      expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
