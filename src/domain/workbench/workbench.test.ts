import { describe, expect, it } from 'vitest';
import { cpSlice } from '../evidence/offsets.js';
import { findPassage } from './passage.js';
import { colourClass, segmentText, spanExcerpt } from './segments.js';

const TEXT = 'Zoë 👩‍👧 told inspectors her social worker listens. Zoë said it twice: listens.';

describe('segmentText', () => {
  it('cuts at every coding boundary and gives the text back exactly', () => {
    const spans = [
      { id: 'a', start: 0, end: 3 },
      { id: 'b', start: 2, end: 12 },
      { id: 'c', start: 4, end: 7 },
    ];
    const segs = segmentText(TEXT, spans);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    for (const s of segs) expect(s.text).toBe(cpSlice(TEXT, s.start, s.end));
    expect(segs[0]).toMatchObject({ start: 0, end: 2, text: 'Zo', codingIds: ['a'] });
    expect(segs[1]).toMatchObject({ start: 2, end: 3, text: 'ë', codingIds: ['b', 'a'] });
    // The emoji family is three code points (two emoji and a joiner), coded by b and c.
    expect(segs.find((s) => s.start === 4)).toMatchObject({ text: '👩‍👧', codingIds: ['b', 'c'] });
  });

  it('clips spans outside the text and copes with no codings or no text', () => {
    expect(segmentText('abc', [{ id: 'x', start: 2, end: 99 }]).map((s) => s.text)).toEqual([
      'ab',
      'c',
    ]);
    expect(segmentText('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', codingIds: [] }]);
    expect(segmentText('', [])).toHaveLength(1);
  });
});

describe('spanExcerpt', () => {
  it('shortens long spans without splitting an emoji', () => {
    expect(spanExcerpt(TEXT, 0, 8)).toBe('Zoë 👩‍👧 ');
    expect(spanExcerpt(TEXT, 0, 40, 6)).toBe('Zoë 👩…');
  });
});

describe('colourClass', () => {
  it('maps palette colours to themselves and others to the nearest', () => {
    expect(colourClass('#1d70b8')).toBe('app-wb-c-1d70b8');
    expect(colourClass('#1E71B9')).toBe('app-wb-c-1d70b8');
    expect(colourClass('#ff0000')).toBe('app-wb-c-d4351c');
    expect(colourClass(null)).toBe('app-wb-c-505a5f');
    expect(colourClass('nonsense')).toBe('app-wb-c-505a5f');
  });
});

describe('findPassage', () => {
  it('finds a pasted passage in code points, accents and emoji included', () => {
    const m = findPassage(TEXT, 'Zoë 👩‍👧 told');
    expect(m).toEqual({ ok: true, start: 0, end: 12, occurrences: 1 });
    const decomposed = findPassage(TEXT, 'Zoe\u0308 said');
    expect(decomposed.ok && cpSlice(TEXT, decomposed.start, decomposed.end)).toBe('Zoë said');
  });

  it('matches across different whitespace and picks the asked occurrence', () => {
    const first = findPassage(TEXT, 'listens');
    const second = findPassage(TEXT, 'listens', 2);
    expect(first).toMatchObject({ ok: true, occurrences: 2 });
    expect(second.ok && second.start).toBeGreaterThan(first.ok ? first.start : 0);
    expect(findPassage('one\ntwo  three', 'one two\nthree')).toMatchObject({ ok: true, start: 0 });
  });

  it('explains what is wrong', () => {
    expect(findPassage(TEXT, '   ')).toMatchObject({ ok: false });
    expect(findPassage(TEXT, 'absent words')).toMatchObject({ ok: false, occurrences: 0 });
    const third = findPassage(TEXT, 'listens', 3);
    expect(third.ok).toBe(false);
    expect(!third.ok && third.reason).toContain('2 times');
    expect(findPassage(TEXT, 'a.b(c')).toMatchObject({ ok: false });
  });
});
