import { describe, expect, it } from 'vitest';
import {
  codesOf,
  complementRanges,
  describeExpression,
  intersectRanges,
  matchesRecord,
  matchesUncoded,
  matchingPassages,
  parseCodeExpression,
  positiveCodes,
  type CodeExpr,
} from './code-expression.js';
import type { Range } from './highlight.js';

const A: CodeExpr = { code: 'a' };
const B: CodeExpr = { code: 'b' };
const C: CodeExpr = { code: 'c' };

describe('record-level coding queries', () => {
  it('evaluates AND, OR and NOT on the codes a record carries', () => {
    const q: CodeExpr = { and: [A, { or: [B, { not: C }] }] };
    expect(matchesRecord(q, new Set(['a']))).toBe(true);
    expect(matchesRecord(q, new Set(['a', 'c']))).toBe(false);
    expect(matchesRecord(q, new Set(['a', 'b', 'c']))).toBe(true);
    expect(matchesRecord(q, new Set(['b']))).toBe(false);
    expect(matchesUncoded(q)).toBe(false);
    expect(matchesUncoded({ not: A })).toBe(true);
    expect(codesOf(q)).toEqual(['a', 'b', 'c']);
    expect(positiveCodes(q)).toEqual(['a', 'b']);
  });
});

describe('passage-level coding queries', () => {
  const coded = new Map<string, Range[]>([
    [
      'a',
      [
        [0, 10],
        [20, 30],
      ],
    ],
    ['b', [[5, 25]]],
    ['c', [[8, 9]]],
  ]);

  it('AND is the overlap of coded text, OR the union, NOT the uncoded rest', () => {
    expect(matchingPassages({ and: [A, B] }, coded, 40)).toEqual([
      [5, 10],
      [20, 25],
    ]);
    expect(matchingPassages({ or: [A, B] }, coded, 40)).toEqual([[0, 30]]);
    expect(matchingPassages({ and: [A, { not: C }] }, coded, 40)).toEqual([
      [0, 8],
      [9, 10],
      [20, 30],
    ]);
    expect(matchingPassages({ not: A }, coded, 40)).toEqual([
      [10, 20],
      [30, 40],
    ]);
    expect(matchingPassages({ and: [A, B, C] }, coded, 40)).toEqual([[8, 9]]);
  });

  it('has correct range helpers', () => {
    expect(intersectRanges([[0, 5]], [[5, 9]])).toEqual([]);
    expect(complementRanges([], 3)).toEqual([[0, 3]]);
    expect(complementRanges([[0, 3]], 3)).toEqual([]);
  });
});

describe('the typed form of a coding query', () => {
  const ids: Record<string, string> = { 'front door': 'fd', early_help: 'eh', harm: 'h' };
  const resolve = (n: string) => ids[n.toLowerCase()] ?? null;

  it('parses names, quoted names, AND/OR/NOT and brackets', () => {
    const r = parseCodeExpression('"Front door" AND (early_help OR NOT harm)', resolve);
    expect(r.problems).toEqual([]);
    expect(r.expr).toEqual({
      and: [{ code: 'fd' }, { or: [{ code: 'eh' }, { not: { code: 'h' } }] }],
    });
    expect(describeExpression(r.expr!, (id) => id.toUpperCase())).toBe('FD AND (EH OR NOT H)');
  });

  it('reports unknown codes and syntax errors instead of guessing', () => {
    expect(parseCodeExpression('"Front door" AND nope', resolve).problems).toEqual([
      'No code called "nope" in this codebook',
    ]);
    expect(parseCodeExpression('harm early_help', resolve).problems[0]).toMatch(/Join codes/);
    expect(parseCodeExpression('(harm OR early_help', resolve).problems[0]).toMatch(/not closed/);
    expect(parseCodeExpression('harm AND', resolve).problems[0]).toMatch(/ends where a code/);
    expect(parseCodeExpression('', resolve).problems).toEqual(['Enter at least one code']);
  });
});
