import { describe, expect, it } from 'vitest';
import { areaSpread, ratingsTableOf, type RatedCase } from './case-rating-spread.js';

const GRADES = [
  { key: 'outstanding', label: 'Outstanding' },
  { key: 'good', label: 'Good' },
  { key: 'requires_improvement', label: 'Requires improvement to be good' },
  { key: 'inadequate', label: 'Inadequate' },
];

/** Slough's director (seed 004): of 106 cases, about a third each good, RI and inadequate. */
function slough(): RatedCase[] {
  const grades = [
    ...Array<string>(38).fill('good'),
    ...Array<string>(36).fill('requires_improvement'),
    ...Array<string>(32).fill('inadequate'),
  ];
  return grades.map((grade, i) => ({
    caseId: `s${i}`,
    childRef: `C-${i}`,
    cohort: i % 2 ? 'child_in_care' : 'child_in_need',
    grades: [{ rater: 'Inspector A', grade }],
  }));
}

describe('the spread of case ratings', () => {
  it('says what a one-word grade hides: of 106 cases, 38 good, 36 RI, 32 inadequate', () => {
    const s = areaSpread(GRADES, slough());
    expect(s.sentence).toBe(
      'Of 106 cases, 38 good, 36 requires improvement to be good, 32 inadequate',
    );
    expect(s.counts.map((c) => c.count)).toEqual([0, 38, 36, 32]);
    expect(s.byCohort.map((c) => [c.cohort, c.cases])).toEqual([
      ['child_in_need', 53],
      ['child_in_care', 53],
    ]);
  });

  it('counts cases two inspectors rated differently apart, and skips cases nobody rated', () => {
    const cases: RatedCase[] = [
      {
        caseId: 'a',
        childRef: 'C-a',
        cohort: 'cin',
        grades: [
          { rater: 'A', grade: 'good' },
          { rater: 'B', grade: 'good' },
        ],
      },
      {
        caseId: 'b',
        childRef: 'C-b',
        cohort: 'cin',
        grades: [
          { rater: 'A', grade: 'good' },
          { rater: 'B', grade: 'inadequate' },
        ],
      },
      { caseId: 'c', childRef: 'C-c', cohort: 'cin', grades: [] },
    ];
    const s = areaSpread(GRADES, cases);
    expect(s.sentence).toBe('Of 2 cases, 1 good, 1 rated differently by different inspectors');
    expect(ratingsTableOf(cases)).toEqual({
      unit: 'case',
      raters: ['A', 'B'],
      units: [
        { id: 'C-a', ratings: ['good', 'good'] },
        { id: 'C-b', ratings: ['good', 'inadequate'] },
      ],
    });
    expect(areaSpread(GRADES, [cases[2]!]).sentence).toBe('No cases rated yet');
  });
});
