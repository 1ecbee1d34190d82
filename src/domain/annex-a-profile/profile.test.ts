import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import { addMonths, ageBand, type ProfileRow } from './common.js';
import { ReferralsList, workingDaysUpTo } from './front-door.js';
import { indicatorDefinitions } from './indicators.js';
import { ProfileBuilder, type DataProfile } from './profile.js';

const REF = '2024-03-31';
const row = (childRef: string | null, data: ProfileRow['data']): ProfileRow => ({ childRef, data });
const value = (p: DataProfile, key: string) => p.indicators.find((i) => i.key === key);

describe('calendar months and ages', () => {
  it('moves by calendar months, clamping to the month’s last day', () => {
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2023-08-31', -6)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-01-15', -30)).toBe('2021-07-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('bands ages as ChAT does, with care leavers’ own bands', () => {
    expect(ageBand(3, -1, false)).toBe('Unborn');
    expect(ageBand(3, 0, false)).toBe('Under 1');
    expect(ageBand(3, 4, false)).toBe('1 to 4');
    expect(ageBand(3, 5, false)).toBe('5 to 9');
    expect(ageBand(3, 15, false)).toBe('10 to 15');
    expect(ageBand(3, 16, false)).toBe('16 to 17');
    expect(ageBand(9, 18, false)).toBe('17 to 18');
    expect(ageBand(9, 19, false)).toBe('19 to 21');
    expect(ageBand(9, 22, false)).toBe('22 and over');
    expect(ageBand(3, null, false)).toBe('Not known');
  });
});

