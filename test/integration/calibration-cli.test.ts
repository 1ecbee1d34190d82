// `triangulate calibration ...` as one real run of the built CLI on an embedded database in a
// temporary folder (the demo seeded first): set an exercise up, rate it blind as an inspector
// (nothing revealed before submitting), submit, and read one's own and the national figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate calibration', () => {
  it('creates, rates blind, submits, and reports own and national agreement', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calibration-cli-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TRIANGULATE_DATA_DIR: path.join(dir, 'd') };
      delete env.DATABASE_URL;
      const run = (...args: string[]) => {
        const r = spawnSync(process.execPath, ['bin/triangulate.js', 'calibration', ...args], {
          env,
          encoding: 'utf8',
          timeout: 240_000,
        });
        return { ...r, data: (): unknown => JSON.parse(r.stdout) };
      };
      const seeded = spawnSync(process.execPath, ['bin/triangulate.js', 'demo', 'seed'], {
        env,
        encoding: 'utf8',
        timeout: 400_000,
      });
      expect(seeded.status, seeded.stderr).toBe(0);
      const tom = ['--as', 'inspector@triangulate.example', '--json'];

      const bank = run('vignettes', '--json');
      expect(bank.status, bank.stderr).toBe(0);
      const ids = (bank.data() as { id: string }[]).slice(0, 2).map((v) => v.id);
      expect(ids).toHaveLength(2);
      const refused = run('vignettes', ...tom);
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.stderr).error.code).toBe('NOT_FOUND');

      const made = run(
        ...['create', '--title', 'CLI calibration', '--json'],
        ...['--vignette', ids[0]!, '--vignette', ids[1]!],
        ...[
          '--inspector',
          'inspector@triangulate.example',
          '--inspector',
          'qam@triangulate.example',
        ],
      );
      expect(made.status, made.stderr).toBe(0);
      const exercise = (made.data() as { id: string }).id;

      const blind = run('show', '--exercise', exercise, ...tom).data() as {
        revealed: boolean;
        vignettes: { referenceGrade: unknown }[];
      };
      expect(blind.revealed).toBe(false);
      expect(blind.vignettes.every((v) => v.referenceGrade === null)).toBe(true);
      for (const id of ids) {
        const rated = run(
          'rate',
          '--exercise',
          exercise,
          '--vignette',
          id,
          '--grade',
          'good',
          ...tom,
        );
        expect(rated.status, rated.stderr).toBe(0);
      }
      expect(run('submit', '--exercise', exercise, ...tom).status).toBe(0);
      const open = run('show', '--exercise', exercise, ...tom).data() as {
        revealed: boolean;
        vignettes: { referenceGrade: { key: string } }[];
      };
      expect(open.revealed).toBe(true);
      expect(open.vignettes[0]!.referenceGrade.key).toBe('good');

      const noted = run(
        ...['note', exercise, '--vignette', ids[0]!, '--text', 'Thresholds read alike.'],
        ...tom,
      );
      expect(noted.status, noted.stderr).toBe(0);
      expect((noted.data() as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
      const quinn = ['--as', 'qam@triangulate.example', '--json'];
      const early = run('note', exercise, '--vignette', ids[0]!, '--text', 'Too soon', ...quinn);
      expect(JSON.parse(early.stderr).error.code).toBe('FORBIDDEN');
      const notes = run('show', '--exercise', exercise, ...tom).data() as {
        vignettes: { notes?: { note: string }[] }[];
      };
      expect(JSON.stringify(notes)).toContain('Thresholds read alike.');

      expect(run('retire-vignette', ids[1]!, ...tom).status).toBe(1);
      const retired = run('retire-vignette', ids[1]!, '--json');
      expect(retired.status, retired.stderr).toBe(0);
      expect((retired.data() as { retired: boolean }).retired).toBe(true);
      const left = (run('vignettes', '--json').data() as { id: string }[]).map((v) => v.id);
      expect(left).not.toContain(ids[1]);
      const kept = run('show', '--exercise', exercise, ...tom).data() as {
        vignettes: { id: string }[];
      };
      expect(kept.vignettes.map((v) => v.id)).toContain(ids[1]);

      const mine = run('mine', ...tom).data() as { exercises: { title: string }[] };
      expect(mine.exercises.map((e) => e.title)).toContain('CLI calibration');
      const national = run('national', '--json').data() as {
        byRegion: { group: string; agreement: unknown }[];
      };
      expect(national.byRegion.find((g) => g.group === 'London')?.agreement).toBeNull();
      expect(national.byRegion.find((g) => g.group === 'South East')?.agreement).not.toBeNull();
      const text = run('national');
      expect(text.stdout).toContain('London: not shown (1 inspector, fewer than 3)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
