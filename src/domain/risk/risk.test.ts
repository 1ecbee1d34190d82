import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { riskModelsDir } from '../../paths.js';
import {
  addMonths,
  combineRatings,
  defaultNextReview,
  directionOfTravel,
  ratingProblems,
} from './combine.js';
import { markingProblems, visibleToLa } from './intelligence.js';
import { loadRiskModels, parseRiskModel } from './load.js';

const registry = loadRiskModels(riskModelsDir());
const model = registry.inForce('2026-12-07')!;
const all = (rating: string) => Object.fromEntries(model.domains.map((d) => [d.key, rating]));

describe('the installed risk model', () => {
  it('loads, and is in force today', () => {
    expect(model.id).toBe('ilacs-risk-2026');
    expect(model.domains.length).toBeGreaterThan(3);
  });

  it('combines ratings by the rule in the file', () => {
    expect(combineRatings(model, all('green'))).toBe('low');
    const [first, second, third] = model.domains.map((d) => d.key);
    expect(combineRatings(model, { ...all('green'), [second!]: 'red' })).toBe('medium');
    expect(combineRatings(model, { ...all('green'), [second!]: 'red', [third!]: 'red' })).toBe(
      'high',
    );
    // The rule names one domain whose red alone is high (the first in the file).
    expect(combineRatings(model, { ...all('green'), [first!]: 'red' })).toBe('high');
    expect(combineRatings(model, { ...all('green'), [second!]: 'amber', [third!]: 'amber' })).toBe(
      'low',
    );
  });

  it('names unrated domains and unknown ratings', () => {
    const [first] = model.domains.map((d) => d.key);
    const problems = ratingProblems(model, { ...all('green'), [first!]: 'purple' });
    expect(problems).toEqual([expect.objectContaining({ field: `rating.${first}` })]);
    expect(ratingProblems(model, {}).length).toBe(model.domains.length);
  });

  it('gives direction of travel and the default review date', () => {
    expect(directionOfTravel(model, null, 'low')).toBe('new');
    expect(directionOfTravel(model, 'low', 'high')).toBe('up');
    expect(directionOfTravel(model, 'high', 'medium')).toBe('down');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(defaultNextReview(model, 'high', '2026-11-30')).toBe('2027-02-28');
  });
});

describe('risk model files', () => {
  it('a bad file is refused with file, field and reason', () => {
    const raw = JSON.parse(readFileSync(path.join(riskModelsDir(), `${model.id}.json`), 'utf8'));
    raw.rule.levels[0].anyOf[0].rating = 'scarlet';
    expect(() => parseRiskModel(raw, `${model.id}.json`)).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ field: 'rule.levels[0].anyOf[0].rating' })],
      }),
    );
  });

  it('a new version is a new file, with no code change', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'risk-models-'));
    const raw = JSON.parse(readFileSync(path.join(riskModelsDir(), `${model.id}.json`), 'utf8'));
    writeFileSync(
      path.join(dir, `${model.id}.json`),
      JSON.stringify({ ...raw, validTo: '2027-12-31' }),
    );
    const next = { ...raw, id: 'ilacs-risk-2028', validFrom: '2028-01-01' };
    next.domains = [...raw.domains, { key: 'new_domain', title: 'A new domain', kinds: [] }];
    writeFileSync(path.join(dir, 'ilacs-risk-2028.json'), JSON.stringify(next));
    const r = loadRiskModels(dir);
    expect(r.inForce('2027-06-01')?.id).toBe(model.id);
    expect(r.inForce('2028-06-01')?.domains.at(-1)?.key).toBe('new_domain');
  });
});

describe('intelligence visibility', () => {
  it('whistle-blowing and complaints never reach the LA', () => {
    expect(
      visibleToLa({ kind: 'whistleblowing', sensitivity: 'standard', sharedWithLa: true }),
    ).toBe(false);
    expect(visibleToLa({ kind: 'other', sensitivity: 'standard', sharedWithLa: true })).toBe(true);
    expect(visibleToLa({ kind: 'other', sensitivity: 'standard', sharedWithLa: false })).toBe(
      false,
    );
    expect(
      markingProblems({ kind: 'complaint', sensitivity: 'confidential', sharedWithLa: true }),
    ).toHaveLength(2);
  });
});
