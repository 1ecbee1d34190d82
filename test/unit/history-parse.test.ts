import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkFor } from '../../src/domain/history/frameworks.js';
import { combineEvents, mergeEvent } from '../../src/domain/history/merge.js';
import {
  parseHistoryCsv,
  type ParseHistoryResult,
} from '../../src/domain/history/parse-history-csv.js';
import type { ParsedHistoryEvent } from '../../src/domain/history/types.js';
import { readDate, readDateRange, readGrade } from '../../src/domain/history/values.js';
import { LaReferenceFileSchema } from '../../src/domain/las/la.js';
import { createLaRegister } from '../../src/domain/las/register.js';

const file = LaReferenceFileSchema.parse(
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../reference/local-authorities.json'), 'utf8'),
  ),
);
const register = createLaRegister(file.localAuthorities, file.successions);

const MI_GRADES =
  'Overall effectiveness,The impact of leaders on social work practice with children and families,The experiences and progress of children who need help and protection,The experiences and progress of children in care,The experiences and progress of care leavers';
const HISTORY_HEAD = `Web link,Local authority area code,Local authority name,Local authority status,Ofsted region,Inspection date,Publication date,Inspection type,${MI_GRADES}`;
const SCRAPE_HEAD =
  'urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version';

function parse(text: string): Extract<ParseHistoryResult, { ok: true }> {
  const r = parseHistoryCsv(text, 'test.csv', register);
  if (!r.ok) throw new Error(r.problem.reason);
  return r;
}

/** The single problem a one-row file produces. */
function problemOf(text: string) {
  const r = parse(text);
  expect(r.events).toHaveLength(0);
  expect(r.problems).toHaveLength(1);
  return r.problems[0];
}

