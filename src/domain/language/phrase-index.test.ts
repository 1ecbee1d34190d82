import { describe, expect, it } from 'vitest';
import { PhraseIndex, tokenize } from './phrase-index.js';

describe('PhraseIndex', () => {
  it('counts each shingle once per document and weights recent documents', () => {
    const idx = new PhraseIndex(3, 2);
    idx.add('Plans are clear. Plans are clear.');
    idx.add('Plans are clear and timely.');
    idx.add('Something else entirely here.');
    const words = tokenize('plans are clear').map((t) => t.word);
    const [stats] = idx.lookup(words);
    expect(stats!.reports).toBe(2);
    expect(stats!.recentShare).toBeGreaterThan(0);
    expect(stats!.recentShare).toBeLessThan(2 / 3);
    expect(idx.lookup(['not', 'in', 'index'])[0]!.reports).toBe(0);
    expect(idx.size).toBe(3);
  });

  it('normalises case and apostrophes', () => {
    expect(tokenize('Children’s PLANS')).toEqual([
      { word: "children's", start: 0, end: 10 },
      { word: 'plans', start: 11, end: 16 },
    ]);
  });
});
