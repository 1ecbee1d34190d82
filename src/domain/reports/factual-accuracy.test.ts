import { describe, expect, it } from 'vitest';
import { dateInEngland } from '../../clock.js';
import { factualAccuracyDeadline, windowOpen } from './factual-accuracy.js';
import { ordinal, splitSectionText } from './text.js';

describe('factual accuracy window', () => {
  it('is five working days by default, weekends excluded', () => {
    // Released Monday 9 March 2026: Tuesday to Monday.
    expect(factualAccuracyDeadline('2026-03-09', 5)).toBe('2026-03-16');
  });

  it('skips bank holidays (Easter 2026: Good Friday 3 April, Easter Monday 6 April)', () => {
    expect(factualAccuracyDeadline('2026-04-01', 5)).toBe('2026-04-10');
  });

  it('skips Christmas and Boxing Day (substitute days in 2026)', () => {
    // 25 Dec 2026 is a Friday, 26th a Saturday: Monday 28th is the substitute holiday.
    expect(factualAccuracyDeadline('2026-12-23', 3)).toBe('2026-12-30');
  });

  it('closes at midnight UK time on the deadline', () => {
    expect(windowOpen('2026-03-16', new Date('2026-03-16T23:30:00Z'))).toBe(true);
    // 23:30 UTC on 16 June is 00:30 on 17 June in British Summer Time.
    expect(windowOpen('2026-06-16', new Date('2026-06-16T23:30:00Z'))).toBe(false);
    expect(dateInEngland(new Date('2026-06-16T23:30:00Z'))).toBe('2026-06-17');
  });
});

describe('section text', () => {
  it('splits prose on blank lines and lists on lines', () => {
    expect(splitSectionText('One\nstill one.\n\n\nTwo.', false)).toEqual([
      'One still one.',
      'Two.',
    ]);
    expect(splitSectionText('- First\n• Second\n\n', true)).toEqual(['First', 'Second']);
  });

  it('writes ordinals for visit numbers', () => {
    expect([1, 3, 12, 13, 21, 22].map(ordinal)).toEqual([
      'first',
      'third',
      'twelfth',
      '13th',
      '21st',
      '22nd',
    ]);
  });
});
