// `triangulate data-used show|national`, `burden record|show|national`, `working-time
// show|national`, as one real run of the built CLI on an embedded database in a temporary folder
// (the demo seeded first): the LA records as itself, the lead reads the team's days, another LA
// is refused; then `action-plan` and `reform-programme` on the same demo.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')(
  'triangulate data-used, burden, working-time, action-plan',
  () => {
    it('shows, records and aggregates', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'burden-cli-'));
      try {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          TRIANGULATE_DATA_DIR: path.join(dir, 'd'),
        };
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
        expect(JSON.parse(recorded.stdout).totals).toEqual({
          linkPersonHours: 58,
          staffDays: 15.5,
        });
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
        // Three published demo inspections and the published focused visit reviewing Southmere's plan.
        expect(JSON.parse(national.stdout).inspections).toBe(4);
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

        // The LA's action plan (issue 16, same demo): the region acknowledges the waiting version,
        // the LA adds an action and submits the next; another LA is refused; the visit's lead reads
        // the paragraph for the letter.
        const southmere = JSON.parse(
          run('activities', 'list', '--la', 'demo-southmere', '--json').stdout,
        ) as Array<{ id: string; activityType: string; state: string }>;
        const planId = southmere.find((a) => a.activityType === 'standard_inspection')!.id;
        const visitId = southmere.find((a) => a.state === 'on_site')!.id;
        const la = ['--as', 'dcs@southmere.example', '--json'];
        const plan = run('action-plan', 'show', planId, ...la);
        expect(plan.status, plan.stderr).toBe(0);
        const shownPlan = JSON.parse(plan.stdout) as { items: Array<{ key: string }> };
        const item = shownPlan.items[1]!.key;
        const ack = run(
          'action-plan',
          'acknowledge',
          planId,
          '2',
          '--as',
          'regional.southeast@triangulate.example',
          '--json',
        );
        expect(ack.status, ack.stderr).toBe(0);
        expect(JSON.parse(ack.stdout).response.kind).toBe('acknowledged');
        const action = [
          ...['--action', 'Pathway plan reviews tracked weekly', '--owner', 'Service manager'],
          ...['--milestone', 'Tracker live', '--due', '2027-01-29', '--impact', '90% on time'],
        ];
        const added = run('action-plan', 'add-action', planId, item, ...action, ...la);
        expect(added.status, added.stderr).toBe(0);
        const submitted = run('action-plan', 'submit', planId, ...la);
        expect(submitted.status, submitted.stderr).toBe(0);
        expect(JSON.parse(submitted.stdout).version).toBe(3);
        const other = run(
          ...['action-plan', 'add-action', planId, item, ...action],
          ...['--as', 'dcs@northfield.example', '--json'],
        );
        expect(other.status).not.toBe(0);
        expect(other.stderr).toContain('NOT_FOUND');
        const review = run(
          'action-plan',
          'monitoring',
          visitId,
          '--as',
          'lead@triangulate.example',
        );
        expect(review.status, review.stderr).toBe(0);
        expect(review.stdout).toContain(
          'Of the 3 areas in the action plan, inspectors found progress',
        );
        const programmes = run('reform-programme', 'list', 'demo-southmere', '--json');
        expect(JSON.parse(programmes.stdout).programmes.length).toBeGreaterThan(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 300_000);
  },
);
