import { describe, expect, it } from 'vitest';
import { alignment, contentWords } from './alignment.js';
import { reviewerConflict } from './assignment.js';
import { differenceWords, studyResults } from './results.js';

const grades = [
  { key: 'outstanding', label: 'Outstanding', numeric: 1 },
  { key: 'good', label: 'Good', numeric: 2 },
  { key: 'requires_improvement', label: 'Requires improvement to be good', numeric: 3 },
  { key: 'inadequate', label: 'Inadequate', numeric: 4 },
];
const judgements = [
  { key: 'impact_of_leaders', title: 'Impact of leaders' },
  { key: 'overall_effectiveness', title: 'Overall effectiveness' },
];
const review = (overall: string, leaders: string, improvements: string[] = []) => ({
  grades: {
    overall_effectiveness: { grade: overall, reasons: 'r' },
    impact_of_leaders: { grade: leaders, reasons: 'r' },
  },
  improvements,
  sameLines: 'yes' as const,
  linesComment: '',
});

describe('study results in the format of Tables 5 and 6', () => {
  // Evidence base B of Table 5 (seed 002): published good; one pair agreed, one a grade lower.
  const r = studyResults({
    grades,
    resamples: 20,
    bases: [
      {
        label: 'Evidence base B',
        activityType: 'standard_inspection',
        activityTypeLabel: 'Standard inspection',
        judgements,
        publishedGrades: { overall_effectiveness: 'good', impact_of_leaders: 'good' },
        publishedImprovements: ['Life-story work for children in care'],
        pairs: [
          { label: 'Pair 1', review: review('good', 'good', ['Life-story work for children']) },
          { label: 'Pair 2', review: review('requires_improvement', 'good', ['Supervision']) },
        ],
      },
    ],
  });

  it('counts each pair against the published judgement, overall first', () => {
    const t = r.tables[0]!;
    expect(t.caption).toBe('Outcomes of evidence base reviews of standard inspections');
    expect(t.head).toEqual(['Evidence base', 'Overall effectiveness', 'Impact of leaders']);
    expect(t.rows[0]!.published).toBe('Inspection judgement: Good');
    expect(t.rows[0]!.cells).toEqual([
      '1 x agreement with published judgement; 1 x one grade lower than published judgement',
      '2 x agreement with published judgement',
    ]);
    expect(r.counts).toMatchObject({
      judgements: 4,
      matchedPublished: 3,
      oneLower: 1,
      comparedBetweenPairs: 2,
      alignedBetweenPairs: 1,
    });
  });

  it('measures agreement with the one engine and writes a plain summary', () => {
    expect([...(r.withPublished?.raters ?? [])].sort()).toEqual(['Pair 1', 'Pair 2', 'Published']);
    expect(r.betweenPairs?.raters).toEqual(['Pair 1', 'Pair 2']);
    expect(r.summary[0]).toBe(
      'Of the 4 judgements the reviewers gave, 3 matched the published judgement, 1 was one grade lower.',
    );
    expect(r.summary[1]).toBe(
      'Between the pairs reviewing the same evidence base, 1 of 2 judgements aligned.',
    );
    expect(r.alignment[0]!.withPublished.map((a) => a.share)).toEqual([1, 0]);
  });

  it('words differences as the review did', () => {
    expect(differenceWords(0)).toBe('agreement with published judgement');
    expect(differenceWords(-1)).toBe('one grade higher than published judgement');
    expect(differenceWords(2)).toBe('two grades lower than published judgement');
  });
});

describe('alignment of areas for improvement', () => {
  it('matches areas sharing enough content words, both ways', () => {
    expect([...contentWords('The plans for care leavers')]).toEqual(['plan', 'care', 'leaver']);
    const a = alignment(
      ['Pathway plans for care leavers', 'Front door'],
      ['Care leavers’ pathway plans'],
    );
    expect(a).toMatchObject({ matched: 2, total: 3, onlyLeft: ['Front door'], onlyRight: [] });
  });
});

describe('who may review an evidence base', () => {
  const base = { laId: 'la1', laRegion: 'South East', teamUserIds: ['u-team'] };
  const c = {
    userId: 'u1',
    displayName: 'R',
    role: 'inspector',
    region: null,
    laId: null,
    inspectedLaIds: [],
    inspectedRegions: [],
  };
  it('refuses links to the LA with the reason, and accepts the unlinked', () => {
    expect(reviewerConflict(c, base)).toBeNull();
    expect(reviewerConflict({ ...c, userId: 'u-team' }, base)).toContain('team');
    expect(reviewerConflict({ ...c, inspectedRegions: ['South East'] }, base)).toContain('region');
    expect(reviewerConflict({ ...c, inspectedLaIds: ['la1'] }, base)).toContain('before');
    expect(reviewerConflict({ ...c, role: 'la_user', laId: 'la1' }, base)).toContain(
      'not an inspector',
    );
  });
});
