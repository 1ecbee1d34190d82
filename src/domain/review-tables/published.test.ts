import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../paths.js';
import type { Engagement } from './engagements.js';
import { compareWithPublished, PublishedTables } from './published.js';
import { computeReviewTables } from './tables.js';

const published = PublishedTables.parse(
  JSON.parse(readFileSync(path.join(referenceDir(), 'review-2019-tables.json'), 'utf8')),
);

const inspection = (
  laId: string,
  type: string,
  startDate: string,
  endDate: string,
): Engagement => ({
  laId,
  type,
  framework: type === 'sif_inspection' ? 'SIF' : 'ILACS',
  startDate,
  endDate,
  onSite: true,
  defaultDays: 10,
  teamSize: type === 'sif_inspection' ? 7 : 4,
  theme: null,
  themeLabel: null,
});

describe('the review’s published figures beside recomputed ones', () => {
  it('holds the published tables with their paragraphs, adding up as printed', () => {
    expect(published.table1.paragraph).toBe('16');
    expect(published.table3.rows.reduce((s, r) => s + r.count, 0)).toBe(published.table3.total);
    expect(published.table7.rows.reduce((s, r) => s + r.count, 0)).toBe(published.table7.total);
  });

  it('prints each table beside the recomputation and explains the differences', () => {
    const engagements = [
      inspection('a', 'short_inspection', '2018-03-05', '2018-03-09'),
      inspection('b', 'sif_inspection', '2016-10-03', '2016-10-28'),
    ];
    const at = (m: 1 | 4 | 9) =>
      computeReviewTables({
        source: 'history',
        engagements,
        graded: [],
        las: [],
        areaSend: null,
        yearStartMonth: m,
      });
    const sections = compareWithPublished(published, {
      calendar: at(1),
      academic: at(9),
      april: at(4),
    });
    expect(sections.map((s) => s.table)).toEqual([
      'Table 1',
      'Table 2',
      'Table 3',
      'Table 4',
      'Table 7',
    ]);
    const t1 = sections[0];
    expect(t1?.lines.find((l) => l.item === 'short_inspection')?.recomputed).toMatch(
      /^1 \(1 LAs\)/,
    );
    expect(t1?.differences.join(' ')).toMatch(/Missing from the MI: annual_engagement_meeting/);
    expect(t1?.differences.join(' ')).toMatch(/differ \(1 and 0 against 8 and 26\)/);
    expect(sections[1]?.differences.join(' ')).toMatch(/4\.7 weighted by LAs holding/);
    expect(sections[2]?.lines.every((l) => l.recomputed === 'not computed')).toBe(true);
    expect(sections[4]?.differences[0]).toMatch(/no focused visits in 2018/);
  });
});