describe('format detection', () => {
  it('reads the ILACS history sheet', () => {
    const r = parse(
      `${HISTORY_HEAD}\nLink,E08000016,Barnsley,Current,"North East, Yorkshire and the Humber",11/09/2023,27/10/2023,ILACS Short Inspection,Good,Good,Requires improvement to be good,Good,Good\n`,
    );
    expect(r.format.id).toBe('ofsted-ilacs-history');
    expect(r.problems).toEqual([]);
    expect(r.events).toEqual([
      {
        sourceKey: 'barnsley/inspection/2023-09-11',
        laId: 'barnsley',
        activityType: 'short_inspection',
        frameworkId: 'ilacs-2023',
        startDate: '2023-09-11',
        endDate: null,
        publicationDate: '2023-10-27',
        theme: null,
        grades: {
          overall_effectiveness: 'good',
          impact_of_leaders: 'good',
          help_and_protection: 'requires_improvement',
          children_in_care: 'good',
          care_leavers: 'good',
        },
        source: 'ofsted-mi',
        file: 'test.csv',
        row: 2,
      },
    ]);
  });

  it('reads the latest-outcomes sheet, which does not say short or standard', () => {
    const r = parse(
      `Web link,Local authority area code,Local authority name,Ofsted region,Inspection date,Publication date,${MI_GRADES}\nLink,E09000033,Westminster,London,15/01/2024,01/03/2024,Outstanding,Outstanding,Outstanding,Outstanding,Outstanding\n`,
    );
    expect(r.format.id).toBe('ofsted-latest');
    expect(r.events[0]).toMatchObject({
      laId: 'westminster',
      activityType: 'judgement_inspection',
      sourceKey: 'westminster/inspection/2024-01-15',
    });
  });

  it('reads in-year visits with their themes', () => {
    const r = parse(
      `Web link,Local authority area code,Local authority name,Region,Inspection/Visit date,Publication date,Inspection/Visit type,${MI_GRADES},Visit Theme\nLink,E08000008,Tameside,North West,14/05/2024,20/06/2024,LA Monitoring visit,,,,,,Front door\nLink,E08000016,Barnsley,X,05/11/2024,05/12/2024,ILACS Focused Visit,,,,,,  Children in   care \n`,
    );
    expect(r.format.id).toBe('ofsted-in-year');
    expect(r.events.map((e) => [e.sourceKey, e.activityType, e.theme, e.grades])).toEqual([
      ['tameside/monitoring_visit/2024-05-14', 'monitoring_visit', 'Front door', {}],
      ['barnsley/focused_visit/2024-11-05', 'focused_visit', 'Children in care', {}],
    ]);
  });

  it('reads the scraped history: lower-case grades, markers and two-digit years', () => {
    const r = parse(
      `${SCRAPE_HEAD}\n80533,nottingham,l,f,07/01/19,standard,I,05/11/2018,16/11/2018,,requires improvement,to requires improvement,requires improvement,inspection_pre_dates_judgement,1\n80555,somerset,l,f,17/06/26,short,I,27/04/2026,01/05/2026,not_reported_post_reform,requires improvement,requires improvement,good,good,1\n80580,wiltshire,l,f,22/07/19,inspection duration longer than standard framework,I,03/06/2019,19/06/2019,good,good,good,good,inspection_pre_dates_judgement,1\n`,
    );
    expect(r.format.id).toBe('d2i-scrape');
    expect(r.problems).toEqual([]);
    const [nottingham, somerset, wiltshire] = r.events;
    expect(nottingham).toMatchObject({
      activityType: 'standard_inspection',
      frameworkId: 'ilacs-2018',
      endDate: '2018-11-16',
      publicationDate: '2019-01-07',
      grades: {
        impact_of_leaders: 'requires_improvement',
        help_and_protection: 'requires_improvement',
        children_in_care: 'requires_improvement',
      },
      source: 'd2i-scrape',
    });
    expect(somerset).toMatchObject({ frameworkId: 'ilacs-2026' });
    expect(somerset?.grades.overall_effectiveness).toBeUndefined();
    expect(wiltshire).toMatchObject({ activityType: 'judgement_inspection' });
  });

  it('reads grades extracted from SIF reports, with the period and report file name', () => {
    const r = parse(
      `file,oe,hp,cla,adoption,care_leavers,lmg,lscb,dates\n80426_barnsley__children's services inspection - 08 august 2014,RI,RI,good,good,RI,RI,,14 May 2014 – 5 June 2014\n`,
    );
    expect(r.format.id).toBe('sif-extract');
    expect(r.events[0]).toMatchObject({
      sourceKey: 'barnsley/inspection/2014-05-14',
      activityType: 'sif_inspection',
      frameworkId: 'sif-2013',
      endDate: '2014-06-05',
      publicationDate: '2014-08-08',
      grades: {
        overall_effectiveness: 'requires_improvement',
        children_looked_after: 'good',
        adoption: 'good',
        leadership: 'requires_improvement',
      },
      source: 'sif-extract',
    });
  });

  it('treats a graded inspection before ILACS as a SIF inspection, with SIF judgements', () => {
    const r = parse(
      `${SCRAPE_HEAD}\n80462,doncaster,l,f,30/01/18,standard,I,09/11/2017,24/11/2017,inadequate,inadequate,requires improvement,requires improvement,inspection_pre_dates_judgement,1\n`,
    );
    expect(r.events[0]).toMatchObject({
      activityType: 'sif_inspection',
      frameworkId: 'sif-2013',
      grades: { leadership: 'inadequate', children_looked_after: 'requires_improvement' },
    });
  });

  it('passes over title rows above the header, a BOM and blank rows', () => {
    const r = parse(
      `\uFEFFLocal authority inspection outcomes,,\nAs at 31 March 2025,,\n${HISTORY_HEAD}\n,,,,,,,,,,,,\nLink,E06000028,Bournemouth,No longer exists,South West,16/07/2018,24/08/2018,ILACS Standard Inspection,Requires improvement to be good,Inadequate,Requires improvement to be good,Requires improvement to be good,\n`,
    );
    expect(r.rows).toBe(1);
    expect(r.events[0]).toMatchObject({ laId: 'bournemouth-to-2019', row: 5 });
  });

  it('refuses a file it does not recognise, and one that is not CSV', () => {
    const unknown = parseHistoryCsv('name,score\nKent,3\n', 'x.csv', register);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problem.reason).toMatch(/header row does not match/);
    const broken = parseHistoryCsv(`${HISTORY_HEAD}\n"unclosed,quote\n`, 'y.csv', register);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problem.reason).toMatch(/not valid CSV/);
  });
});

