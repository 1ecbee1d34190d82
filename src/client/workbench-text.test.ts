import { describe, expect, it } from 'vitest';
import { cpLength, cpToUtf16 } from '../domain/evidence/offsets.js';
import {
  cpCount,
  cpIndex,
  excerpt,
  nextWordEnd,
  previousWordStart,
  sentenceAt,
} from './workbench-text.js';

const TEXT = 'Joël said: “I’ve had four 👩‍👧 workers.” He knows his IRO. Zoë agreed!';
const chars = Array.from(TEXT);

describe('browser code-point helpers', () => {
  it('count and index as the server does (emoji and accents)', () => {
    expect(cpCount(TEXT)).toBe(cpLength(TEXT));
    for (const cp of [0, 3, 26, 27, 28, 29, cpLength(TEXT)])
      expect(cpIndex(TEXT, cp)).toBe(cpToUtf16(TEXT, cp));
  });

  it('steps word by word', () => {
    expect(chars.slice(0, nextWordEnd(chars, 0)).join('')).toBe('Joël');
    const afterSaid = nextWordEnd(chars, 4);
    expect(chars.slice(5, afterSaid).join('')).toBe('said');
    expect(nextWordEnd(chars, afterSaid)).toBe(nextWordEnd(chars, afterSaid + 1));
    expect(chars.slice(previousWordStart(chars, 9), 9).join('')).toBe('said');
    expect(previousWordStart(chars, 0)).toBe(0);
    expect(nextWordEnd(chars, chars.length)).toBe(chars.length);
  });

  it('selects the sentence around a position', () => {
    const at = chars.indexOf('H');
    const [a, b] = sentenceAt(chars, at + 2);
    expect(chars.slice(a, b).join('')).toBe('He knows his IRO.');
    const [c, d] = sentenceAt(chars, chars.length - 2);
    expect(chars.slice(c, d).join('')).toBe('Zoë agreed!');
  });

  it('shortens excerpts without splitting code points', () => {
    expect(excerpt(chars, 0, 4)).toBe('Joël');
    expect(excerpt(chars, 0, 30, 5)).toBe('Joël…');
  });
});
