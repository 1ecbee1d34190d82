import { describe, expect, it } from 'vitest';
import {
  analyseHistory,
  scalesCorrespond,
  statisticalYear,
  type AnalysisEvent,
  type FrameworkScale,
} from '../../src/domain/history/analyse.js';

const four = [
  { key: 'outstanding', label: 'Outstanding', numeric: 1 },
  { key: 'good', label: 'Good', numeric: 2 },
  { key: 'requires_improvement', label: 'Requires improvement', numeric: 3 },
  { key: 'inadequate', label: 'Inadequate', numeric: 4 },
];
const SIF: FrameworkScale = { id: 'sif-2013', name: 'SIF', grades: four };
const ILACS: FrameworkScale = { id: 'ilacs-2018', name: 'ILACS', grades: four };
/** A made-up framework whose scale runs the other way: moves into it are not comparable. */
const ODD: FrameworkScale = {
  id: 'odd-2030',
  name: 'Odd',
  grades: four.map((g) => ({ ...g, numeric: 5 - g.numeric })),
};

const ev = (
  laId: string,
  frameworkId: string,
  startDate: string,
  grade: string | undefined,
  region = 'North West',
): AnalysisEvent => ({
  laId,
  region,
  frameworkId,
  activityType: frameworkId === 'sif-2013' ? 'sif_inspection' : 'standard_inspection',
  startDate,
  grades: grade ? { overall_effectiveness: grade as 'good' } : {},
});

describe('history analysis', () => {
  it('names statistical years April to March', () => {
    expect(statisticalYear('2014-03-31')).toBe('2013-14');
    expect(statisticalYear('2014-04-01')).toBe('2014-15');
    expect(statisticalYear('2099-12-01')).toBe('2099-00');
  });

  it('says which scales correspond', () => {
    expect(scalesCorrespond(SIF, ILACS)).toBe(true);
    expect(scalesCorrespond(SIF, ODD)).toBe(false);
  });

  it('counts grades by year, region and framework in scale order', () => {
    const a = analyseHistory(
      [
        ev('a', 'sif-2013', '2014-01-10', 'requires_improvement'),
        ev('b', 'sif-2013', '2014-05-10', 'good', 'London'),
        ev('a', 'ilacs-2018', '2019-02-01', 'good'),
        { ...ev('c', 'ilacs-2018', '2019-03-01', 'good'), activityType: 'focused_visit' },
      ],
      [ILACS, SIF],
    );
    expect(a.grades.map((g) => g.key)).toEqual([
      'outstanding',
      'good',
      'requires_improvement',
      'inadequate',
    ]);
    expect(a.inspections).toBe(3);
    const row = (d: string, v: string) =>
      a.distributions.find((r) => r.dimension === d && r.value === v);
    expect(row('year', '2013-14')?.counts).toEqual({
      outstanding: 0,
      good: 0,
      requires_improvement: 1,
      inadequate: 0,
    });
    expect(row('region', 'North West')?.total).toBe(2);
    expect(row('framework', 'SIF')?.total).toBe(2);
    expect(row('framework', 'ILACS')?.counts.good).toBe(1);
  });

  it('counts moves up, same and down, and refuses to compare scales that differ', () => {
    const a = analyseHistory(
      [
        ev('a', 'sif-2013', '2014-01-10', 'requires_improvement'),
        ev('a', 'ilacs-2018', '2018-06-01', 'good'),
        ev('a', 'ilacs-2018', '2021-06-01', 'good'),
        ev('b', 'sif-2013', '2014-01-10', 'good'),
        ev('b', 'ilacs-2018', '2019-01-10', 'inadequate'),
        ev('b', 'odd-2030', '2031-01-10', 'good'),
      ],
      [SIF, ILACS, ODD],
    );
    const t = (from: string, to: string) =>
      a.transitions.find((r) => r.from === from && r.to === to);
    expect(t('SIF', 'ILACS')).toMatchObject({ comparable: true, up: 1, same: 0, down: 1 });
    expect(t('ILACS', 'ILACS')).toMatchObject({ same: 1, total: 1 });
    expect(t('ILACS', 'Odd')).toMatchObject({ comparable: false, notComparable: 1 });
    expect(a.notes.join(' ')).toMatch(/do not correspond.*Odd/);
    expect(a.notes.join(' ')).toMatch(/corresponding scales/);
  });

  it('measures the time between graded inspections, by frameworks and by earlier grade', () => {
    const a = analyseHistory(
      [
        ev('a', 'ilacs-2018', '2018-01-01', 'inadequate'),
        ev('a', 'ilacs-2018', '2018-12-27', 'good'),
        ev('b', 'ilacs-2018', '2018-01-01', 'inadequate'),
        ev('b', 'ilacs-2018', '2019-01-01', undefined),
        ev('b', 'ilacs-2018', '2019-01-11', 'good'),
      ],
      [ILACS],
    );
    const inadequate = a.intervals.find((r) => r.groupBy === 'grade' && r.value === 'Inadequate');
    expect(inadequate).toMatchObject({ count: 2, minDays: 360, maxDays: 365, medianDays: 363 });
    expect(a.intervals.find((r) => r.value === 'Not graded')).toMatchObject({ count: 1 });
    expect(a.withoutGrade).toBe(1);
  });
});
