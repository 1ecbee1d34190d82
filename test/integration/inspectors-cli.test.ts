// `triangulate inspectors list|show|load|set-profile|add-leave|add-conflict|remove-leave`, as one
// real run of the built CLI on an embedded database in a temporary folder (the demo seeded first).
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate inspectors', () => {
  it('lists, shows, sets a profile, records leave and a conflict, and prints the load', () => {
    const cli = cliSandbox('inspectors-cli-');
    try {
      const { run, json } = cli;
      expect(run('demo', 'seed').status).toBe(0);
      const as = ['--as', 'regional@triangulate.example'];
      const list = json('inspectors', 'list', '--region', 'north-west', ...as) as {
        region: string;
        inspectors: { email: string }[];
      };
      expect(list.region).toBe('North West');
      expect(list.inspectors).toHaveLength(12);

      const who = 'sara.nowak@triangulate.example';
      const set = json(
        'inspectors',
        'set-profile',
        who,
        '--role',
        'hmi',
        '--region',
        'North West',
        '--days',
        'mon,tue,wed',
        '--lead',
        '--max-site-weeks',
        '2',
        ...as,
      ) as { workingDays: string[]; leadQualified: boolean };
      expect(set).toMatchObject({ workingDays: ['mon', 'tue', 'wed'], leadQualified: true });
      const leave = json(
        'inspectors',
        'add-leave',
        who,
        '--from',
        '2027-03-01',
        '--to',
        '2027-03-05',
        ...as,
      ) as { id: string };
      json('inspectors', 'add-conflict', who, '--la', 'Wigan', '--reason', 'lives_in', ...as);
      const shown = json('inspectors', 'show', who, ...as) as {
        absences: { id: string }[];
        conflicts: { laId: string }[];
      };
      expect(shown.absences.map((a) => a.id)).toContain(leave.id);
      expect(shown.conflicts.map((c) => c.laId)).toEqual(['wigan']);
      const load = json(
        'inspectors',
        'load',
        who,
        '--from',
        '2027-03-01',
        '--weeks',
        '2',
        ...as,
      ) as { load: { weeks: { away: { leave: number }; available: number }[] } };
      expect(load.load.weeks[0]).toMatchObject({ away: { leave: 3 }, available: 0 });
      const region = json('inspectors', 'load', '--region', 'north-west', '--weeks', '4') as {
        weekStarts: string[];
        inspectors: unknown[];
        overWeeks: number;
      };
      expect(region.weekStarts).toHaveLength(4);
      // The lead's write-up this week comes from the framework's workload (needs the catalogue);
      // the team inspector's leave during theirs is flagged.
      expect(region.overWeeks).toBeGreaterThan(0);
      expect(region.inspectors).toHaveLength(12);
      const text = run('inspectors', 'load', '--region', 'north-west', '--weeks', '4');
      expect(text.stdout).toContain('inspector-weeks flagged');
      json('inspectors', 'remove-leave', who, leave.id, ...as);
      // Another region's inspectors are not the regional user's; the error names why.
      const refused = run('inspectors', 'list', '--region', 'london', ...as);
      expect(refused.status).not.toBe(0);
    } finally {
      cli.remove();
    }
  }, 600_000);
});
