import { describe, expect, it } from 'vitest';
import { lintText } from '../language/lint.js';
import { areaSpread, type RatedCase } from './case-rating-spread.js';
import { caseRatingParagraph, cohortLabel } from './case-rating-wording.js';

const GRADES = [
  { key: 'outstanding', label: 'Outstanding' },
  { key: 'good', label: 'Good' },
  { key: 'requires_improvement', label: 'Requires improvement to be good' },
  { key: 'inadequate', label: 'Inadequate' },
];

/** Slough's director (seed 004): of 106 cases, 38 good, 36 requires improvement, 32 inadequate. */
function slough(): RatedCase[] {
  const grades = [
    ...Array<string>(38).fill('good'),
    ...Array<string>(36).fill('requires_improvement'),
    ...Array<string>(32).fill('inadequate'),
  ];
  return grades.map((grade, i) => ({
    caseId: `s${i}`,
    childRef: `C-${i}`,
    cohort: i < 60 ? 'child_in_need' : 'child_in_care',
    grades: [{ rater: 'A', grade }],
  }));
}

describe('case-rating spreads in a report’s words', () => {
  it('says the Slough spread by area and by group, and passes the language checks', () => {
    const text = caseRatingParagraph(areaSpread(GRADES, slough()))!;
    expect(text).toBe(
      'Inspectors rated 106 cases from the sample for this judgement: 38 good, 36 requires ' +
        'improvement to be good and 32 inadequate. By group: children in need, 60 cases (38 good ' +
        'and 22 requires improvement to be good); children in care, 46 cases (14 requires ' +
        'improvement to be good and 32 inadequate).',
    );
    expect(lintText(text, { layout: 'paragraphs' }).findings).toEqual([]);
  });

  it('says nothing when no case was rated, and one case in the singular', () => {
    expect(caseRatingParagraph(areaSpread(GRADES, []))).toBeNull();
    const one = caseRatingParagraph(
      areaSpread(GRADES, [
        {
          caseId: 'a',
          childRef: 'C-a',
          cohort: 'care_leaver',
          grades: [{ rater: 'A', grade: 'good' }],
        },
      ]),
    );
    expect(one).toBe('Inspectors rated 1 case from the sample for this judgement: 1 good.');
    expect(cohortLabel('care_leaver')).toBe('Care leavers');
    expect(cohortLabel('unknown')).toBe('unknown');
  });
});
