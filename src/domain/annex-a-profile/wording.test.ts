// What the profile says to people: definitions and suggested titles read as sentences for every
// indicator in the catalogue, and the register fills what the benchmark tables lack.
import { describe, expect, it } from 'vitest';
import { compare, loadBenchmarks, populationOf, withRegisterFacts } from './benchmarks.js';
import { candidateFor } from './candidates.js';
import { definitionText, indicatorDefinitions } from './indicators.js';

describe('indicator wording', () => {
  it('never shows a placeholder denominator in a definition', () => {
    for (const def of indicatorDefinitions) {
      const text = definitionText(def);
      expect(text, def.key).not.toMatch(/÷ -|÷\s*\./);
      expect(text, def.key).toMatch(/^[A-Z].*\. [A-Z].*\. Source: .+\.$/);
    }
    const count = indicatorDefinitions.find((d) => d.key === 'early_help.count')!;
    expect(definitionText(count)).toBe(
      'Rows of List 2. The six months before the reference date (the list’s own scope). Source: List 2.',
    );
  });

  it('suggests a grammatical title for every indicator, whatever its name', () => {
    const worse = { england: 10, snAverage: 10, snMin: 9, snMax: 11 } as const;
    for (const def of indicatorDefinitions) {
      if (def.polarity === 'neither') continue;
      const value = def.polarity === 'higher' ? 1 : 90;
      const c = candidateFor(
        def,
        value,
        1000,
        { ...compare(loadBenchmarks(), null, 'x', value), ...worse },
        null,
      );
      if (!c) continue;
      expect(c.suggestedTitle, def.key).toContain(`“${def.title}”`);
      expect(c.suggestedTitle, def.key).not.toMatch(/^Why are/);
    }
    const stability = indicatorDefinitions.find((d) => d.key.includes('long_term_stability'))!;
    const c = candidateFor(
      stability,
      1,
      1000,
      { ...compare(loadBenchmarks(), null, 'x', 1), ...worse },
      null,
    );
    expect(c?.suggestedTitle).toBe(
      'Why is the figure for “Long-term stability: same placement for 2 years” worse than in similar areas, and what difference does it make to children?',
    );
  });
});

describe('register facts in the benchmarks', () => {
  const register = {
    dfeCode: '999',
    name: 'Northfield (demo)',
    onsRegion: 'North West',
    population0to17: 61_500,
    statNeighbours: ['350', '352'],
  };

  it('gives an authority missing from the tables its region, neighbours and population', () => {
    const b = withRegisterFacts(loadBenchmarks(), register);
    expect(populationOf(b, '999')).toBe(61_500);
    const cmp = compare(b, '999', 'cp.repeat_percent', 20);
    expect(cmp.regionName).toBe('North West');
    expect(cmp.region).not.toBeNull();
    expect(cmp.snCount).toBe(2);
    expect(populationOf(loadBenchmarks(), '999')).toBeNull();
  });

  it('keeps what the tables already say', () => {
    const b = loadBenchmarks();
    const own = b.las['352']!;
    const filled = withRegisterFacts(b, { ...register, dfeCode: '352', onsRegion: 'London' });
    expect(filled.las['352']).toEqual(own);
  });
});
