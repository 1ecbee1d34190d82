import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday } from './bank-holidays.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

describe('England and Wales bank holidays', () => {
  it('matches the published lists', () => {
    // gov.uk/bank-holidays, england-and-wales
    expect([...bankHolidays(2023)].sort()).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ]);
    expect([...bankHolidays(2022)].sort()).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect([...bankHolidays(2020)].sort()).toEqual([
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ]);
    expect([...bankHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('computes Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });
});

describe('working days', () => {
  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-22')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
  });

  it('counts the end day but not the start day', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1); // Friday to Monday
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1); // over Christmas
    expect(workingDaysBetween('2026-11-24', '2026-11-23')).toBe(-1);
  });

  it('adds working days', () => {
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays('2026-12-22', 5)).toBe('2026-12-31');
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(workingDaysBetween('2026-11-23', addWorkingDays('2026-11-23', 45))).toBe(45);
  });
});
