import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  dateInEngland,
  mondayOf,
  now,
  nowMs,
  setClock,
  startOfDayInEngland,
  todayInEngland,
} from './clock.js';

afterEach(() => setClock(null));

describe('the clock', () => {
  it('can be set, frozen or running on from the instant', async () => {
    setClock('2028-02-29T12:00:00Z', { frozen: true });
    expect(now().toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(todayInEngland()).toBe('2028-02-29');
    setClock('2028-02-29T12:00:00Z');
    const first = nowMs();
    await new Promise((r) => setTimeout(r, 20));
    const later = nowMs();
    expect(first).toBeGreaterThanOrEqual(Date.parse('2028-02-29T12:00:00Z'));
    expect(later - first).toBeGreaterThanOrEqual(15);
    expect(later - first).toBeLessThan(60_000);
  });

  it('never reads the same instant twice, so rows written in turn sort in turn', () => {
    setClock('2026-11-25T10:30:00Z');
    const readings = Array.from({ length: 50 }, () => nowMs());
    for (let i = 1; i < readings.length; i++) expect(readings[i]).toBeGreaterThan(readings[i - 1]!);
  });

  it("gives England's date, whatever the machine's time zone, across summer time", () => {
    setClock('2027-06-30T23:30:00Z', { frozen: true });
    expect(todayInEngland()).toBe('2027-07-01'); // 00:30 BST
    setClock('2027-03-28T00:30:00Z', { frozen: true });
    expect(todayInEngland()).toBe('2027-03-28'); // 00:30 GMT, before the clocks go forward
    setClock('2027-10-30T23:30:00Z', { frozen: true });
    expect(todayInEngland()).toBe('2027-10-31'); // 00:30 BST, before the clocks go back
    expect(dateInEngland(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });

  it('finds when a day begins in England', () => {
    expect(startOfDayInEngland('2027-07-01').toISOString()).toBe('2027-06-30T23:00:00.000Z');
    expect(startOfDayInEngland('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(startOfDayInEngland('2027-03-29').toISOString()).toBe('2027-03-28T23:00:00.000Z');
    expect(startOfDayInEngland('2027-10-31').toISOString()).toBe('2027-10-30T23:00:00.000Z');
    expect(startOfDayInEngland('2027-11-01').toISOString()).toBe('2027-11-01T00:00:00.000Z');
  });

  it('does calendar arithmetic on ISO dates', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday ends the week
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2028-02-29')).toBe('2028-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('refuses an instant it cannot read', () => {
    expect(() => setClock('next Tuesday')).toThrow(/ISO date or instant/);
  });
});
