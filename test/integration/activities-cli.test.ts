// `triangulate activities list/show`, the demo's credentials file, a person's queue (`work list`,
// `notifications list|read --as`) and the child's case on `evidence add` (an unknown one refused
// without --new-case), as one real run of the built CLI on an embedded database in a temporary
// folder (the demo is seeded once).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
      // Northfield's inspection and focused visit, the three published demo inspections, and
      // the two visits reviewing Southmere's action plan (one published, one on site).
      // Beside them, the planned activities of North West's published programme (version 1).
      const listed = JSON.parse(all.stdout) as { laId: string; title: string }[];
      const runs = JSON.parse(
        run(
          'plan',
          'runs',
          '--region',
          'north-west',
          '--as',
          'regional@triangulate.example',
          '--json',
        ).stdout || 'null',
      ) as { publishedVersion: number | null; placementCount: number }[] | null;
      const programme = listed.filter((a) => a.title.endsWith('(planned)'));
      expect(programme).toHaveLength(runs!.find((r) => r.publishedVersion === 1)!.placementCount);
      const own = listed.filter((a) => !programme.includes(a));
      expect(own).toHaveLength(7);
      expect(own.filter((a) => a.laId === 'demo-northfield')).toHaveLength(2);
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
      // Planning by hand: the rules refuse an activity on site beside the demo inspection (exit 2).
      const start = (
        JSON.parse(run('activities', 'show', rows[0]!.id, '--json').stdout) as {
          activity: { plannedStart: string };
        }
      ).activity.plannedStart;
      const plan = ['--la', 'demo-northfield', '--type', 'short_inspection', '--start', start];
      const checked = run('activities', 'check', ...plan, '--json');
      expect(checked.status, checked.stderr).toBe(0);
      expect(JSON.parse(checked.stdout)).toMatchObject({ allowed: false });
      const clash = run('activities', 'create', ...plan, '--json');
      expect(clash.status).toBe(2);
      expect(JSON.parse(clash.stderr)).toMatchObject({ error: { code: 'ACTIVITY_RULE_BROKEN' } });
      const bad = run('activities', 'list', '--state', 'nonsense', '--json');
      expect(bad.status).toBe(2);
      expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });

      // A person's queue, as that person.
      const json = (r: ReturnType<typeof run>) => {
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as Record<string, unknown>;
      };
      const lead = 'lead@triangulate.example';
      expect(json(run('work', 'list', '--as', lead, '--json'))).toEqual({
        items: expect.any(Array),
      });
      const la = 'dcs@northfield.example';
      const notes = json(run('notifications', 'list', '--as', la, '--unread', '--json'))
        .notifications as Array<{ id: string; kind: string }>;
      expect(notes.map((n) => n.kind)).toEqual(['activity_notified']);
      expect(
        json(run('notifications', 'read', '--as', la, '--id', notes[0]!.id, '--json')),
      ).toEqual({ marked: 1 });
      expect(run('notifications', 'list', '--as', la, '--unread').stdout).toBe(
        'No notifications.\n',
      );

      // The child's case: an unknown reference is refused unless --new-case says it is new.
      const text = path.join(dir, 'note.txt');
      writeFileSync(text, 'The plan was reviewed when the risk rose.');
      const add = (...more: string[]) =>
        run(
          'evidence',
          'add',
          '--activity',
          rows[0]!.id,
          '--method',
          'case_file_reading',
          '--text-file',
          text,
          '--case',
          'CLI-NEW-1',
          '--as',
          lead,
          '--json',
          ...more,
        );
      const refused = add();
      expect(refused.status).toBe(2);
      expect(JSON.parse(refused.stderr)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ field: 'caseRef', value: 'CLI-NEW-1' }] },
      });
      expect(json(add('--new-case'))).toMatchObject({ childCase: { reference: 'CLI-NEW-1' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
