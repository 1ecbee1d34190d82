import { describe, expect, it } from 'vitest';
import { cpSlice } from './offsets.js';
import { commonEnds, nearestOccurrence, reanchor, type Anchor } from './reanchor.js';

function anchor(text: string, words: string, nth = 0): Anchor {
  const cps = Array.from(text);
  const w = Array.from(words);
  let seen = 0;
  for (let i = 0; i + w.length <= cps.length; i++) {
    if (cps.slice(i, i + w.length).join('') === words && seen++ === nth)
      return { start: i, end: i + w.length, spanText: words };
  }
  throw new Error(`${words} not in text`);
}

const BEFORE = 'Zoë 👩‍👧 said she feels safe. Her social worker visits weekly.';

describe('re-anchoring codings after an edit', () => {
  it('finds the shared start and end in code points', () => {
    expect(commonEnds('abc👩xyz', 'abc👧xyz')).toEqual({ prefix: 3, suffix: 3 });
    expect(commonEnds('aaa', 'aaaa')).toEqual({ prefix: 3, suffix: 0 });
  });

  it('keeps codings before the edit and shifts codings after it', () => {
    const after = BEFORE.replace('feels safe', 'feels very safe');
    const [zoe, weekly] = reanchor(BEFORE, after, [
      anchor(BEFORE, 'Zoë 👩‍👧 said'),
      anchor(BEFORE, 'visits weekly'),
    ]);
    expect(zoe).toEqual({ start: 0, end: 12, status: 'ok' });
    expect(weekly?.status).toBe('ok');
    expect(cpSlice(after, weekly!.start, weekly!.end)).toBe('visits weekly');
  });

  it('finds unchanged words again when the edit surrounds them', () => {
    const after = `Visit 2. ${BEFORE.replace('weekly', 'every fortnight')}`;
    const [zoe] = reanchor(BEFORE, after, [anchor(BEFORE, 'Zoë 👩‍👧 said')]);
    expect(zoe).toEqual({ start: 9, end: 21, status: 'ok' });
  });

  it('flags codings whose words were changed, never moving them onto other words', () => {
    const after = BEFORE.replace('feels safe', 'is frightened');
    const [safe] = reanchor(BEFORE, after, [anchor(BEFORE, 'feels safe')]);
    expect(safe?.status).toBe('lost');
    expect(safe!.end).toBeGreaterThan(safe!.start);
  });

  it('marks a guess among repeated words as moved, and finds lost words that come back', () => {
    const text = 'safe at home. safe at school.';
    const after = `Notes. ${text.replace('home', 'nan’s')} safe at home.`;
    const [first] = reanchor(text, after, [anchor(text, 'safe at home')]);
    expect(first?.status).toBe('ok');
    const twice = 'He said yes. She said yes.';
    const edited = 'He said yes, and then she said yes again.';
    const [yes] = reanchor(twice, edited, [anchor(twice, 'said yes', 1)]);
    expect(yes?.status).toBe('moved');
    expect(cpSlice(edited, yes!.start, yes!.end)).toBe('said yes');
    const lost = { start: 0, end: 4, spanText: 'gone', lost: true };
    expect(reanchor('a', 'it is gone now', [lost])[0]).toMatchObject({ start: 6, status: 'ok' });
    expect(reanchor('a', 'nothing', [lost])[0]?.status).toBe('lost');
  });

  it('counts occurrences in code points', () => {
    expect(nearestOccurrence('👩 ab 👩 ab', 'ab', 5)).toEqual({ start: 7, count: 2 });
    expect(nearestOccurrence('👩 ab 👩 ab', 'ab', 0)).toEqual({ start: 2, count: 2 });
    expect(nearestOccurrence('xyz', 'ab', 0)).toBeNull();
  });
});
