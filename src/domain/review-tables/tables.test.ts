import { describe, expect, it } from 'vitest';
import { daysOnSite, periodOf, workingDaysInclusive, type Engagement } from './engagements.js';
import { computeReviewTables } from './tables.js';

const ev = (
  laId: string,
  type: string,
  startDate: string,
  endDate: string | null,
  more: Partial<Engagement> = {},
): Engagement => ({
  laId,
  type,
  framework: type === 'sif_inspection' ? 'SIF' : 'ILACS',
  startDate,
  endDate,
  onSite: type !== 'annual_engagement_meeting',
  defaultDays: type === 'jtai' ? null : type.endsWith('visit') ? 2 : 10,
  teamSize: type === 'jtai' ? null : type.endsWith('visit') ? 2 : 4,
  theme: null,
  themeLabel: null,
  ...more,
});
const las = ['a', 'b', 'c', 'd'].map((id) => ({ id, validFrom: null, validTo: null }));
const graded = [
  { laId: 'a', startDate: '2016-01-10', overall: 'good' as const },
  { laId: 'b', startDate: '2016-01-10', overall: 'good' as const },
  { laId: 'c', startDate: '2017-03-01', overall: 'inadequate' as const },
  // Graded after the year began: d has no grade before 2018.
  { laId: 'd', startDate: '2018-03-01', overall: 'outstanding' as const },
];
const frontDoor = { theme: 'front_door', themeLabel: 'Front door' };
const engagements = [
  ev('a', 'focused_visit', '2018-05-08', '2018-05-09', frontDoor),
  ev('c', 'standard_inspection', '2018-10-01', '2018-10-12'),
  ev('c', 'monitoring_visit', '2018-02-06', null),
  ev('b', 'sif_inspection', '2017-01-09', '2017-02-03', { teamSize: 7, defaultDays: 20 }),
  ev('d', 'annual_engagement_meeting', '2018-06-01', '2018-06-01', { defaultDays: null }),
  ev('b', 'jtai', '2018-11-05', '2018-11-09'),
  ev('b', 'focused_visit', '2018-06-05', '2018-06-06', {
    theme: 'care_leavers',
    themeLabel: 'Care leavers',
  }),
  ev('d', 'focused_visit', '2018-09-11', '2018-09-12', frontDoor),
];
const tables = (more: Partial<Parameters<typeof computeReviewTables>[0]> = {}) =>
  computeReviewTables({ source: 'history', engagements, graded, las, areaSend: null, ...more });

describe('engagement arithmetic', () => {
  it('counts working days, without weekends or bank holidays, and periods', () => {
    expect(workingDaysInclusive('2018-10-01', '2018-10-12')).toBe(10);
    expect(workingDaysInclusive('2018-10-06', '2018-10-07')).toBe(0);
    // Good Friday and Easter Monday 2018.
    expect(workingDaysInclusive('2018-03-26', '2018-04-06')).toBe(8);
    expect(daysOnSite(ev('c', 'monitoring_visit', '2018-02-06', null))).toBe(2);
    expect(periodOf('2018-03-31', 4)).toBe('2017-18');
    expect(periodOf('2018-04-01', 4)).toBe('2018-19');
    expect(periodOf('2017-08-31', 9)).toBe('2016-17');
    expect(periodOf('2017-09-01', 9)).toBe('2017-18');
    expect(periodOf('2018-04-01', 1)).toBe('2018');
  });
});

describe('Table 1: engagements per year by type', () => {
  it('counts occurrences and LAs by type; the total leaves out engagement meetings', () => {
    const t = tables();
    const y2018 = t.table1.filter((r) => r.period === '2018');
    expect(y2018.find((r) => r.type === 'focused_visit')).toMatchObject({
      occurrences: 3,
      las: 3,
    });
    expect(y2018.find((r) => r.type === 'annual_engagement_meeting')).toMatchObject({
      occurrences: 1,
    });
    // a, b, c on site; d only on site through its focused visit: 4 LAs, 6 events on site.
    expect(y2018.find((r) => r.type === 'all')).toMatchObject({ occurrences: 6, las: 4 });
    expect(t.table1.find((r) => r.period === '2017' && r.type === 'all')).toMatchObject({
      las: 1,
    });
    expect(t.periods).toEqual(['2017', '2018']);
  });

  it('keeps to one year when asked', () => {
    const t = tables({ year: '2017' });
    expect(new Set(t.table1.map((r) => r.period))).toEqual(new Set(['2017']));
    expect(t.periods).toEqual(['2017', '2018']);
  });
});

describe('Table 2: days on site by the grade before the year', () => {
  it('averages per LA visited and weights each grade by the LAs holding it', () => {
    const rows = tables().table2.filter((r) => r.period === '2018');
    // a (2 days) and b (2 days; its JTAI is not ILACS) are good: 2 of 2 visited.
    expect(rows.find((r) => r.grade === 'good')).toMatchObject({
      averageDays: 2,
      lasVisited: 2,
      lasWithGrade: 2,
    });
    // c: ten days inspected plus a two-day monitoring visit with no end date (the default).
    expect(rows.find((r) => r.grade === 'inadequate')).toMatchObject({
      averageDays: 12,
      lasVisited: 1,
      lasWithGrade: 1,
    });
    // d was graded only after 1 January 2018: not counted under any grade.
    expect(rows.find((r) => r.grade === 'outstanding')).toMatchObject({
      averageDays: null,
      lasWithGrade: 0,
    });
    // (2 x 2 + 12 x 1) / 3
    expect(rows.find((r) => r.grade === 'overall')).toMatchObject({
      averageDays: 5.3,
      lasVisited: 3,
      lasWithGrade: 3,
    });
  });
});

describe('Table 4: efficiency, SIF against ILACS', () => {
  it('models inspector days as days on site times team size, JTAIs apart', () => {
    const t = tables();
    expect(t.table4.find((r) => r.framework === 'SIF')).toMatchObject({
      period: '2017',
      events: 1,
      daysOnSite: 20,
      inspectorDays: 140,
    });
    // Focused visits 3 x 2 days x 2, monitoring visit 2 x 2, standard inspection 10 x 4, and a
    // five-day JTAI with no team size.
    expect(t.table4.find((r) => r.framework === 'ILACS' && r.period === '2018')).toEqual({
      period: '2018',
      framework: 'ILACS',
      events: 6,
      lasEngaged: 4,
      daysOnSite: 23,
      inspectorDays: 12 + 4 + 40,
      eventsWithoutTeamSize: 1,
    });
  });
});

describe('Table 7: focused visit themes', () => {
  it('shares themes and judgement areas within the year', () => {
    const rows = tables().table7;
    expect(rows).toEqual([
      {
        period: '2018',
        theme: 'care_leavers',
        label: 'Care leavers',
        area: 'Children in care and care leavers',
        count: 1,
        percent: 33,
        areaPercent: 33,
      },
      {
        period: '2018',
        theme: 'front_door',
        label: 'Front door',
        area: 'Help and protection',
        count: 2,
        percent: 67,
        areaPercent: 67,
      },
    ]);
  });

  it('says Table 3 cannot be computed when the source has no area SEND dates', () => {
    const t = tables();
    expect(t.table3).toMatchObject({ computable: false, total: 0, rows: [] });
    expect(t.table3.reason).toMatch(/area SEND/);
  });
});
