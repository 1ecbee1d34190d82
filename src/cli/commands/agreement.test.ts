import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAgreementCommands } from './agreement.js';

async function run(
  ...args: string[]
): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const program = new Command().exitOverride();
  registerAgreementCommands(program);
  await program.parseAsync(['node', 'triangulate', 'agreement', ...args]);
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { out, err, code };
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'agreement-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": observers A-D, 12 units.
const KRIPPENDORFF_2011 =
  'unit,A,B,C,D\n1,1,1,,1\n2,2,2,3,2\n3,3,3,3,3\n4,3,3,3,3\n5,2,2,2,2\n6,1,2,3,4\n7,4,4,4,4\n8,1,1,2,1\n9,2,2,2,2\n10,,5,5,5\n11,,,1,1\n12,,,3,\n';

describe('triangulate agreement', () => {
  it('prints every statistic under its name, with level, weights and interval (JSON)', async () => {
    const file = csv('k.csv', KRIPPENDORFF_2011);
    const { out, code } = await run(
      '--file',
      file,
      '--level',
      'ratio',
      '--unit',
      'case',
      '--resamples',
      '200',
      '--seed',
      '3',
      '--json',
    );
    expect(code).toBeUndefined();
    const report = JSON.parse(out) as {
      unit: string;
      results: {
        name: string;
        level: string | null;
        weights: string | null;
        value: number | null;
        interval: { seed: number; resamples: number } | null;
        units: number;
        raters: number;
      }[];
    };
    expect(report.unit).toBe('case');
    const alpha = report.results.filter((r) => r.name.startsWith("Krippendorff's alpha"));
    expect(alpha.map((r) => [r.level, Number(r.value!.toFixed(3))])).toEqual([
      ['nominal', 0.743],
      ['ordinal', 0.815],
      ['interval', 0.849],
      ['ratio', 0.797],
    ]);
    expect(alpha[0]!.interval).toMatchObject({ seed: 3, resamples: 200 });
    expect(report.results.find((r) => r.name === "Gwet's AC2 (quadratic weights)")).toMatchObject({
      weights: 'quadratic',
      units: 12,
      raters: 4,
    });
  });

  it('gives Cohen unweighted, linear and quadratic for two raters, in text', async () => {
    const file = csv(
      'two.csv',
      'case,Lead,QAM\nc1,Good,Good\nc2,Good,Requires improvement\nc3,Inadequate,Inadequate\nc4,Outstanding,Good\nc5,Requires improvement,Requires improvement\n',
    );
    const { out, code } = await run(
      '--file',
      file,
      '--level',
      'ordinal',
      '--categories',
      'Outstanding,Good,Requires improvement,Inadequate',
      '--resamples',
      '100',
    );
    expect(code).toBeUndefined();
    expect(out).toMatch(/^Cohen's kappa \(unweighted\) +0\.\d{3} +95% interval/m);
    expect(out).toMatch(/^Cohen's kappa \(linear weights\) /m);
    expect(out).toMatch(/^Cohen's kappa \(quadratic weights\) /m);
    expect(out).toMatch(/c2: Lead Good; QAM Requires improvement/);
  });

  it('names the file, row, column and reason for bad input, and exits with 2', async () => {
    const file = csv('bad.csv', 'case,A,B\n1,Good,Gd\n');
    const { err, code } = await run(
      '--file',
      file,
      '--level',
      'ordinal',
      '--categories',
      'Good,Inadequate',
    );
    expect(code).toBe(2);
    expect(err).toContain(
      `${file}, row 2, column C (rater 'B'): 'Gd' is not on the scale (Good, Inadequate)`,
    );
  });

  it('refuses an unknown level', async () => {
    const { err, code } = await run(
      '--file',
      csv('k.csv', KRIPPENDORFF_2011),
      '--level',
      'cardinal',
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--level must be one of nominal, ordinal, interval, ratio/);
  });
});
