import { describe, expect, it } from 'vitest';
import { markSnippet } from './analysis.js';

describe('markSnippet', () => {
  it('brackets highlights given in code points of the whole text', () => {
    // The snippet starts at code point 10 of its record; "👩‍👧" is three code points.
    expect(
      markSnippet({
        start: 10,
        text: 'Zoë 👩‍👧 said the plan drifted',
        highlights: [
          [10, 13],
          [32, 39],
        ],
      }),
    ).toBe('[Zoë] 👩‍👧 said the plan [drifted]');
    expect(markSnippet({ start: 0, text: 'no  hits\nhere', highlights: [] })).toBe('no hits here');
  });
});
