// `triangulate research records|code|codings`, as one real run of the built CLI on an embedded
// database in a temporary folder (the demo seeded first: its study and thematic codebook).
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate research code and codings', () => {
  it('lists a study’s records, codes a passage by its words and lists the codings', () => {
    const cli = cliSandbox('research-coding-cli-');
    try {
      const { run } = cli;
      expect(run('demo', 'seed').status).toBe(0);
      const as = ['--as', 'researcher@triangulate.example', '--json'];
      const studies = run('research', 'studies', ...as);
      expect(studies.status, studies.stderr).toBe(0);
      const study = (JSON.parse(studies.stdout) as { studies: Array<{ id: string }> }).studies[0]!;
      const before = run('research', 'codings', '--study', study.id, ...as);
      expect(before.status, before.stderr).toBe(0);
      expect(JSON.parse(before.stdout)).toMatchObject({ codings: [], counts: [] });
      const records = run('research', 'records', '--study', study.id, ...as);
      expect(records.status, records.stderr).toBe(0);
      const page = JSON.parse(records.stdout) as {
        records: Array<{ ref: string; text: string }>;
      };
      const rec = page.records[page.records.length - 1]!;
      const words = rec.text.split(/\s+/).slice(0, 4).join(' ');
      const coded = run(
        'research',
        'code',
        '--study',
        study.id,
        '--record',
        rec.ref,
        '--quote',
        words,
        '--occurrence',
        '1',
        '--code',
        'reflective_supervision',
        ...as,
      );
      expect(coded.status, coded.stderr).toBe(0);
      expect(JSON.parse(coded.stdout)).toMatchObject({ record: rec.ref, text: words });
      const refused = run(
        'research',
        'code',
        '--study',
        study.id,
        '--record',
        rec.ref,
        '--quote',
        'words that are nowhere in the record',
        '--code',
        'reflective_supervision',
        ...as,
      );
      expect(refused.status).not.toBe(0);
      expect(refused.stderr + refused.stdout).toContain('not in this record');
      const after = JSON.parse(run('research', 'codings', '--study', study.id, ...as).stdout) as {
        codings: Array<{ record: string }>;
        counts: Array<{ key: string; codings: number }>;
      };
      expect(after.codings.map((c) => c.record)).toContain(rec.ref);
      expect(after.counts).toMatchObject([{ key: 'reflective_supervision', codings: 1 }]);
    } finally {
      cli.remove();
    }
  }, 300_000);
});
