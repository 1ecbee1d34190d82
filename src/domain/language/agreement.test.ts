import { describe, expect, it } from 'vitest';
import { categoryKappa, cohenKappa, precisionRecall, wilson } from './agreement.js';

describe('cohenKappa', () => {
  it('is 1 for identical labels and 0 for agreement no better than chance', () => {
    expect(cohenKappa(['x', 'y', 'x'], ['x', 'y', 'x'])).toBe(1);
    // Each reader says yes half the time, independently: po = 0.5, pe = 0.5.
    expect(cohenKappa(['y', 'y', 'n', 'n'], ['y', 'n', 'y', 'n'])).toBeCloseTo(0, 10);
  });

  it('matches a worked example (po = 0.7, pe = 0.5, kappa = 0.4)', () => {
    // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    const a = [
      ...Array(20).fill('y'),
      ...Array(5).fill('y'),
      ...Array(10).fill('n'),
      ...Array(15).fill('n'),
    ];
    const b = [
      ...Array(20).fill('y'),
      ...Array(5).fill('n'),
      ...Array(10).fill('y'),
      ...Array(15).fill('n'),
    ];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
  });

  it('is negative when readers disagree systematically', () => {
    expect(cohenKappa(['y', 'n', 'y', 'n'], ['n', 'y', 'n', 'y'])).toBeCloseTo(-1, 10);
  });

  it('handles one label used throughout and rejects lists of different length', () => {
    expect(cohenKappa(['fine', 'fine'], ['fine', 'fine'])).toBe(1);
    expect(Number.isNaN(cohenKappa([], []))).toBe(true);
    expect(() => cohenKappa(['a'], [])).toThrow(/differ in length/);
  });

  it('per category reduces to yes/no for that category', () => {
    const a = ['causal', 'fine', 'sweeping', 'causal'];
    const b = ['causal', 'fine', 'fine', 'fine'];
    // causal: yes,no,no,yes vs yes,no,no,no -> po 0.75, pe 0.5*0.25+0.5*0.75 = 0.5 -> 0.5
    expect(categoryKappa(a, b, 'causal')).toBeCloseTo(0.5, 10);
  });
});

describe('wilson', () => {
  it('gives the textbook interval for 8 of 10', () => {
    const w = wilson(8, 10);
    expect(w.value).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
  });

  it('stays inside [0, 1] at the extremes and is uninformative for no trials', () => {
    expect(wilson(0, 5).low).toBe(0);
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(5, 5).low).toBeCloseTo(0.5655, 3);
    const none = wilson(0, 0);
    expect([none.low, none.high]).toEqual([0, 1]);
    expect(() => wilson(3, 2)).toThrow(/0 <= k <= n/);
  });

  it('turns counts into precision and recall', () => {
    const pr = precisionRecall(8, 2, 8);
    expect(pr.precision.value).toBe(0.8);
    expect(pr.recall.value).toBe(0.5);
  });
});
