// The history parser keeps a small dated copy of the framework files so that it stays pure. This
// test is what keeps the copy in step: a framework version added or changed without updating
// src/domain/history/frameworks.ts fails here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradedJudgements, loadFrameworks } from '../../src/domain/frameworks/index.js';
import { frameworkFor, judgementsOf } from '../../src/domain/history/frameworks.js';
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
});
