// `triangulate double-coding ...`, as one real run of the built CLI on an embedded database in a
// temporary folder (the demo seeded first): the demo's double coding is read and reconciled; a new
// one is set up, coded blind and finished.
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

interface Shown {
  blind: boolean;
  codes: { id: string }[];
  records: {
    evidenceId: string;
    reference: string;
    reconciledBy: string | null;
    mine: unknown[];
    candidates: { key: string; unanimous: boolean }[] | null;
  }[];
}

describe.runIf(testEngine() === 'pglite')('triangulate double-coding', () => {
  it('lists, shows, measures, reconciles, assigns, codes and finishes', () => {
    const cli = cliSandbox('double-coding-cli-');
    try {
      const { run } = cli;
      const json = <T>(args: string[]): T => cli.json<T>(...args);
      expect(run('demo', 'seed').status).toBe(0);
      const [activity] = json<{ id: string }[]>([
        'activities',
        'list',
        '--la',
        'demo-northfield',
        '--state',
        'on_site',
      ]);
      const lead = ['--as', 'lead@triangulate.example'];
      const inspector = ['--as', 'inspector@triangulate.example'];
      const at = ['--activity', activity!.id];
      const [demo] = json<{ id: string; blind: boolean }[]>([
        'double-coding',
        'list',
        ...at,
        ...lead,
      ]);
      expect(demo!.blind).toBe(false);
      const one = [...at, '--assignment', demo!.id];
      const shown = json<Shown>(['double-coding', 'show', ...one, ...lead]);
      expect(shown.records.map((r) => r.reference)).toEqual(['E2', 'E4']);
      const agreement = json<{ uncodedText: string; records: { codes: unknown[] }[] }>([
        'double-coding',
        'agreement',
        ...one,
        '--resamples',
        '20',
      ]);
      expect(agreement.uncodedText).toBe('excluded');
      expect(agreement.records[0]!.codes.length).toBeGreaterThan(0);
      const text = run('double-coding', 'agreement', ...one, '--resamples', '0');
      expect(text.stdout).toContain('Uncoded text excluded');
      expect(text.stdout).toContain('All 2 records together');
      expect(text.stdout).toMatch(/All spans: \d+ segments, agreement \d\.\d\d, alpha -?\d\.\d\d/);
      const record = shown.records[0]!;
      const agreed = record.candidates!.filter((c) => c.unanimous).map((c) => c.key);
      const done = json<{ written: number }>([
        'double-coding',
        'reconcile',
        ...one,
        '--record',
        record.evidenceId,
        ...agreed.flatMap((k) => ['--agreed', k]),
        ...lead,
      ]);
      expect(done.written).toBe(agreed.length);
      // The team inspector may not reconcile (exit 1, as the API's 403).
      const refused = run(
        'double-coding',
        'reconcile',
        ...one,
        '--record',
        shown.records[1]!.evidenceId,
        ...inspector,
        '--json',
      );
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.stderr).error.code).toBe('FORBIDDEN');

      const made = json<{ id: string }>([
        'double-coding',
        'assign',
        ...at,
        '--title',
        'CLI double coding',
        '--record',
        'E1',
        '--coder',
        'lead@triangulate.example',
        '--coder',
        'inspector@triangulate.example',
        ...lead,
      ]);
      const fresh = [...at, '--assignment', made.id];
      const mine = json<Shown>(['double-coding', 'show', ...fresh, ...inspector]);
      json([
        'double-coding',
        'code',
        ...fresh,
        '--record',
        mine.records[0]!.evidenceId,
        '--code',
        mine.codes[0]!.id,
        '--passage',
        'The worker knows Zoë well',
        ...inspector,
      ]);
      const blind = json<Shown>(['double-coding', 'show', ...fresh, ...lead]);
      expect(blind.blind).toBe(true);
      expect(blind.records[0]!.mine).toHaveLength(0);
      expect(blind.records[0]!.candidates).toBeNull();
      json(['double-coding', 'finish', ...fresh, ...inspector]);
      json(['double-coding', 'finish', ...fresh, ...lead]);
      const open = json<Shown>(['double-coding', 'show', ...fresh, ...lead]);
      expect(open.records[0]!.candidates).toHaveLength(1);
    } finally {
      cli.remove();
    }
  }, 600_000);
});
