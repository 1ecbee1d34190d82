// The history parser keeps a small dated copy of the framework files so that it stays pure. This
// test is what keeps the copy in step: a framework version added or changed without updating
// src/domain/history/frameworks.ts fails here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradedJudgements, loadFrameworks } from '../../src/domain/frameworks/index.js';
import { historyFormats } from '../../src/domain/history/formats.js';
import { frameworkFor, judgementsOf } from '../../src/domain/history/frameworks.js';
import { readGrade } from '../../src/domain/history/values.js';
import { projectRoot } from '../../src/paths.js';

describe('the history parser’s dated copy of the frameworks', () => {
  const registry = loadFrameworks(path.join(projectRoot(), 'frameworks'));

  it('names every framework file with its start date and graded judgements', () => {
    const frameworks = registry.list();
    expect(frameworks.length).toBeGreaterThanOrEqual(4);
    for (const fw of frameworks) {
      const type = fw.family === 'sif' ? 'sif_inspection' : 'standard_inspection';
      expect(frameworkFor(fw.validFrom, type), fw.id).toBe(fw.id);
      expect([...judgementsOf(fw.id)].sort(), fw.id).toEqual(
        gradedJudgements(fw)
          .map((j) => j.key)
          .sort(),
      );
    }
  });

  it('reads the SIF extract into exactly the SIF framework’s judgements, and its grade labels', () => {
    const sif = registry.get('sif-2013');
    const format = historyFormats.find((f) => f.id === 'sif-extract');
    expect(sif && format).toBeTruthy();
    if (!sif || !format) return;
    expect(Object.keys(format.grades).sort()).toEqual(
      gradedJudgements(sif)
        .map((j) => j.key)
        .sort(),
    );
    for (const g of sif.grades) {
      for (const label of [
        g.label,
        g.shortLabel,
        ...g.aliases,
        ...g.labelVariants.map((v) => v.label),
      ]) {
        expect(readGrade(label), label).toEqual({ ok: true, value: g.key });
      }
    }
  });
});
