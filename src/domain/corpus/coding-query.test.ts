import { describe, expect, it } from 'vitest';
import { locatePassage } from '../workbench/passage.js';
import { codingMatrix, inStudyCorpus, studyCorpusFilters } from './coding-query.js';

describe("a study's corpus", () => {
  it('narrows the selection by the page’s filters, never widening it', () => {
    expect(studyCorpusFilters({ regions: ['London'] }, {})).toMatchObject({ regions: ['London'] });
    expect(studyCorpusFilters({}, { years: [2019] })).toMatchObject({ years: [2019] });
    expect(studyCorpusFilters({ years: [2019, 2020] }, { years: [2020, 2021] })).toMatchObject({
      years: [2020],
    });
    expect(studyCorpusFilters({ years: [2019] }, { years: [2021] })).toMatchObject({ years: [-1] });
    expect(studyCorpusFilters({ sizeBands: ['small'] }, { kinds: ['letter'] })).toEqual({
      regions: [],
      years: [],
      frameworkIds: [],
      grades: [],
      kinds: ['letter'],
    });
  });

  it('takes in a report by region, grade, framework and year', () => {
    const doc = {
      region: 'London',
      grade: 'good',
      frameworkId: 'ilacs-2023',
      publishedOn: '2024-02-01',
    };
    expect(inStudyCorpus({}, doc)).toBe(true);
    expect(inStudyCorpus({ regions: ['London'], years: [2024], grades: ['good'] }, doc)).toBe(true);
    expect(inStudyCorpus({ years: [2023] }, doc)).toBe(false);
    expect(inStudyCorpus({ grades: ['good'] }, { ...doc, grade: null })).toBe(false);
  });
});

describe('the coding matrix', () => {
  it('orders grade columns, puts not known last and adds each row’s reports', () => {
    const m = codingMatrix(
      'grade',
      [
        { themeKey: 'a', themeName: 'A', value: null, codings: 2, documents: 1 },
        { themeKey: 'a', themeName: 'A', value: 'inadequate', codings: 1, documents: 1 },
        { themeKey: 'a', themeName: 'A', value: 'good', codings: 3, documents: 2 },
      ],
      [
        { key: 'a', name: 'A' },
        { key: 'b', name: 'B' },
      ],
      [],
    );
    expect(m.columns.map((c) => c.key)).toEqual(['good', 'inadequate', 'unknown']);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]).toMatchObject({ codings: 6, documents: 4 });
    expect(m.rows[0]!.cells.map((c) => c.codings)).toEqual([3, 1, 2]);
  });
});

describe('locating a passage', () => {
  const text = 'Supervision is regular. 👩‍👧 Supervision is reflective.';
  it('uses a selection’s offsets (code points), trimmed, while they hold the words', () => {
    const chars = Array.from(text);
    const start = chars.indexOf('👩');
    expect(
      locatePassage(text, { quote: ' 👩‍👧 Supervision', start: start - 1, end: start + 15 }),
    ).toEqual({
      ok: true,
      start,
      end: start + 15,
    });
  });
  it('falls back to the words, refusing them when ambiguous', () => {
    expect(locatePassage(text, { quote: 'Supervision', start: 0, end: 3 }, 'report')).toMatchObject(
      {
        ok: false,
        reason: expect.stringContaining('appear 2 times in this report'),
      },
    );
    expect(locatePassage(text, { quote: 'Supervision', occurrence: 2 })).toMatchObject({
      ok: true,
    });
    expect(locatePassage(text, { quote: 'absent' }, 'report')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not in this report'),
    });
  });
});
