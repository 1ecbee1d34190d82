import { describe, expect, it } from 'vitest';
import { loadFrameworks } from '../frameworks/index.js';
import { frameworksDir } from '../../paths.js';
import { evidenceAreas, humaniseKey, seedCodebook } from './codebook-seed.js';

const registry = loadFrameworks(frameworksDir());

describe('codebook seed', () => {
  it('humanises criterion keys into short code names', () => {
    expect(humaniseKey('help_and_protection.front_door')).toBe('Front door');
    expect(humaniseKey('help_and_protection.homeless_16_17')).toBe('Homeless 16-17');
    expect(humaniseKey('children_in_care.uasc')).toBe('UASC');
  });

  it('makes judgement areas folders and criteria codes, for every framework version', () => {
    for (const fw of registry.list()) {
      const seed = seedCodebook(fw);
      const folders = seed.filter((s) => !s.isCodable);
      expect(folders.map((f) => f.frameworkKey)).toEqual(evidenceAreas(fw).map((a) => a.key));
      for (const code of seed.filter((s) => s.isCodable)) {
        expect(folders.some((f) => f.frameworkKey === code.parentKey)).toBe(true);
        expect(code.description).toBeTruthy();
      }
      const keys = seed.map((s) => s.frameworkKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const ilacs = seedCodebook(registry.get('ilacs-2023')!);
    expect(ilacs.filter((s) => s.isCodable)).toHaveLength(46);
    expect(ilacs[0]).toMatchObject({ name: 'Impact of leaders', isCodable: false });
  });
});
