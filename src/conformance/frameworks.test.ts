import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworks } from '../domain/frameworks/index.js';
import { frameworksDir } from '../paths.js';
import {
  SOURCES,
  dayMonthYear,
  firstDateInText,
  replayRows,
  runAggregationCheck,
} from './frameworks.js';

const registry = loadFrameworks(frameworksDir());
const [mi, d2i, sif] = SOURCES as [(typeof SOURCES)[0], (typeof SOURCES)[0], (typeof SOURCES)[0]];
const RI = 'Requires improvement to be good';

function miRow(
  la: string,
  date: string,
  overall: string,
  leaders: string,
  hp: string,
  cic: string,
  cl = '',
): Record<string, string> {
  const row: Record<string, string> = {
    'Local authority name': la,
    'Inspection date': date,
    'Inspection type': 'ILACS Standard Inspection',
  };
  const values = [overall, leaders, hp, cic, cl];
  Object.values(mi.columns).forEach((column, i) => (row[column] = values[i] ?? ''));
  return row;
}

describe('dates in the reference files', () => {
  it('reads numeric and free-text dates', () => {
    expect(dayMonthYear('09/05/25')).toBe('2025-05-09');
    expect(dayMonthYear('17/03/2025')).toBe('2025-03-17');
    expect(dayMonthYear('')).toBeUndefined();
    expect(firstDateInText('14 January – 5 February 2014')).toBe('2014-01-14');
    expect(firstDateInText('9–24 November 2017')).toBe('2017-11-09');
    expect(firstDateInText('18 Feb 2014 – 12 March 2014')).toBe('2014-02-18');
    expect(firstDateInText('1/06/2015 – 25/06/2015')).toBe('2015-06-01');
    expect(firstDateInText('– 30')).toBeUndefined();
  });
});

describe('replaying outcomes through the rules', () => {
  it('picks the version by date, counts soft trips with examples and reports hard rejections', () => {
    const stats = replayRows(registry, mi, [
      miRow('Barnet', '13/05/2019', 'Good', 'Good', 'Good', 'Good'),
      miRow('Slough', '23/01/2023', RI, 'Inadequate', RI, RI, RI),
      miRow('Nowhere', '01/06/2024', 'Good', 'Good', 'Inadequate', 'Good', 'Good'),
    ]);
    expect(stats).toMatchObject({
      rows: 3,
      replayed: 3,
      byFramework: { 'ilacs-2018': 1, 'ilacs-2023': 2 },
    });
    expect(stats.soft['ilacs:leaders_inadequate_overall_inadequate']).toMatchObject({
      count: 1,
      examples: ['Slough 2023-01-23'],
    });
    expect(stats.hard).toHaveLength(1);
    expect(stats.hard[0]).toMatch(
      /row 4 \(Nowhere, 2024-06-01\), ilacs-2023: experience_inadequate_limits_overall: Overall effectiveness is Good, but it must be Inadequate/,
    );
  });

  it('skips unparsed grades, dates outside every framework and judgements a version lacks', () => {
    const row = (la: string, start: string, grades: string[], framework = 'standard') => {
      const r: Record<string, string> = {
        local_authority: la,
        inspection_start_date: start,
        publication_date: '',
        inspection_framework: framework,
      };
      Object.values(d2i.columns).forEach((column, i) => (r[column] = grades[i] ?? ''));
      return r;
    };
    const stats = replayRows(registry, d2i, [
      row('a', '05/11/2018', [
        '',
        'requires improvement',
        'to requires improvement',
        'requires improvement',
        'inspection_pre_dates_judgement',
      ]),
      row(
        'b',
        '01/06/2012',
        [
          'data_unreadable',
          'data_unreadable',
          'data_unreadable',
          'data_unreadable',
          'data_unreadable',
        ],
        '',
      ),
      row('c', '11/07/2022', [
        'inadequate',
        'requires improvement',
        'inadequate',
        'requires improvement',
        'inadequate',
      ]),
      row('d', '11/05/2026', ['not_reported_post_reform', 'outstanding', 'good', 'good', 'good']),
      row(
        'e',
        '17/03/2025',
        ['outstanding', 'outstanding', 'outstanding', 'outstanding', 'good'],
        'short',
      ),
    ]);
    expect(stats).toMatchObject({
      replayed: 1,
      unparsed: 1,
      noFramework: 1,
      mismatched: 1,
      noRuleApplicable: 1,
      hard: [],
    });
    expect(stats.unparsedExamples[0]).toMatch(
      /help_and_protection_grade='to requires improvement'/,
    );
    expect(stats.mismatchExamples[0]).toMatch(/ilacs-2018 has no care_leavers/);
  });

  it('reads SIF abbreviations, blanks and dates from the file name', () => {
    const row = (
      file: string,
      dates: string,
      oe: string,
      hp: string,
      cla: string,
      lmg: string,
    ) => ({
      file,
      dates,
      oe,
      hp,
      cla,
      adoption: '',
      care_leavers: '',
      lmg,
      lscb: '',
    });
    const stats = replayRows(registry, sif, [
      row(
        "80418_norfolk__children's services inspection - 20 october 2015",
        '6 July 2015 – 30 July 2015',
        'inadequate',
        'RI',
        'inadequate',
        'RI',
      ),
      row(
        "80419_isle of wight__children's services inspection - 19 november 2014",
        '',
        'RI',
        '',
        '',
        '',
      ),
      row(
        "1_somewhere__children's services inspection - 08 august 2014",
        '2 June 2014 – 25 June 2014',
        'good',
        'good',
        'good',
        'RI',
      ),
    ]);
    expect(stats).toMatchObject({
      replayed: 2,
      noRuleApplicable: 1,
      byFramework: { 'sif-2013': 2 },
    });
    expect(stats.hard).toEqual([
      expect.stringMatching(
        /somewhere, 2014-06-02\), sif-2013: overall_no_better_than_leadership: .*Requires improvement\)/,
      ),
    ]);
  });
});

describe('the conformance check', () => {
  it('does not crash when the reference folder is absent', async () => {
    const result = await runAggregationCheck('/nonexistent/reference');
    expect(result.passed).toBe(true);
    expect(result.summary.filter((l) => l.includes('not found'))).toHaveLength(3);
  });

  it('fails, naming the problem, when the framework files do not load', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frameworks-'));
    try {
      writeFileSync(path.join(dir, 'bad.json'), '{');
      const result = await runAggregationCheck('/nonexistent/reference', dir);
      expect(result.passed).toBe(false);
      expect(result.failures[0]).toMatch(/bad\.json: Not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
