import { describe, expect, it } from 'vitest';
import { parseCorpusFileName } from './file-name.js';
import { frameworkOnDate, linkToHistory, type HistoryFacts } from './link.js';

describe('corpus file names', () => {
  it('reads the URN, the LA name, the title and the date', () => {
    expect(
      parseCorpusFileName(
        "80418_norfolk__children's services inspection,  pdf - 16 august 2013.txt",
      ),
    ).toEqual({
      ok: true,
      name: {
        laKeys: ['80418', 'norfolk'],
        date: '2013-08-16',
        title: "children's services inspection",
      },
    });
    expect(parseCorpusFileName('bedford__focused visit - 2022-01-14.PDF')).toEqual({
      ok: true,
      name: { laKeys: ['bedford'], date: '2022-01-14', title: 'focused visit' },
    });
  });

  it('refuses names without a real date, an authority or a known extension', () => {
    expect(parseCorpusFileName('80418_norfolk__report - 31 february 2013.txt').ok).toBe(false);
    expect(parseCorpusFileName('report - 3 march 2013.txt').ok).toBe(false);
    expect(parseCorpusFileName('80418_norfolk__report - 3 march 2013.rtf').ok).toBe(false);
  });
});

describe('linking to the history', () => {
  const sif: HistoryFacts = {
    activityType: 'sif_inspection',
    frameworkId: 'sif-2013',
    startDate: '2014-04-29',
    publicationDate: '2014-07-07',
    grades: { overall_effectiveness: 'requires_improvement' },
  };
  it('takes the framework and grade of the inspection published that day or started before', () => {
    expect(linkToHistory('2014-07-07', 'report', [sif])).toEqual({
      frameworkId: 'sif-2013',
      grade: 'requires_improvement',
      matched: true,
    });
    expect(linkToHistory('2014-07-10', 'report', [sif]).matched).toBe(true);
  });
  it('falls back to the framework in force, never guessing a grade', () => {
    expect(linkToHistory('2015-07-10', 'report', [sif])).toEqual({
      frameworkId: 'sif-2013',
      grade: null,
      matched: false,
    });
    expect(linkToHistory('2014-07-07', 'letter', [sif]).grade).toBeNull();
    expect(frameworkOnDate('2012-05-01')).toBe('pre-sif');
    expect(frameworkOnDate('2023-01-01')).toBe('ilacs-2023');
  });
});
