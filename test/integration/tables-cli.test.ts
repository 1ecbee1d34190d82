// `triangulate tables`, as one real run of the built CLI on an embedded database in a temporary
// folder (the demo seeded first, which loads the bundled history).
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate tables', () => {
  it('prints the tables from the history or the activities, as JSON or text', () => {
    const cli = cliSandbox('tables-cli-');
    try {
      const { run } = cli;
      expect(run('demo', 'seed').status).toBe(0);
      const hist = run('tables', '--source', 'history', '--year', '2018', '--json');
      expect(hist.status, hist.stderr).toBe(0);
      const h = JSON.parse(hist.stdout) as {
        source: string;
        table1: { period: string; type: string; occurrences: number }[];
        table3: { computable: boolean };
      };
      expect(h.source).toBe('history');
      expect(h.table1.find((r) => r.type === 'standard_inspection')?.occurrences).toBe(26);
      expect(h.table3.computable).toBe(false);
      const app = run('tables', '--source', 'app', '--json');
      expect(app.status, app.stderr).toBe(0);
      const a = JSON.parse(app.stdout) as { source: string; table1: { type: string }[] };
      expect(a.source).toBe('app');
      expect(a.table1.some((r) => r.type === 'all')).toBe(true);
      const text = run('tables', '--year-start-month', '4', '--year', '2024-25');
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/Table 7: themes of focused visits/);
      expect(text.stdout).toMatch(
        /Table 3[^\n]*\nTable 3 needs the dates of area SEND inspections/,
      );
      const bad = run('tables', '--source', 'plans');
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/source/);
    } finally {
      cli.remove();
    }
  }, 300_000);
});
