import { describe, expect, it } from 'vitest';
import { countOf } from './plural.js';

describe('countOf', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(countOf(1, 'strength')).toBe('1 strength');
    expect(countOf(0, 'strength')).toBe('0 strengths');
    expect(countOf(2, 'weakness', 'weaknesses')).toBe('2 weaknesses');
    expect(countOf(1, 'weakness', 'weaknesses')).toBe('1 weakness');
  });
});
