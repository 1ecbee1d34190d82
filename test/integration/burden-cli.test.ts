// `triangulate data-used show|national`, `burden record|show|national` and `working-time
// show|national`, as one real run of the built CLI on an embedded database in a temporary folder
// (the demo seeded first): the LA records as itself, the lead reads the team's days, another LA
// is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate data-used, burden, working-time', () => {
  it('shows, records and aggregates', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'burden-cli-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TRIANGULATE_DATA_DIR: path.join(dir, 'd') };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/triangulate.js', ...args], {
          env,
          encoding: 'utf8',
          timeout: 240_000,
        });
      const seeded = run('demo', 'seed', '--json');
      expect(seeded.status, seeded.stderr).toBe(0);
      const activityId = (JSON.parse(seeded.stdout) as { activityId: string }).activityId;

      const recorded = run(
        'burden',
        'record',
        '--activity',
        activityId,
        '--effort',
        'data_preparation=40,12.5',
        '--effort',
        'meetings=18,3',
        '--as',
        'dcs@northfield.example',
        '--json',
      );
      expect(recorded.status, recorded.stderr).toBe(0);
      expect(JSON.parse(recorded.stdout).totals).toEqual({ linkPersonHours: 58, staffDays: 15.5 });
      const refused = run(
        'burden',
        'record',
        '--activity',
        activityId,
        '--effort',
        'other=1,0',
        '--as',
        'dcs@southmere.example',
        '--json',
      );
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('NOT_FOUND');
      const bad = run('burden', 'record', '--activity', activityId, '--effort', 'naps=1,0');
      expect(bad.status).toBe(2);

      const shown = run('burden', 'show', '--activity', activityId, '--json');
      expect(JSON.parse(shown.stdout).totals.linkPersonHours).toBe(58);

      const used = run('data-used', 'show', '--activity', activityId, '--json');
      expect(used.status, used.stderr).toBe(0);
      expect(JSON.parse(used.stdout).statement.lists).toHaveLength(11);
      const laBefore = run(
        'data-used',
        'show',
        '--activity',
        activityId,
        '--as',
        'dcs@northfield.example',
        '--json',
      );
      expect(laBefore.status).not.toBe(0);

      const national = run('data-used', 'national', '--json');
      expect(JSON.parse(national.stdout).inspections).toBe(3);
      const time = run(
        'working-time',
        'show',
        '--activity',
        activityId,
        '--as',
        'lead@triangulate.example',
        '--json',
      );
      expect(time.status, time.stderr).toBe(0);
      expect(JSON.parse(time.stdout).scope).toBe('all');
      const roles = run('working-time', 'national', '--json');
      expect(roles.status, roles.stderr).toBe(0);
      expect(run('burden', 'national', '--json').status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
