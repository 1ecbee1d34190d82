import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerLintReportCommands } from './lint-report.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const program = new Command().exitOverride();
  registerLintReportCommands(program);
  await program.parseAsync(['node', 'triangulate', 'lint-report', ...args]);
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { out, err, code };
}

const LETTER = [
  'Focused visit to Someshire children’s services',
  'All children are kept safe.',
  'Leaders should introduce a new panel.',
].join('\n');

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'lint-report-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('triangulate lint-report', () => {
  it('prints findings like a compiler and exits 0', async () => {
    const file = path.join(tmp, 'letter.txt');
    writeFileSync(file, LETTER);
    const { out, code } = await run(file);
    expect(code).toBeUndefined();
    expect(out).toContain(`${file}:2:1  sweeping-quantifier  “All” generalises from a sample.`);
    expect(out).toContain(`${file}:3:9  prescription`);
    expect(out).toMatch(/3 findings .* checked as focused-visit-letter/);
  });

  it('prints a JSON array, or NDJSON, and fails on findings when asked', async () => {
    const file = path.join(tmp, 'letter.txt');
    writeFileSync(file, LETTER);
    const json = await run(file, '--json', '--kind', 'inspection-report', '--fail-on-findings');
    const findings = JSON.parse(json.out) as Array<Record<string, unknown>>;
    // The prescription rule runs on reports as well as letters.
    expect(findings.map((f) => f.rule)).toEqual([
      'sweeping-quantifier',
      'certainty',
      'prescription',
    ]);
    expect(Object.keys(findings[0]!)).toEqual(
      expect.arrayContaining(['rule', 'line', 'column', 'text', 'message', 'suggestion']),
    );
    expect(json.code).toBe(1);
    const nd = await run(file, '--ndjson', '--rules', 'certainty');
    expect(
      nd.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).rule),
    ).toEqual(['certainty']);
  });

  it('reads DOCX files', async () => {
    const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The MASH is quick.</w:t></w:r></w:p></w:body></w:document>`;
    const file = path.join(tmp, 'report.docx');
    writeFileSync(file, zipSync({ 'word/document.xml': strToU8(xml) }));
    const { out } = await run(file, '--json');
    expect(JSON.parse(out)).toMatchObject([{ rule: 'unexplained-acronym', line: 1, column: 5 }]);
  });

  it('rejects unknown rules and unreadable files with clear errors', async () => {
    const bad = await run(path.join(tmp, 'x.txt'), '--rules', 'nope');
    expect(bad.err).toMatch(/Unknown rule\(s\): nope/);
    expect(bad.code).toBe(2);
    const missing = await run(path.join(tmp, 'missing.txt'));
    expect(missing.err).toMatch(/DOCUMENT_UNREADABLE/);
    expect(missing.code).toBe(1);
  });
});
