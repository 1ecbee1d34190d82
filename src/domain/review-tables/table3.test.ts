import { describe, expect, it } from 'vitest';
import type { Engagement } from './engagements.js';
import { addMonths, classifySend, schoolTerm, table3 } from './table3.js';

const visit = (laId: string, startDate: string, endDate: string, type = 'focused_visit') =>
  ({
    laId,
    type,
    framework: 'ILACS',
    startDate,
    endDate,
    onSite: true,
    defaultDays: 2,
    teamSize: 2,
    theme: null,
    themeLabel: null,
  }) satisfies Engagement;

describe('school terms and months', () => {
  it('places dates in terms by the national convention', () => {
    expect(schoolTerm('2018-10-01')).toBe('2018-autumn');
    expect(schoolTerm('2018-03-30')).toBe('2018-spring'); // Good Friday 2018
    expect(schoolTerm('2018-04-01')).toBe('2018-spring'); // Easter Sunday 2018
    expect(schoolTerm('2018-04-02')).toBe('2018-summer');
    expect(schoolTerm('2018-08-15')).toBeNull();
  });
  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2018-01-31', 1)).toBe('2018-02-28');
    expect(addMonths('2018-11-15', 3)).toBe('2019-02-15');
  });
});

describe('Table 3: area SEND inspections against ILACS activity', () => {
  const ilacs = [
    visit('a', '2018-09-11', '2018-09-12'), // autumn 2018
    visit('b', '2018-06-05', '2018-06-06'), // summer 2018
    visit('c', '2018-02-06', '2018-02-07'), // spring 2018
    visit('e', '2018-01-08', '2018-01-19', 'standard_inspection'),
    visit('f', '2018-05-01', '2018-05-02', 'jtai'), // not ILACS
  ];
  it('takes the first row that applies', () => {
    // Same term as a's visit, even before it.
    expect(classifySend({ laId: 'a', startDate: '2018-09-03' }, ilacs)).toBe('same_term');
    // b: the visit ended 6 June; 3 September is autumn term, within three months.
    expect(classifySend({ laId: 'b', startDate: '2018-09-03' }, ilacs)).toBe('within_three_months');
    // c: spring visit ended 7 February; 2 July is summer term and five months later.
    expect(classifySend({ laId: 'c', startDate: '2018-07-02' }, ilacs)).toBe(
      'more_than_three_months',
    );
    // No ILACS activity at all.
    expect(classifySend({ laId: 'd', startDate: '2018-07-02' }, ilacs)).toBe(
      'more_than_three_months',
    );
    // e: inspection ended 19 January; 4 September is a different term, over three months on.
    expect(classifySend({ laId: 'e', startDate: '2018-09-04' }, ilacs)).toBe(
      'more_than_three_months',
    );
    // A JTAI is not an ILACS activity (table3 filters it out before classifying).
    expect(table3([{ laId: 'f', startDate: '2018-05-14' }], ilacs).rows[0]).toMatchObject({
      category: 'more_than_three_months',
      count: 1,
    });
  });

  it('counts within one month across a term boundary', () => {
    const late = [visit('g', '2018-12-11', '2018-12-12')];
    expect(classifySend({ laId: 'g', startDate: '2019-01-08' }, late)).toBe('within_one_month');
  });

  it('gives counts and shares, or says why when there are no area SEND dates', () => {
    const t = table3(
      [
        { laId: 'a', startDate: '2018-10-01' },
        { laId: 'b', startDate: '2018-09-03' },
        { laId: 'c', startDate: '2018-07-02' },
        { laId: 'd', startDate: '2018-07-02' },
      ],
      ilacs,
    );
    expect(t.computable).toBe(true);
    expect(t.total).toBe(4);
    expect(Object.fromEntries(t.rows.map((r) => [r.category, r.count]))).toEqual({
      more_than_three_months: 2,
      within_three_months: 1,
      within_one_month: 0,
      same_term: 1,
    });
    expect(t.rows.find((r) => r.category === 'more_than_three_months')?.percent).toBe(50);
    const none = table3(null, ilacs);
    expect(none).toMatchObject({ computable: false, total: 0, rows: [] });
    expect(none.reason).toMatch(/area SEND/);
  });
});