describe('bad rows are reported with file, row, field, value and reason', () => {
  const row = (cells: string) => `${HISTORY_HEAD}\n${cells}\n`;

  it('unknown local authority code', () => {
    expect(
      problemOf(
        row(
          'L,E09999999,Atlantis,Current,London,10/07/2023,04/09/2023,ILACS Standard Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toEqual({
      file: 'test.csv',
      row: 2,
      field: 'Local authority area code',
      value: 'E09999999',
      reason: 'no local authority has this GSS code',
    });
  });

  it('code and name of different authorities', () => {
    expect(
      problemOf(
        row(
          'L,E08000016,Sheffield,Current,X,11/09/2023,27/10/2023,ILACS Short Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({
      field: 'Local authority name',
      value: 'Sheffield',
      reason: expect.stringMatching(/Sheffield.*Barnsley/),
    });
  });

  it('an authority that did not exist on the date', () => {
    expect(
      problemOf(
        row(
          'L,E10000006,Cumbria,X,North West,01/05/2024,15/06/2024,ILACS Standard Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({
      value: 'E10000006',
      reason: expect.stringMatching(/did not exist on 2024-05-01/),
    });
  });

  it('bad dates', () => {
    expect(
      problemOf(
        row(
          'L,E09000003,Barnet,C,London,31/02/2024,23/07/2024,ILACS Short Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({
      field: 'Inspection date',
      value: '31/02/2024',
      reason: 'no such day in the calendar',
    });
    expect(
      problemOf(
        row(
          'L,E09000003,Barnet,C,London,next week,23/07/2024,ILACS Short Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({ value: 'next week', reason: expect.stringMatching(/not a date/) });
    expect(
      problemOf(
        row(
          'L,E09000003,Barnet,C,London,,23/07/2024,ILACS Short Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({ field: 'Inspection date', reason: 'the start date is missing' });
    expect(
      problemOf(
        row(
          'L,E09000008,Croydon,C,London,13/05/2019,01/01/2019,ILACS Standard Inspection,Good,Good,Good,Good,',
        ),
      ),
    ).toMatchObject({
      field: 'Publication date',
      reason: 'the publication date is before the start date',
    });
  });

  it('unknown grade label', () => {
    expect(
      problemOf(
        row(
          'L,E09000004,Bexley,C,London,10/06/2024,23/07/2024,ILACS Short Inspection,Excellent,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({
      field: 'Overall effectiveness',
      value: 'Excellent',
      reason: expect.stringMatching(/not a grade/),
    });
  });

  it('unknown or missing type', () => {
    expect(
      problemOf(
        row(
          'L,E09000005,Brent,C,London,10/06/2024,23/07/2024,ILACS Sparkly Visit,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({
      field: 'Inspection type',
      value: 'ILACS Sparkly Visit',
      reason: 'not a known type of inspection or visit',
    });
    expect(
      problemOf(row('L,E09000005,Brent,C,London,10/06/2024,23/07/2024,,Good,Good,Good,Good,Good')),
    ).toMatchObject({
      field: 'Inspection type',
      reason: 'the type of inspection or visit is missing',
    });
  });

  it('a judgement the framework in force did not have, and grades on a visit', () => {
    expect(
      problemOf(
        row(
          'L,E09000007,Camden,C,London,13/05/2019,01/07/2019,ILACS Standard Inspection,Good,Good,Good,Good,Good',
        ),
      ),
    ).toMatchObject({
      field: 'The experiences and progress of care leavers',
      reason: expect.stringMatching(/ilacs-2018 framework/),
    });
    expect(
      problemOf(
        row('L,E09000007,Camden,C,London,13/05/2024,01/07/2024,ILACS Focused Visit,,Good,,,'),
      ),
    ).toMatchObject({ reason: 'a focused visit is not graded' });
  });

  it('keeps good rows and reports every bad one in a mixed file', () => {
    const r = parse(
      `${HISTORY_HEAD}\nL,E09000002,Barking and Dagenham,C,London,10/07/2023,04/09/2023,ILACS Standard Inspection,Good,Good,Good,Good,Good\nL,E09999999,Atlantis,C,London,10/07/2023,,ILACS Standard Inspection,Good,Good,Good,Good,Good\nL,E09000003,Barnet,C,London,31/02/2024,,ILACS Short Inspection,Good,Good,Good,Good,Good\n`,
    );
    expect(r.events.map((e) => e.laId)).toEqual(['barking-and-dagenham']);
    expect(r.problems.map((p) => p.row)).toEqual([3, 4]);
  });
});

describe('values', () => {
  it.each([
    ['05/11/2018', '2018-11-05'],
    ['5/11/18', '2018-11-05'],
    ['2018-11-05', '2018-11-05'],
    ['5 November 2018', '2018-11-05'],
    ['', null],
  ])('date %s', (raw, expected) => {
    expect(readDate(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['13 November 2017 to 24 November 2017', '2017-11-13', '2017-11-24'],
    ['6 July 2015 – 30 July 2015', '2015-07-06', '2015-07-30'],
    ['28 January–5 February 2014', '2014-01-28', '2014-02-05'],
    ['9–24 November 2017', '2017-11-09', '2017-11-24'],
    ['14 January 2014- 5 February 2014', '2014-01-14', '2014-02-05'],
    ['14 December – 9 January 2015', '2014-12-14', '2015-01-09'],
  ])('period %s', (raw, start, end) => {
    expect(readDateRange(raw)).toEqual({ ok: true, value: { start, end } });
  });

  it('reads a single date as the start, and the first of two blocks of fieldwork', () => {
    expect(readDateRange('28 July 2016')).toEqual({
      ok: true,
      value: { start: '2016-07-28', end: null },
    });
    expect(readDateRange('19 November-11 December 2013 and 28 – 30')).toEqual({
      ok: true,
      value: { start: '2013-11-19', end: '2013-12-11' },
    });
  });

  it('refuses what is not a period', () => {
    expect(readDateRange('July 2016').ok).toBe(false);
    expect(readDateRange('spring and summer 2016').ok).toBe(false);
    expect(readDateRange('24 November 2017 to 9 November 2017')).toEqual({
      ok: false,
      reason: 'the period ends before it starts',
    });
  });

  it.each([
    ['Requires improvement to be good', 'requires_improvement'],
    ['requires improvement', 'requires_improvement'],
    [' GOOD ', 'good'],
    ['RI', 'requires_improvement'],
    ['4', 'inadequate'],
    ['data_unreadable', null],
    ['inspection_pre_dates_judgement', null],
  ])('grade %s', (raw, expected) => {
    expect(readGrade(raw)).toEqual({ ok: true, value: expected });
  });

  it('chooses the framework by start date and type', () => {
    expect(frameworkFor('2017-11-13', 'judgement_inspection')).toBe('sif-2013');
    expect(frameworkFor('2018-03-01', 'sif_inspection')).toBe('sif-2013');
    expect(frameworkFor('2018-01-29', 'standard_inspection')).toBe('ilacs-2018');
    expect(frameworkFor('2022-12-31', 'short_inspection')).toBe('ilacs-2018');
    expect(frameworkFor('2023-01-01', 'short_inspection')).toBe('ilacs-2023');
    expect(frameworkFor('2026-03-31', 'focused_visit')).toBe('ilacs-2023');
    expect(frameworkFor('2026-04-01', 'standard_inspection')).toBe('ilacs-2026');
    expect(frameworkFor('2012-06-01', 'judgement_inspection')).toBeNull();
  });
});

describe('merging rows about the same event', () => {
  const base: ParsedHistoryEvent = {
    sourceKey: 'st-helens/inspection/2023-07-10',
    laId: 'st-helens',
    activityType: 'judgement_inspection',
    frameworkId: 'ilacs-2023',
    startDate: '2023-07-10',
    endDate: null,
    publicationDate: '2023-08-25',
    theme: null,
    grades: {
      overall_effectiveness: 'requires_improvement',
      help_and_protection: 'requires_improvement',
    },
    source: 'ofsted-mi',
    file: 'a.csv',
    row: 2,
  };

  it('fills gaps and reports disagreements, keeping the official value', () => {
    const scraped: ParsedHistoryEvent = {
      ...base,
      activityType: 'standard_inspection',
      endDate: '2023-07-21',
      grades: { help_and_protection: 'good', care_leavers: 'outstanding' },
      source: 'd2i-scrape',
      file: 'b.csv',
      row: 9,
    };
    const { merged, conflicts } = mergeEvent(base, scraped);
    expect(merged).toMatchObject({
      activityType: 'standard_inspection',
      endDate: '2023-07-21',
      source: 'ofsted-mi',
      grades: {
        overall_effectiveness: 'requires_improvement',
        help_and_protection: 'requires_improvement',
        care_leavers: 'outstanding',
      },
    });
    expect(conflicts).toEqual([
      {
        sourceKey: base.sourceKey,
        laId: 'st-helens',
        startDate: '2023-07-10',
        field: 'grades.help_and_protection',
        existing: 'requires_improvement',
        incoming: 'good',
        kept: 'existing',
        file: 'b.csv',
        row: 9,
      },
    ]);
    // The other way round, the official value replaces the scraped one: order does not matter.
    const reversed = mergeEvent({ ...scraped }, base);
    expect(reversed.merged.grades).toEqual(merged.grades);
    expect(reversed.conflicts[0]).toMatchObject({ kept: 'incoming' });
  });

  it('folds duplicate rows within one file', () => {
    const { events, conflicts } = combineEvents([base, { ...base, row: 3, endDate: '2023-07-21' }]);
    expect(events).toHaveLength(1);
    expect(events[0]?.endDate).toBe('2023-07-21');
    expect(conflicts).toEqual([]);
  });
});
