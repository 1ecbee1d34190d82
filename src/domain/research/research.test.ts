import { describe, expect, it } from 'vitest';
import { normaliseCodeName, rowSource, withMapping } from './codebook.js';
import { parseDeprivationCsv } from './deprivation.js';
import { decilesFromScores } from './dimensions.js';
import { pseudonymisePassage } from './pseudonymise.js';
import { researchSettings } from './settings.js';
import { mayOpenCell, suppressCount } from './suppression.js';

const none = { references: [], people: [], places: [] };

describe('pseudonymisePassage', () => {
  it('replaces known references, staff names (and their surnames) and places', () => {
    const out = pseudonymisePassage(
      'Jo Bloggs visited C1234 at home in Northfield; Bloggs recorded it. C1234 was seen alone.',
      { references: ['C1234'], people: ['Jo Bloggs <jo@example.org>'], places: ['Northfield'] },
    );
    expect(out.text).toBe(
      '[person 1] visited [reference 1] at home in [the local authority]; [person 2] recorded it. [reference 1] was seen alone.',
    );
    expect(out.replaced).toBe(5);
  });

  it('replaces names, dates of birth, postcodes, phone numbers and reference-like numbers it finds', () => {
    const out = pseudonymisePassage(
      'Mrs Patel said that her son, known as Kai, born 3 March 2015, lives at 12 Acacia Avenue, B1 1AA (07700 900123), LCS-204311.',
      none,
    );
    for (const s of ['Patel', 'Kai', '3 March 2015', 'Acacia', 'B1 1AA', '07700', '204311'])
      expect(out.text).not.toContain(s);
    expect(out.text).toContain('[date of birth]');
    expect(out.text).toContain('[postcode]');
  });

  it('keeps years, roles and ordinary prose', () => {
    const text = 'In 2024 the social worker and the team manager met the child weekly.';
    expect(pseudonymisePassage(text, none)).toEqual({ text, replaced: 0 });
  });

  it('gives the same text the same label within a passage', () => {
    const out = pseudonymisePassage('Mr Smith met Mr Jones; Mr Smith left.', none);
    expect(out.text).toBe('Mr [person 1] met Mr [person 2]; Mr [person 1] left.');
  });

  it('keeps emoji and accents around replacements intact', () => {
    const out = pseudonymisePassage('Amélie 👩‍👧 saw C99 with Jo Bloggs.', {
      ...none,
      people: ['Jo Bloggs'],
      references: ['C99'],
    });
    expect(out.text).toContain('👩‍👧 saw [reference 1] with [person 1].');
  });
});

describe('suppression', () => {
  it('suppresses 1 to threshold - 1, never 0 or the threshold', () => {
    expect(suppressCount(0, 5)).toEqual({ value: 0, suppressed: false, display: '0' });
    expect(suppressCount(1, 5)).toEqual({ value: null, suppressed: true, display: '<5' });
    expect(suppressCount(4, 5).suppressed).toBe(true);
    expect(suppressCount(5, 5)).toEqual({ value: 5, suppressed: false, display: '5' });
    expect(mayOpenCell(4, 5)).toBe(false);
    expect(mayOpenCell(0, 5)).toBe(false);
    expect(mayOpenCell(5, 5)).toBe(true);
  });

  it('reads the threshold from the settings file (5)', () => {
    expect(researchSettings().suppressionThreshold).toBe(5);
  });
});

describe('thematic codebook', () => {
  it('versions mappings by re-pointing one source at a time', () => {
    let m = withMapping([], {
      sourceKind: 'emergent',
      sourceKey: '  Reflective  Supervision ',
      thematicKey: 'sup',
    });
    m = withMapping(m, {
      sourceKind: 'criterion',
      sourceKey: 'leaders.workforce',
      thematicKey: 'sup',
    });
    expect(rowSource('theme:sup', m)).toEqual({
      criterionKeys: ['leaders.workforce'],
      emergentNames: ['reflective supervision'],
    });
    m = withMapping(m, {
      sourceKind: 'emergent',
      sourceKey: 'reflective supervision',
      thematicKey: null,
    });
    expect(rowSource('theme:sup', m).emergentNames).toEqual([]);
    expect(rowSource('criterion:a.b', m)).toEqual({ criterionKeys: ['a.b'], emergentNames: [] });
    expect(normaliseCodeName(' A  B ')).toBe('a b');
  });
});

describe('deprivation CSV', () => {
  it('reads LA, score and decile columns loosely and reports bad lines', () => {
    const r = parseDeprivationCsv(
      '\uFEFFLA code,"IDACI score",IDACI decile\nE08000001,0.31,1\nE08000002,x,2\n"Kingston, upon Thames",0.1,11\n',
    );
    expect(r.rows).toEqual([{ line: 2, la: 'E08000001', score: 0.31, decile: 1 }]);
    expect(r.problems).toHaveLength(2);
    expect(parseDeprivationCsv('foo,bar\n1,2').problems[0]).toMatch(/No LA column/);
  });

  it('computes deciles from scores, higher scores more deprived', () => {
    expect(decilesFromScores([0.1, 0.5, 0.3, 0.2, 0.4, 0.05, 0.6, 0.7, 0.8, 0.9])).toEqual([
      9, 5, 7, 8, 6, 10, 4, 3, 2, 1,
    ]);
  });
});
