import { describe, expect, it } from 'vitest';
import { nationalEffort, sizeBandOf, totalsOf } from './la-effort.js';
import { median } from './stats.js';
import {
  aggregateByRole,
  inspectorDays,
  isAfterHours,
  minuteOfDayInEngland,
  type WorkAction,
} from './working-time.js';

describe('the LA’s effort', () => {
  it('totals and medians', () => {
    expect(
      totalsOf([
        { linkPersonHours: 1.25, staffDays: 2 },
        { linkPersonHours: 2, staffDays: 0.5 },
      ]),
    ).toEqual({ linkPersonHours: 3.3, staffDays: 2.5 });
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('bands LAs by children aged 0 to 17', () => {
    expect(sizeBandOf(null).key).toBe('unknown');
    expect(sizeBandOf(39_999).key).toBe('under_40k');
    expect(sizeBandOf(40_000).key).toBe('40k_80k');
    expect(sizeBandOf(300_000).key).toBe('150k_plus');
  });

  it('groups by type and size and suppresses groups under three', () => {
    const row = (type: string, pop: number, hours: number) => ({
      activityType: type,
      population0to17: pop,
      totals: { linkPersonHours: hours, staffDays: hours / 10 },
    });
    const g = nationalEffort([
      row('standard_inspection', 50_000, 100),
      row('standard_inspection', 60_000, 180),
      row('standard_inspection', 70_000, 120),
      row('standard_inspection', 200_000, 300),
      row('short_inspection', 50_000, 60),
    ]);
    const mid = g.find(
      (x) => x.activityType === 'standard_inspection' && x.sizeBand === '40k_80k',
    )!;
    expect(mid).toMatchObject({
      inspections: 3,
      suppressed: false,
      medianLinkPersonHours: 120,
      medianStaffDays: 12,
    });
    const big = g.find((x) => x.sizeBand === '150k_plus')!;
    expect(big).toMatchObject({ inspections: null, suppressed: true, medianLinkPersonHours: null });
    expect(g).toHaveLength(3);
  });
});

describe('inspectors’ working time', () => {
  it('after hours is before 08:00 or from 18:00 in England, summer time included', () => {
    // 17:30 UTC in July is 18:30 BST: after hours; 07:30 UTC in July is 08:30 BST: not.
    expect(isAfterHours(new Date('2026-07-01T17:30:00Z'))).toBe(true);
    expect(isAfterHours(new Date('2026-07-01T07:30:00Z'))).toBe(false);
    expect(isAfterHours(new Date('2026-12-01T07:59:00Z'))).toBe(true);
    expect(isAfterHours(new Date('2026-12-01T17:59:00Z'))).toBe(false);
    expect(minuteOfDayInEngland(new Date('2026-07-01T23:30:00Z'))).toBe(30);
  });

  const act = (user: string, at: string, extra: Partial<WorkAction> = {}): WorkAction => ({
    userId: user,
    label: `Inspector ${user}`,
    teamRole: 'team_inspector',
    at: new Date(at),
    kind: 'recorded',
    evidenceId: at,
    minutesSpent: 30,
    caseId: null,
    ...extra,
  });

  it('one row per person per England day, with span, after-hours actions and minutes per case', () => {
    const days = inspectorDays([
      act('a', '2026-12-01T09:00:00Z', { caseId: 'c1' }),
      act('a', '2026-12-01T11:00:00Z', { caseId: 'c1', minutesSpent: 60 }),
      act('a', '2026-12-01T21:00:00Z', { kind: 'edited', minutesSpent: null }),
      // 23:30 UTC in July is already the next day in England.
      act('b', '2026-07-01T23:30:00Z'),
    ]);
    expect(days).toHaveLength(2);
    const a = days.find((d) => d.userId === 'a')!;
    expect(a).toMatchObject({
      day: '2026-12-01',
      recorded: 2,
      edited: 1,
      minutesRecorded: 90,
      firstAt: '09:00',
      lastAt: '21:00',
      spanMinutes: 720,
      afterHoursActions: 1,
      cases: 1,
      minutesPerCase: 90,
    });
    expect(days.find((d) => d.userId === 'b')?.day).toBe('2026-07-02');
  });

  it('aggregates by role only, and hides roles with fewer than three inspectors', () => {
    const days = inspectorDays([
      act('a', '2026-12-01T09:00:00Z'),
      act('a', '2026-12-01T19:00:00Z'),
      act('b', '2026-12-01T10:00:00Z'),
      act('c', '2026-12-02T10:00:00Z'),
      act('d', '2026-12-02T10:00:00Z', { teamRole: 'lead_inspector' }),
    ]);
    const roles = aggregateByRole(days);
    const team = roles.find((r) => r.teamRole === 'team_inspector')!;
    expect(team).toMatchObject({ inspectors: 3, inspectorDays: 3, shareDaysAfterHours: 0.33 });
    expect(roles.find((r) => r.teamRole === 'lead_inspector')).toMatchObject({
      suppressed: true,
      inspectors: null,
      medianRecordedHoursPerDay: null,
    });
    expect(JSON.stringify(roles)).not.toContain('Inspector a');
  });
});
