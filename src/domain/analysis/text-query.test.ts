import { describe, expect, it } from 'vitest';
import { buildSnippets, highlightRanges, wordTokens, wordsToStem } from './highlight.js';
import {
  formatTextQuery,
  matchesWithoutTerms,
  parseTextQuery,
  positiveLeaves,
  type TextQuery,
} from './text-query.js';

const fmt = (s: string) => {
  const q = parseTextQuery(s);
  return q ? formatTextQuery(q) : null;
};

describe('parseTextQuery', () => {
  it('joins words with AND and keeps phrases, prefixes and the operators', () => {
    expect(fmt('neglect drift')).toBe('neglect AND drift');
    expect(fmt('"child protection plan" OR PLO')).toBe('"child protection plan" OR PLO');
    expect(fmt('visit* -drift')).toBe('visit* AND NOT drift');
    expect(fmt('neglect AND (drift OR delay) NOT "care order"')).toBe(
      'neglect AND (drift OR delay) AND NOT "care order"',
    );
    expect(fmt('a | b')).toBe('a OR b');
  });

  it('AND binds tighter than OR; lower-case and/or/not are ordinary words', () => {
    expect(fmt('a b OR c')).toBe('(a AND b) OR c');
    expect(fmt('care and support')).toBe('care AND and AND support');
  });

  it('never fails: stray brackets, unclosed quotes, dangling operators', () => {
    expect(fmt('(neglect')).toBe('neglect');
    expect(fmt('neglect)')).toBe('neglect');
    expect(fmt('"child protection')).toBe('"child protection"');
    expect(fmt('neglect OR')).toBe('neglect');
    expect(fmt('NOT')).toBeNull();
    expect(fmt('   ')).toBeNull();
    expect(fmt('!!! ???')).toBeNull();
    expect(fmt('NOT NOT drift')).toBe('drift');
    expect(fmt('co-ordinated')).toBe('co-ordinated');
    expect(fmt('"plan"')).toBe('plan');
  });

  it('knows which leaves are positive and whether a query matches without its words', () => {
    const q = parseTextQuery('neglect NOT (drift OR delay)') as TextQuery;
    expect(positiveLeaves(q).map(formatTextQuery)).toEqual(['neglect']);
    expect(matchesWithoutTerms(q)).toBe(false);
    expect(matchesWithoutTerms(parseTextQuery('NOT drift') as TextQuery)).toBe(true);
    expect(matchesWithoutTerms(parseTextQuery('a OR NOT b') as TextQuery)).toBe(true);
  });
});

describe('highlighting by code points', () => {
  // Stems as PostgreSQL's English configuration gives them (stop words have none).
  const stems = new Map<string, string[]>([
    ['the', []],
    ['of', []],
    ['child', ['child']],
    ['children', ['children']],
    ['protection', ['protect']],
    ['protected', ['protect']],
    ['plan', ['plan']],
    ['plans', ['plan']],
    ['amélie', ['améli']],
    ['was', []],
    ['visited', ['visit']],
    ['care', ['care']],
    ['s', []],
  ]);

  it('marks words by stem and phrases only where the whole phrase occurs', () => {
    const text = 'Amélie 👩‍👧 was visited; the plans for the child protection plan drifted.';
    const q = parseTextQuery('"child protection plan" OR visits') as TextQuery;
    const stemsWithQuery = new Map([...stems, ['visits', ['visit']]]);
    const ranges = highlightRanges(text, positiveLeaves(q), stemsWithQuery);
    const cps = Array.from(text);
    expect(ranges.map(([s, e]) => cps.slice(s, e).join(''))).toEqual([
      'visited',
      'child protection plan',
    ]);
    // Offsets are code points: the emoji family counts as 3, not 5 UTF-16 units.
    expect(ranges[0]).toEqual([15, 22]);
  });

  it('lets stop words in a phrase stand for any word, and prefixes match stems', () => {
    const text = 'Care of children; care for children; protected.';
    const ranges = highlightRanges(
      text,
      positiveLeaves(parseTextQuery('"care of children" protect*') as TextQuery),
      new Map([...stems, ['for', []], ['protect', ['protect']]]),
    );
    expect(ranges).toEqual([
      [0, 16],
      [18, 35],
      [37, 46],
    ]);
  });

  it('collects the words to stem and builds snippets around hits', () => {
    expect(wordsToStem(['The child'], [{ kind: 'phrase', text: 'care plan' }]).sort()).toEqual([
      'care',
      'child',
      'plan',
      'the',
    ]);
    const text = `${'word '.repeat(40)}target ${'more '.repeat(40)}`;
    const at = text.indexOf('target');
    const [snip] = buildSnippets(text, [[at, at + 6]], { context: 20 });
    expect(snip?.text).toContain('target');
    expect(snip!.start).toBeLessThan(at);
    expect(snip!.end - snip!.start).toBeLessThan(60);
    expect(buildSnippets('Short text.', [])[0]?.text).toBe('Short text.');
    expect(wordTokens('a👩‍👧b c')).toEqual([
      { start: 0, end: 1, text: 'a' },
      { start: 4, end: 5, text: 'b' },
      { start: 6, end: 7, text: 'c' },
    ]);
  });
});
