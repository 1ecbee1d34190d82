// `triangulate intel add|list|attach|files|download|remove-file` and `triangulate risk assess|show|list`, as one real run of the
// built CLI on an embedded database in a temporary folder (the demo seeded first).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

describe.runIf(testEngine() === 'pglite')('triangulate intel and risk', () => {
  it('records, lists, assesses, shows and lists by region', () => {
    const cli = cliSandbox('risk-cli-');
    try {
      const { run, dir } = cli;
      expect(run('demo', 'seed').status).toBe(0);
      const as = ['--as', 'regional@triangulate.example'];
      const added = run(
        'intel',
        'add',
        '--la',
        'demo-northfield',
        '--kind',
        'serious_incident',
        '--title',
        'CLI notification',
        '--source',
        'SIN',
        '--received',
        '2026-03-01',
        '--domain',
        'serious_incidents',
        ...as,
        '--json',
      );
      expect(added.status, added.stderr).toBe(0);
      const entry = JSON.parse(added.stdout) as { id: string };
      const listed = run(
        'intel',
        'list',
        '--la',
        'demo-northfield',
        '--kind',
        'serious_incident',
        '--json',
      );
      expect(listed.status, listed.stderr).toBe(0);
      const page = JSON.parse(listed.stdout) as { entries: { id: string }[] };
      expect(page.entries.map((e) => e.id)).toContain(entry.id);

      // A document kept beside the entry, listed and written back to disk; the LA cannot.
      const pdf = path.join(dir, 'notification.pdf');
      writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
      const entryOpts = ['--la', 'demo-northfield', '--entry', entry.id];
      const attached = run('intel', 'attach', ...entryOpts, '--file', pdf, ...as, '--json');
      expect(attached.status, attached.stderr).toBe(0);
      const file = JSON.parse(attached.stdout) as { id: string; mediaType: string };
      expect(file.mediaType).toBe('application/pdf');
      const files = run('intel', 'files', ...entryOpts, '--json');
      expect((JSON.parse(files.stdout) as { id: string }[]).map((f) => f.id)).toEqual([file.id]);
      const out = path.join(dir, 'copy.pdf');
      const written = run('intel', 'download', ...entryOpts, '--id', file.id, '--out', out);
      expect(written.status, written.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(pdf, 'utf8'));
      const laAttach = run(
        'intel',
        'attach',
        ...entryOpts,
        '--file',
        pdf,
        '--as',
        'dcs@northfield.example',
        '--json',
      );
      expect(laAttach.status).toBe(1);
      expect(JSON.parse(laAttach.stderr).error.code).toBe('NOT_FOUND');
      const remove = ['intel', 'remove-file', ...entryOpts, '--id', file.id];
      const laRemove = run(...remove, '--as', 'dcs@northfield.example', '--json');
      expect(JSON.parse(laRemove.stderr).error.code).toBe('NOT_FOUND');
      const removed = run(...remove, '--reason', 'Duplicate', ...as, '--json');
      expect(removed.status, removed.stderr).toBe(0);
      expect(JSON.parse(removed.stdout)).toMatchObject({ removed: true, id: file.id });
      expect(JSON.parse(run('intel', 'files', ...entryOpts, '--json').stdout)).toEqual([]);

      // An LA user is refused as if nothing were there.
      const la = run('risk', 'show', 'demo-northfield', '--as', 'dcs@northfield.example', '--json');
      expect(la.status).toBe(1);
      expect(JSON.parse(la.stderr).error.code).toBe('NOT_FOUND');

      const shown = JSON.parse(run('risk', 'show', 'demo-northfield', '--json').stdout) as {
        current: { version: number; domains: { key: string }[] };
      };
      const rates = shown.current.domains.flatMap((d) => [
        '--rate',
        `${d.key}=green`,
        '--justify',
        `${d.key}=Fine`,
      ]);
      const missing = run(
        'risk',
        'assess',
        '--la',
        'demo-northfield',
        '--rate',
        `${shown.current.domains[0]!.key}=red`,
        '--reason',
        'x',
        ...as,
        '--json',
      );
      expect(missing.status).toBe(2);
      const assessed = run(
        'risk',
        'assess',
        '--la',
        'demo-northfield',
        ...rates,
        '--evidence',
        `serious_incidents=${entry.id}`,
        '--reason',
        'CLI review',
        ...as,
        '--json',
      );
      expect(assessed.status, assessed.stderr).toBe(0);
      const a = JSON.parse(assessed.stdout) as { version: number; overallLevel: string };
      expect(a.version).toBe(shown.current.version + 1);
      expect(a.overallLevel).toBe('low');

      const region = run('risk', 'list', '--region', 'north west', '--json');
      expect(region.status, region.stderr).toBe(0);
      const rows = (JSON.parse(region.stdout) as { localAuthorities: { la: { id: string } }[] })
        .localAuthorities;
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.map((r) => r.la.id)).toContain('demo-northfield');
    } finally {
      cli.remove();
    }
  }, 300_000);
});
