import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameworksDir } from '../../paths.js';
import { registerFrameworkCommands } from './framework.js';

async function run(
  ...args: string[]
): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const program = new Command().exitOverride();
  registerFrameworkCommands(program);
  await program.parseAsync(['node', 'triangulate', 'framework', ...args]);
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { out, err, code };
}

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe('triangulate framework', () => {
  it('validates a good file and summarises it', async () => {
    const { out, code } = await run('validate', path.join(frameworksDir(), 'ilacs-2023.json'));
    expect(code).toBeUndefined();
    expect(out).toMatch(/^OK: .*ilacs-2023\.json is valid/);
    expect(out).toMatch(/aggregation rules: 3 hard, 3 soft/);
    expect(out).toMatch(/draft paraphrases/);
  });

  it('lists every version as JSON', async () => {
    const { out } = await run('list', '--json');
    expect((JSON.parse(out) as Array<{ id: string }>).map((f) => f.id)).toEqual([
      'sif-2013',
      'ilacs-2018',
      'ilacs-2023',
      'ilacs-2026',
    ]);
  });

  it('prints file, path and reason for an invalid file and exits with 2', async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'frameworks-'));
    const file = path.join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, id: 'bad' }));
    const text = await run('validate', file);
    expect(text.code).toBe(2);
    expect(text.err).toContain(`Error [FRAMEWORK_INVALID]`);
    expect(text.err).toContain(`${file}, field 'family':`);
    const json = await run('validate', file, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.err).error.details[0]).toMatchObject({ file, field: 'family' });
  });
});
