// `triangulate practice-qa` and `triangulate strengths`: one real run of the built CLI on an empty
// embedded database. The patterns never group by a person (refused by name, a non-zero exit code), an
// empty database has no patterns, and a strengths list of an activity that does not exist is
// NOT_FOUND. (What the commands show on real data is the use cases', in practice-qa.test.ts.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('the practice-qa and strengths commands', () => {
  it('refuse a league table, print JSON, and hide what does not exist', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'practice-qa-cli-'));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TRIANGULATE_DATA_DIR: path.join(dir, 'data'),
      };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/triangulate.js', ...args], {
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
      const league = run('practice-qa', 'patterns', '--group-by', 'inspector', '--json');
      expect(league.status).toBe(1);
      expect(JSON.parse(league.stderr)).toMatchObject({
        error: { code: 'PRACTICE_QA_NO_LEAGUE_TABLE' },
      });
      const empty = run('practice-qa', 'patterns', '--group-by', 'year', '--json');
      expect(empty.stderr).toBe('');
      expect(JSON.parse(empty.stdout)).toMatchObject({ groupBy: 'year', rows: [] });
      const missing = run(
        'strengths',
        'list',
        '--activity',
        '00000000-0000-4000-8000-000000000000',
        '--json',
      );
      expect(missing.status).not.toBe(0);
      expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