describe('working-day timescales over bank holidays', () => {
  it('counts Christmas and Easter out, and cuts long spans short', () => {
    // 25 and 26 December 2023 are bank holidays: 27, 28, 29 count.
    expect(workingDaysUpTo('2023-12-22', '2023-12-29', 45)).toBe(3);
    // Good Friday 7 April and Easter Monday 10 April 2023.
    expect(workingDaysUpTo('2023-04-05', '2023-04-28', 45)).toBe(15);
    expect(workingDaysUpTo('2020-01-01', '2024-01-01', 45)).toBe(46);
  });

  it('assessments: within 45 working days exactly, the 46th is late; open ones past 45', () => {
    const b = new ProfileBuilder(REF);
    const start = '2023-11-20';
    b.add(
      4,
      row('C1', { assessmentStart: start, assessmentAuthorised: addWorkingDays(start, 45) }),
    );
    b.add(
      4,
      row('C2', { assessmentStart: start, assessmentAuthorised: addWorkingDays(start, 46) }),
    );
    b.add(4, row('C3', { assessmentStart: '2023-12-22', assessmentAuthorised: '2023-12-22' }));
    b.add(4, row('C4', { assessmentStart: '2023-12-22', childSeen: 'yes' })); // open, > 45 wd
    b.add(4, row('C5', { assessmentStart: '2024-03-25' })); // open, 4 wd (Good Friday 29 March)
    const p = b.finish(10_000);
    expect(value(p, 'assessments.within_45_wd_percent')).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 66.7,
    });
    expect(value(p, 'assessments.open_over_45_wd_percent')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect(value(p, 'assessments.child_seen_percent')?.value).toBe(20);
    const bins = p.lists.find((l) => l.list === 4)?.distributions[0]?.bins;
    expect(bins?.find((x) => x.label === 'Same day')?.count).toBe(1);
    expect(bins?.find((x) => x.label === '31 to 45')?.count).toBe(1);
    expect(bins?.find((x) => x.label === '46 to 60')?.count).toBe(1);
    // 5 rows × 2 (annualised) per 10,000 children of a 10,000 population.
    expect(value(p, 'assessments.rate_per_10k')?.value).toBe(10);
  });

  it('ICPC within 15 working days of the strategy discussion (early May bank holiday)', () => {
    const b = new ProfileBuilder(REF);
    b.add(
      5,
      row('C1', {
        strategyDiscussionDate: '2023-04-05',
        icpcDate: '2023-04-28',
        icpcResultedInPlan: 'yes',
      }),
    );
    b.add(
      5,
      row('C2', {
        strategyDiscussionDate: '2023-04-05',
        icpcDate: '2023-05-02',
        icpcResultedInPlan: 'no',
      }),
    );
    b.add(5, row('C3', { strategyDiscussionDate: '2023-04-05', icpcNotRequired: 'yes' }));
    const p = b.finish(null);
    expect(value(p, 's47.icpc_within_15_wd_percent')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect(value(p, 's47.icpc_percent')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(value(p, 's47.icpc_plan_percent')?.value).toBe(50);
    expect(value(p, 's47.plan_percent')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(value(p, 's47.rate_per_10k')?.value).toBeNull();
  });
});

describe('re-referrals within 12 months', () => {
  it('uses the earlier row, or for the first row the count of referrals in the last 12 months', () => {
    expect(ReferralsList.reReferrals(['2024-01-10', '2024-03-01'], 1)).toBe(1);
    expect(ReferralsList.reReferrals(['2024-02-01'], 1)).toBe(1);
    expect(ReferralsList.reReferrals(['2024-02-29'], 0)).toBe(0);
    // Exactly 12 months (29 Feb back to 28 Feb) counts; a day more does not.
    expect(ReferralsList.reReferrals(['2023-02-28', '2024-02-29'], 0)).toBe(1);
    expect(ReferralsList.reReferrals(['2023-02-27', '2024-02-29'], 0)).toBe(0);
  });

  it('joins contacts to referrals and counts NFA', () => {
    const b = new ProfileBuilder(REF);
    b.add(1, row('A', { contactDate: '2024-01-01' }));
    b.add(1, row('A', { contactDate: '2024-01-05' }));
    b.add(1, row('B', { contactDate: '2024-01-07' }));
    b.add(3, row('A', { referralDate: '2024-01-10', referralNfa: 'no', referralsLast12Months: 1 }));
    b.add(
      3,
      row('A', { referralDate: '2024-03-01', referralNfa: 'yes', referralsLast12Months: 1 }),
    );
    b.add(3, row('C', { referralDate: '2024-02-01', referralNfa: 'no', referralsLast12Months: 1 }));
    b.add(3, row('D', { referralDate: '2024-02-29', referralNfa: 'no', referralsLast12Months: 0 }));
    const p = b.finish(null);
    expect(value(p, 'contacts.to_referral_percent')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect(value(p, 'contacts.repeat_percent')?.value).toBe(50);
    expect(value(p, 'referrals.nfa_percent')?.value).toBe(25);
    expect(value(p, 'referrals.rereferral_percent')).toMatchObject({
      numerator: 2,
      denominator: 4,
    });
    const contacts = p.lists.find((l) => l.list === 1);
    expect(contacts).toMatchObject({ rows: 3, children: 2 });
  });
});

describe('child protection and children in care at the reference date', () => {
  it('open plans: over 2 years, visits overdue (10 working days), repeat plans started in six months', () => {
    const b = new ProfileBuilder(REF);
    b.add(
      7,
      row('A', {
        cpPlanStart: '2022-03-31',
        lastStatutoryVisit: '2024-03-15',
        previousCpPlans: 0,
        seenAlone: 'yes',
      }),
    );
    b.add(
      7,
      row('B', { cpPlanStart: '2024-01-10', lastStatutoryVisit: '2024-03-13', previousCpPlans: 1 }),
    );
    b.add(7, row('C', { cpPlanStart: '2023-12-01', previousCpPlans: 0 }));
    b.add(7, row('D', { cpPlanStart: '2021-01-01', cpPlanEnd: '2024-02-01', previousCpPlans: 2 }));
    const p = b.finish(null);
    expect(value(p, 'cp.over_2_years_percent')).toMatchObject({ numerator: 1, denominator: 3 });
    // 15 March to 31 March 2024: 9 working days (Good Friday 29 March out); 13 March: 11.
    expect(value(p, 'cp.visits_overdue_percent')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(value(p, 'cp.repeat_percent')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(value(p, 'cp.ended_over_2_years_percent')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(value(p, 'cp.seen_alone_percent')?.numerator).toBe(1);
  });

  it('children in care: stability, health checks by age, missing and return interviews', () => {
    const b = new ProfileBuilder(REF);
    const base = {
      lookedAfterStart: '2020-01-01',
      placementsLast12Months: 1,
      latestReview: '2024-01-01',
    };
    b.add(
      8,
      row('A', {
        ...base,
        age: 10,
        placementStart: '2022-03-31',
        lastHealthAssessment: '2023-04-01',
      }),
    );
    b.add(
      8,
      row('B', {
        ...base,
        age: 4,
        placementStart: '2022-04-01',
        lastHealthAssessment: '2023-09-29',
        placementsLast12Months: 3,
      }),
    );
    b.add(
      8,
      row('C', {
        ...base,
        age: 16,
        placementStart: '2024-01-01',
        missingEpisodes: 2,
        returnInterviewOffered: 'yes',
        returnInterviewAccepted: 'no',
      }),
    );
    b.add(
      8,
      row('D', {
        lookedAfterStart: '2024-03-25',
        age: 8,
        placementsLast12Months: 1,
        missingEpisodes: 1,
      }),
    );
    b.add(8, row('E', { ...base, age: 12, ceasedDate: '2024-02-01' }));
    const p = b.finish(20_000);
    expect(value(p, 'cla.rate_per_10k')?.value).toBe(2);
    expect(value(p, 'cla.three_placements_percent')).toMatchObject({
      numerator: 1,
      denominator: 4,
    });
    // Under 16 and in care 2.5 years: A (same placement since 31 March 2022) and B (1 April: no).
    expect(value(p, 'cla.long_term_stability_percent')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    // D has been in care 4 working days: not yet due. B is under 5: six months.
    expect(value(p, 'cla.health_up_to_date_percent')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(value(p, 'cla.reviews_up_to_date_percent')).toMatchObject({
      numerator: 3,
      denominator: 3,
    });
    expect(value(p, 'cla.missing_percent')).toMatchObject({ numerator: 2, denominator: 5 });
    expect(value(p, 'cla.return_offered_percent')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(value(p, 'cla.return_accepted_percent')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('care leavers by age group: in touch (died excluded), suitable, EET', () => {
    const b = new ProfileBuilder(REF);
    b.add(
      9,
      row('A', {
        age: 17,
        inTouch: 'YES',
        inTouchGroup: 'in_touch',
        suitability: 'suitable',
        activityGroup: 'eet',
      }),
    );
    b.add(
      9,
      row('B', {
        age: 18,
        inTouch: 'NO',
        inTouchGroup: 'not_in_touch',
        suitability: 'unsuitable',
        activityGroup: 'neet',
      }),
    );
    b.add(9, row('C', { age: 18, inTouch: 'DIED', inTouchGroup: 'excluded' }));
    b.add(
      9,
      row('D', {
        age: 20,
        inTouch: 'YES',
        inTouchGroup: 'in_touch',
        suitability: 'suitable',
        activityGroup: 'neet',
      }),
    );
    const p = b.finish(null);
    expect(value(p, 'care_leavers.in_touch_17_18_percent')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect(value(p, 'care_leavers.suitable_17_18_percent')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(value(p, 'care_leavers.eet_19_21_percent')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    const l9 = p.lists.find((l) => l.list === 9);
    expect(l9?.breakdowns.find((x) => x.dimension === 'ageBand')?.rows.map((r) => r.label)).toEqual(
      ['17 to 18', '19 to 21'],
    );
  });
});

describe('breakdowns and the catalogue', () => {
  it('breaks a list down by gender, ethnicity, disability, team and worker', () => {
    const b = new ProfileBuilder(REF);
    b.add(
      6,
      row('A', {
        gender: 'male',
        ethnicityGroup: 'white',
        disability: 'no',
        team: 'T1',
        workerRef: 'W-1',
        age: 3,
      }),
    );
    b.add(
      6,
      row('B', {
        gender: 'female',
        ethnicityGroup: 'white',
        disability: 'yes',
        team: 'T1',
        workerRef: 'W-1',
        age: 7,
      }),
    );
    b.add(
      6,
      row('C', { gender: 'female', ethnicityGroup: 'asian', team: 'T2', workerRef: 'W-2', age: 7 }),
    );
    const l = b.finish(null).lists.find((x) => x.list === 6);
    const gender = l?.breakdowns.find((x) => x.dimension === 'gender');
    expect(gender?.rows[0]).toEqual({ label: 'female', count: 2, percent: 66.7 });
    expect(l?.breakdowns.find((x) => x.dimension === 'disability')?.rows).toContainEqual({
      label: 'Not recorded',
      count: 1,
      percent: 33.3,
    });
    expect(l?.workers).toEqual({ count: 2, medianRows: 1.5, maxRows: 2 });
  });

  it('every indicator the builder computes is defined, and every definition is computed', () => {
    const p = new ProfileBuilder(REF).finish(null);
    const computed = p.indicators.map((i) => i.key).sort();
    expect(computed).toEqual(indicatorDefinitions.map((d) => d.key).sort());
    for (const d of indicatorDefinitions) expect(d.numerator.length).toBeGreaterThan(0);
  });
});

describe('the working-day index agrees with the shared calendar', () => {
  it('gives the same count as workingDaysBetween for spans across years and holidays', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    for (let k = 0; k < 300; k++) {
      const a = Date.UTC(1998, 0, 1) + Math.floor(rand() * 30 * 365) * 86_400_000;
      const b = a + Math.floor((rand() - 0.2) * 200) * 86_400_000;
      expect(workingDaysUpTo(iso(a), iso(b), 1000), `${iso(a)} → ${iso(b)}`).toBe(
        workingDaysBetween(iso(a), iso(b)),
      );
    }
  });
});
