import { describe, expect, it } from 'vitest';
import { dateTimeText, dayText, timeText, whenText } from './format.js';

describe('GOV.UK date and time style', () => {
  it('writes days in full and times on the 12-hour clock, in England', () => {
    const d = new Date('2026-12-06T18:44:00Z');
    expect(dayText(d)).toBe('6 December 2026');
    expect(dateTimeText(d)).toBe('6 December 2026, 6:44pm');
    expect(whenText(d)).toBe('6:44pm on 6 December 2026');
    // British Summer Time: 08:00 UTC is 9am in London.
    expect(timeText(new Date('2026-06-01T08:00:00Z'))).toBe('9am');
    expect(timeText(new Date('2026-12-06T12:00:00Z'))).toBe('midday');
    expect(timeText(new Date('2026-12-06T00:00:00Z'))).toBe('midnight');
    expect(dateTimeText(new Date('2026-06-16T23:30:00Z'))).toBe('17 June 2026, 12:30am');
  });
});
