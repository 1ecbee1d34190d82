import { describe, expect, it } from 'vitest';
import { computeReviewTables, periodOf, workingDays, type TableEvent } from './review-tables.js';

const ev = (
  laId: string,
  activityType: string,
  startDate: string,
  endDate: string | null,
  theme: string | null = null,
): TableEvent => ({
  laId,
  activityType,
  startDate,
  endDate,
  theme,
  origin: 'history',
});
const las = ['a', 'b', 'c'].map((id) => ({ id, validFrom: null, validTo: null }));
const graded = [
  { laId: 'a', startDate: '2016-01-10', overall: 'good' as const },
  { laId: 'b', startDate: '2016-01-10', overall: 'good' as const },
  { laId: 'c', startDate: '2017-03-01', overall: 'inadequate' as const },
];
const events = [
  ev('a', 'focused_visit', '2018-05-08', '2018-05-09', 'Front door'),
  ev('c', 'standard_inspection', '2018-10-01', '2018-10-12'),
  ev('c', 'monitoring_visit', '2018-02-06', null),
  ev('b', 'sif_inspection', '2017-01-09', '2017-02-03'),
  {
    ...ev('b', 'focused_visit', '2018-06-05', '2018-06-06', 'Care leavers'),
    origin: 'activities' as const,
  },
];

describe('review tables', () => {
  it('counts working days and periods', () => {
    expect(workingDays('2018-10-01', '2018-10-12')).toBe(10);
    expect(workingDays('2018-10-06', '2018-10-07')).toBe(0);
    expect(periodOf('2018-03-31', 4)).toBe('2017-18');
    expect(periodOf('2018-04-01', 4)).toBe('2018-19');
    expect(periodOf('2018-04-01', 1)).toBe('2018');
  });

  it('Table 1 counts occurrences and LAs by origin', () => {
    const t = computeReviewTables({ events, graded, las });
    const hist2018 = t.table1.filter((r) => r.period === '2018' && r.origin === 'history');
    expect(hist2018.find((r) => r.type === 'all')).toMatchObject({ occurrences: 3, las: 2 });
    expect(hist2018.find((r) => r.type === 'monitoring_visit')).toMatchObject({ occurrences: 1 });
    expect(t.table1.find((r) => r.origin === 'activities')).toMatchObject({
      type: 'focused_visit',
      las: 1,
    });
  });

  it('Table 2 weights each grade by the LAs holding it', () => {
    const t = computeReviewTables({ events, graded, las });
    const rows = t.table2.filter((r) => r.period === '2018');
    expect(rows.find((r) => r.grade === 'good')).toMatchObject({
      averageDays: 2,
      lasVisited: 1,
      lasWithGrade: 2,
    });
    // c: ten days inspected plus a two-day monitoring visit with no end date (the default).
    expect(rows.find((r) => r.grade === 'inadequate')).toMatchObject({
      averageDays: 12,
      lasVisited: 1,
    });
    // (2 x 2 + 12 x 1) / 3
    expect(rows.find((r) => r.grade === 'overall')).toMatchObject({
      averageDays: 5.3,
      lasWithGrade: 3,
    });
  });

  it('Table 4 models inspector days from days on site and team sizes', () => {
    const t = computeReviewTables({
      events,
      graded,
      las,
      settings: { teamSize: { sif_inspection: 5 } },
    });
    expect(t.table4.find((r) => r.framework === 'SIF')).toMatchObject({
      daysOnSite: 20,
      inspectorDays: 100,
    });
    expect(t.table4.find((r) => r.framework === 'ILACS' && r.period === '2018')).toMatchObject({
      events: 3,
      lasEngaged: 2,
      daysOnSite: 14,
    });
  });

  it('Table 7 shares themes and judgement areas; Table 3 says why it cannot be computed', () => {
    const t = computeReviewTables({ events, graded, las });
    expect(t.table7).toEqual([
      {
        period: '2018',
        theme: 'Front door',
        area: 'Help and protection',
        count: 1,
        percent: 100,
        areaPercent: 100,
      },
    ]);
    expect(t.table3.computable).toBe(false);
    expect(t.table3.reason).toMatch(/area SEND/);
  });
});
