import { describe, expect, it } from 'vitest';
import type { TeamRole } from '../access/roles.js';
import { inspectorLoad, quarterOf, type LoadAssignment, type LoadInput } from './inspector-load.js';
import type { RoleWorkloadRule } from './team-rules-schema.js';

const FULL = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const lead: RoleWorkloadRule = {
  preparationDays: 5,
  onSiteDays: 'all',
  writeUpDays: 5,
  qaDays: 0,
};
const team: RoleWorkloadRule = { preparationDays: 2, onSiteDays: 'all', writeUpDays: 1, qaDays: 0 };
const qam: RoleWorkloadRule = { preparationDays: 1, onSiteDays: 2, writeUpDays: 0, qaDays: 3 };

function on(
  id: string,
  start: string,
  end: string,
  workload: RoleWorkloadRule,
  teamRole: TeamRole = 'team_inspector',
): LoadAssignment {
  return {
    activityId: id,
    title: `Inspection ${id}`,
    laName: `LA ${id}`,
    activityType: 'standard_inspection',
    teamRole,
    start,
    end,
    workload,
    qaAfterDays: 5,
  };
}

const base: LoadInput = {
  workingDays: FULL,
  maxSiteWeeksPerQuarter: 6,
  preparationDays: null,
  absences: [],
  assignments: [],
  from: '2027-01-11',
  weeks: 5,
};
const week = (l: ReturnType<typeof inspectorLoad>, monday: string) =>
  l.weeks.find((w) => w.weekStart === monday)!;

describe('an inspector’s load by week', () => {
  // A standard inspection on site Monday 18 to Friday 29 January 2027.
  const standard = (w: RoleWorkloadRule, role: TeamRole) =>
    on('a', '2027-01-18', '2027-01-29', w, role);

  it('lays the lead’s week zero, two weeks on site and the write-up on the weeks around them', () => {
    const l = inspectorLoad({ ...base, assignments: [standard(lead, 'lead_inspector')] });
    expect(l.from).toBe('2027-01-11');
    expect(l.weeks.map((w) => [w.weekStart, w.days])).toEqual([
      ['2027-01-11', { preparation: 5, onSite: 0, writeUp: 0, qa: 0 }],
      ['2027-01-18', { preparation: 0, onSite: 5, writeUp: 0, qa: 0 }],
      ['2027-01-25', { preparation: 0, onSite: 5, writeUp: 0, qa: 0 }],
      ['2027-02-01', { preparation: 0, onSite: 0, writeUp: 5, qa: 0 }],
      ['2027-02-08', { preparation: 0, onSite: 0, writeUp: 0, qa: 0 }],
    ]);
    expect(l.overWeeks).toBe(0);
    expect(week(l, '2027-01-18').activities[0]).toMatchObject({ activityId: 'a', laName: 'LA a' });
  });

  it('puts the QAM’s quality assurance after the lead’s write-up, and only their days on site', () => {
    const l = inspectorLoad({ ...base, assignments: [standard(qam, 'qam')] });
    expect(week(l, '2027-01-18').days.onSite).toBe(2);
    expect(week(l, '2027-01-25').days.onSite).toBe(0);
    expect(week(l, '2027-02-01').days.qa).toBe(0);
    expect(week(l, '2027-02-08').days.qa).toBe(3);
  });

  it('takes the inspector’s own preparation days when they need more, on their own working days', () => {
    const mine = inspectorLoad({
      ...base,
      preparationDays: 4,
      assignments: [standard(team, 'team_inspector')],
    });
    expect(week(mine, '2027-01-11').days.preparation).toBe(4);
    // Part time, Monday to Thursday: the two days before fieldwork are Wednesday and Thursday.
    const partTime = inspectorLoad({
      ...base,
      workingDays: ['mon', 'tue', 'wed', 'thu'],
      assignments: [standard(team, 'team_inspector')],
    });
    expect(week(partTime, '2027-01-11')).toMatchObject({ pattern: 4, days: { preparation: 2 } });
    // On site all ten days: five in a week of a four-day pattern is over it.
    expect(week(partTime, '2027-01-18').flags.map((f) => f.kind)).toEqual(['over_days']);
  });

  it('shows leave and flags work planned during it, and weeks over the days available', () => {
    const l = inspectorLoad({
      ...base,
      absences: [
        { kind: 'leave', startsOn: '2027-01-11', endsOn: '2027-01-12' },
        { kind: 'training', startsOn: '2027-02-10', endsOn: '2027-02-10' },
      ],
      assignments: [standard(lead, 'lead_inspector')],
    });
    const w = week(l, '2027-01-11');
    expect(w).toMatchObject({ away: { leave: 2, training: 0, other: 0 }, available: 3, total: 5 });
    expect(w.flags.map((f) => f.kind)).toEqual(['over_days', 'on_leave']);
    expect(w.flags[0]!.message).toBe('5 days of work planned against 3 available');
    expect(week(l, '2027-02-08')).toMatchObject({ away: { training: 1 }, available: 4, flags: [] });
  });

  it('counts bank holidays out of the pattern and the days on site', () => {
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    const l = inspectorLoad({
      ...base,
      from: '2027-03-29',
      weeks: 1,
      assignments: [on('e', '2027-03-29', '2027-04-02', team)],
    });
    expect(l.weeks[0]).toMatchObject({ pattern: 4, days: { onSite: 4 }, flags: [] });
  });

  it('flags weeks on site beyond the most a quarter, counting the whole quarter', () => {
    const visits = ['2027-01-05', '2027-02-02', '2027-03-02', '2027-03-16'].map((d, i) =>
      on(`v${i}`, d, d, { ...team, preparationDays: 0, writeUpDays: 0 }),
    );
    // The window shows March only; January and February's weeks on site still count.
    const l = inspectorLoad({
      ...base,
      maxSiteWeeksPerQuarter: 3,
      from: '2027-03-01',
      weeks: 3,
      assignments: visits,
    });
    expect(l.quarters).toEqual([{ quarter: '2027-Q1', siteWeeks: 4, limit: 3, over: true }]);
    expect(week(l, '2027-03-01').flags).toEqual([]);
    expect(week(l, '2027-03-15').flags).toEqual([
      { kind: 'site_weeks', message: 'Week 4 on site in 2027-Q1 (at most 3)' },
    ]);
    // A new quarter starts the count again.
    const april = inspectorLoad({
      ...base,
      maxSiteWeeksPerQuarter: 0,
      from: '2027-04-05',
      weeks: 1,
      assignments: visits,
    });
    expect(april.quarters[0]).toMatchObject({ quarter: '2027-Q2', siteWeeks: 0, over: false });
  });

  it('flags two activities on site on the same day', () => {
    const l = inspectorLoad({
      ...base,
      from: '2027-01-18',
      weeks: 1,
      assignments: [
        on('x', '2027-01-19', '2027-01-20', team),
        on('y', '2027-01-20', '2027-01-21', team),
      ],
    });
    expect(l.weeks[0]!.flags.map((f) => f.kind)).toContain('double_booked');
    expect(l.weeks[0]!.activities.map((a) => a.activityId)).toEqual(['x', 'y']);
  });

  it('names quarters by calendar quarter (also Ofsted’s financial quarters)', () => {
    expect([quarterOf('2027-01-04'), quarterOf('2027-06-30'), quarterOf('2027-12-31')]).toEqual([
      '2027-Q1',
      '2027-Q2',
      '2027-Q4',
    ]);
  });
});
