// `triangulate plan solve|runs|show|explain|pin|what-if|compare|publish` and `plan solve
// --from-run`, as real runs of the built CLI on an embedded database in a temporary folder (the
// demo seeded first): a regional user solves ten weeks of the North West from the inspectors'
// profiles and works with the saved runs, each command checked through its --json output; the LA
// user is refused a run.
import { describe, expect, it } from 'vitest';
import { addDays, mondayOf, todayInEngland } from '../../src/clock.js';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

interface Member {
  inspectorId: string;
  name: string;
  teamRole: string;
}
interface Placement {
  laId: string;
  laName: string;
  activityType: string;
  ordinal: number;
  week: number;
  start: string;
  end: string;
  team: Member[];
}
interface Shown {
  run: {
    id: string;
    region: string;
    parentRunId: string | null;
    publishedVersion: number | null;
    objective: number | null;
    summary: { hardBreaches: unknown[] };
  };
  placements: Placement[];
}
interface Saved {
  runId: string;
  region: string;
  solution: { status: string; hardBreaches: unknown[]; plan: { placements: unknown[] } | null };
}

describe.runIf(testEngine() === 'pglite')('triangulate plan (saved runs)', () => {
  it('solves, lists, shows, explains, pins, asks what-if, compares, publishes, re-solves', () => {
    // Each solve may take a while on a loaded machine (it stops at a 50% proven gap).
    const cli = cliSandbox('plan-cli-', 600_000);
    try {
      const { run } = cli;
      expect(run('demo', 'seed').status).toBe(0);
      const as = ['--as', 'regional@triangulate.example'];
      const limit = ['--time-limit', '300'];
      const from = addDays(mondayOf(todayInEngland()), 14);
      // JSON on stdout; the solver's progress on stderr.
      const json = <T>(...args: string[]): T => {
        const r = run(...args, ...as, '--json');
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as T;
      };

      const solved = json<Saved>(
        'plan',
        'solve',
        '--region',
        'north-west',
        '--from',
        from,
        '--weeks',
        '10',
        '--gap',
        '0.5',
        ...limit,
      );
      expect(solved.region).toBe('North West');
      expect(solved.solution.hardBreaches).toEqual([]);
      const a = solved.runId;

      const runs = json<{ id: string; region: string; placementCount: number }[]>(
        'plan',
        'runs',
        '--region',
        'north-west',
      );
      expect(runs.find((r) => r.id === a)).toMatchObject({
        region: 'North West',
        placementCount: solved.solution.plan!.placements.length,
      });

      const shown = json<Shown>('plan', 'show', a);
      expect(shown.run).toMatchObject({ id: a, parentRunId: null, publishedVersion: null });
      expect(shown.run.summary.hardBreaches).toEqual([]);
      expect(shown.placements.length).toBeGreaterThan(0);
      for (const p of shown.placements)
        expect(p.team.filter((m) => m.teamRole === 'lead')).toHaveLength(1);
      const text = run('plan', 'show', a, ...as);
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).toContain(`Run ${a}: North West, 10 weeks`);

      const p = shown.placements[0]!;
      const explained = json<{ placements: { laId: string; binding: string[] }[] }>(
        'plan',
        'explain',
        a,
        '--la',
        p.laName,
      );
      expect(explained.placements.every((x) => x.laId === p.laId)).toBe(true);
      expect(explained.placements[0]!.binding[0]).toMatch(/^Needed: /);

      const lead = p.team.find((m) => m.teamRole === 'lead')!;
      const pinned = json<Saved>(
        'plan',
        'pin',
        a,
        '--la',
        p.laId,
        '--type',
        p.activityType,
        '--week',
        p.start,
        '--lead',
        lead.inspectorId,
        ...limit,
      );
      const pv = json<Shown>('plan', 'show', pinned.runId);
      expect(pv.run.parentRunId).toBe(a);
      const q = pv.placements.find((x) => x.laId === p.laId && x.activityType === p.activityType)!;
      expect(q.week).toBe(p.week);
      expect(q.team.find((m) => m.teamRole === 'lead')!.inspectorId).toBe(lead.inspectorId);

      const member = p.team[0]!;
      const whatIf = json<Saved>(
        'plan',
        'what-if',
        a,
        '--leave',
        `${member.inspectorId}:${p.start}:${p.end}`,
        ...limit,
      );
      const wv = json<Shown>('plan', 'show', whatIf.runId);
      expect(wv.run.parentRunId).toBe(a);
      for (const x of wv.placements)
        if (x.start <= p.end && x.end >= p.start)
          expect(x.team.map((m) => m.inspectorId)).not.toContain(member.inspectorId);

      const cmp = json<{
        a: { id: string };
        b: { id: string };
        differences: unknown[];
        objective: { a: number | null };
      }>('plan', 'compare', a, whatIf.runId);
      expect(cmp.a.id).toBe(a);
      expect(cmp.b.id).toBe(whatIf.runId);
      expect(cmp.differences.length).toBeGreaterThan(0);
      expect(cmp.objective.a).toBe(shown.run.objective);

      // The demo has published version 1 (52 weeks): what this plan keeps of it is moved, the
      // rest cancelled.
      const demoRun = json<{ id: string; publishedVersion: number | null }[]>(
        'plan',
        'runs',
        '--region',
        'north-west',
      ).find((r) => r.publishedVersion === 1)!;
      const demo = json<Shown>('plan', 'show', demoRun.id);
      const kept = shown.placements.filter((p) =>
        demo.placements.some(
          (q) => q.laId === p.laId && q.activityType === p.activityType && q.ordinal === p.ordinal,
        ),
      ).length;
      const pub = json<{ runId: string; version: number; created: number; cancelled: number }>(
        'plan',
        'publish',
        a,
      );
      expect(pub).toMatchObject({
        runId: a,
        version: 2,
        created: shown.placements.length - kept,
        cancelled: demo.placements.length - kept,
      });
      expect(json<Shown>('plan', 'show', a).run.publishedVersion).toBe(2);

      const again = json<Saved>('plan', 'solve', '--from-run', a, ...limit);
      expect(again.solution.hardBreaches).toEqual([]);
      expect(json<Shown>('plan', 'show', again.runId).run.parentRunId).toBe(a);

      // The LA user is refused the run (it does not exist for them).
      const la = run('plan', 'show', a, '--as', 'dcs@northfield.example', '--json');
      expect(la.status).not.toBe(0);
      expect(la.stdout).not.toContain(p.start);
      expect(la.stderr).toMatch(/NOT_FOUND|not found/i);
    } finally {
      cli.remove();
    }
  }, 3_000_000);
});
