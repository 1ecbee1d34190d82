import { describe, expect, it } from 'vitest';
import { annexACoverage, COVERAGE_THRESHOLD } from '../annex-a-profile/coverage.js';
import type { BenchmarkFile } from '../annex-a-profile/benchmarks.js';
import { SheetDate } from '../files/spreadsheet.js';
import { codeSet } from './code-sets.js';
import { allowedCodes, dmy, notKnownCode, shownValue, whyNotADate } from './messages.js';

describe('Annex A message words', () => {
  it('say why a date does not exist', () => {
    expect(whyNotADate('31/02/2026')).toBe('31 February does not exist (February has 28 days)');
    expect(whyNotADate('29/02/2025')).toBe(
      '2025 is not a leap year, so 29 February does not exist',
    );
    expect(whyNotADate('31/04/2024')).toBe('31 April does not exist (April has 30 days)');
    expect(whyNotADate('12/13/2024')).toContain('there is no month 13');
    expect(whyNotADate('05/13/2024')).toContain('did you mean 13/05/…?');
    expect(whyNotADate('2024-02-30')).toContain('30 February does not exist');
    expect(whyNotADate('30 Feb 2024')).toContain('30 February does not exist');
    expect(whyNotADate('soon')).toContain('DD/MM/YYYY');
  });

  it('write dates and cells as the workbook does', () => {
    expect(dmy('2025-07-07')).toBe('07/07/2025');
    expect(shownValue(new SheetDate(45000))).toBe('15/03/2023');
    expect(shownValue(22.036960985626283)).toBe('22.04');
    expect(shownValue('  N/A ')).toBe('N/A');
  });

  it('list the codes allowed and the code for "not known"', () => {
    expect(allowedCodes(codeSet('yesNo'))).toBe('Yes, No');
    expect(allowedCodes(codeSet('primaryNeed'))).toContain('N1, N2');
    expect(notKnownCode(codeSet('gender'))).toBe('c) Not stated/recorded');
    expect(notKnownCode(codeSet('yesNo'))).toBeNull();
  });
});

describe('Annex A coverage against the LA size', () => {
  const b: BenchmarkFile = {
    meta: { sources: [] },
    england: { 'cla.rate_per_10k': { '2025': 70 }, 'referrals.rate_per_10k': { '2025': 500 } },
    regions: {},
    las: {
      '1': {
        name: 'Big',
        region: null,
        population0to17: 200_000,
        populationYear: 2025,
        statNeighbours: [],
        statNeighbourModel: null,
        values: { 'cla.rate_per_10k': { '2024': 90, '2025': 100 } },
      },
    },
  };

  it('expects volumes from the LA rate (else England) and flags a list under the threshold', () => {
    const c = annexACoverage(b, '1', 200_000, { 3: 59, 8: 1900 })!;
    const cla = c.lists.find((l) => l.list === 8)!;
    expect(cla).toMatchObject({ expected: 2000, rows: 1900, low: false, rate: 100 });
    expect(cla.rateSource).toContain('Big');
    const referrals = c.lists.find((l) => l.list === 3)!;
    expect(referrals).toMatchObject({ expected: 5000, rows: 59, low: true });
    expect(referrals.rateSource).toContain('England');
    expect(c.low).toBe(true);
    expect(c.threshold).toBe(COVERAGE_THRESHOLD);
    expect(c.message).toContain('List 3 (Referrals) has 59 rows where about 5000');
  });

  it('does not judge without a population or where too few are expected', () => {
    expect(annexACoverage(b, '1', null, { 8: 1 })).toBeNull();
    expect(annexACoverage(b, '1', 500, { 8: 1 })).toBeNull();
  });
});
