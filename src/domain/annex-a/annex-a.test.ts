import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SheetDate, isoDateToSerial } from '../files/spreadsheet.js';
import { writeOds, writeXlsx, type WriteCell } from '../files/writers.js';
import { codeSet } from './code-sets.js';
import { annexAListToCsv, annexAToXlsx, generateAnnexA } from '../../synthetic/annex-a.js';
import { annexALists } from './lists.js';
import { ageOn, cellText, headerKey, parseDate, parseInteger } from './normalise.js';
import { parseAnnexA, type ParseResult } from './parse.js';
import { canonicalIdentifier, pseudonymiser } from './pseudonymise.js';

const REF = '2025-07-01';
const parse = (bytes: Uint8Array, name = 'annex.xlsx'): Promise<ParseResult> =>
  parseAnnexA(bytes, name, { referenceDate: REF, pseudonymiseStaff: (s) => `W:${s}` });

const headers = (list: number): string[] => annexALists[list - 1]!.fields.map((f) => f.header);

/** A one-list workbook with the template's headings and the given rows (by field key). */
function workbook(list: number, rows: Record<string, WriteCell>[], sheetName = `List ${list}`) {
  const fields = annexALists[list - 1]!.fields;
  return writeXlsx(
    [
      {
        name: sheetName,
        rows: [headers(list), ...rows.map((r) => fields.map((f) => r[f.key] ?? null))],
      },
    ],
    { neutralise: false },
  );
}

const person = {
  childId: '1001',
  gender: 'a) Male',
  ethnicity: 'a) WBRI',
  dateOfBirth: '12/03/2015',
  age: 10,
};

describe('value normalisation', () => {
  it('reads dates as day first in many spellings, and Excel serials', () => {
    expect(parseDate('05/03/2024')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('5-3-24')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('05.03.2024 00:00:00')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('2024-03-05T00:00:00')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('5 Mar 2024')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate(45356)).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate(new SheetDate(45356.75))).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('45356')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseDate('31/02/2024').ok).toBe(false);
    expect(parseDate('13/13/2024').ok).toBe(false);
    expect(parseDate('soon').ok).toBe(false);
    expect(isoDateToSerial('1900-03-01')).toBe(61);
  });

  it('treats #N/A, nan, dashes and non-breaking spaces as blank', () => {
    for (const v of ['#N/A', 'nan', '-', ' \u00a0 ', 'NULL', '']) expect(cellText(v), v).toBeNull();
    expect(cellText('Team\u00a0A ')).toBe('Team A');
    expect(cellText(3)).toBe('3');
  });

  it('reads whole numbers and ages', () => {
    expect(parseInteger('3')).toEqual({ ok: true, value: 3, fractional: false });
    expect(parseInteger(6.138)).toEqual({ ok: true, value: 6, fractional: true });
    expect(parseInteger('three').ok).toBe(false);
    expect(ageOn('2015-03-12', '2025-03-11')).toBe(9);
    expect(ageOn('2015-03-12', '2025-03-12')).toBe(10);
  });

  it('normalises headings: case, spaces, curly quotes, stray brackets', () => {
    expect(headerKey('LA In Touch ')).toBe(headerKey('LA in Touch'));
    expect(headerKey('Number of Episodes the Child has been ‘Missing’ from X')).toBe(
      headerKey("Number of Episodes the Child has been 'Missing' from X"),
    );
    expect(headerKey('(Y/N))')).toBe(headerKey('(Y/N)'));
  });
});

describe('code mapping', () => {
  it('maps prefixed, bare, labelled and case-system spellings to codes', () => {
    const eth = codeSet('ethnicity');
    for (const v of ['a) WBRI', 'WBRI', 'WBRI - White British (101)', 'White British'])
      expect(eth.match(v), v).toMatchObject({ kind: 'code', code: 'WBRI', group: 'white' });
    expect(eth.match('CHNE - Chinese')).toMatchObject({ code: 'CHNE', group: 'chinese' });
    const src = codeSet('source');
    expect(src.match('q) 6: Police')).toMatchObject({ code: '6', group: 'police' });
    expect(src.match('6')).toMatchObject({ code: '6' });
    expect(src.match('10: Unknown')).toMatchObject({ code: '10' });
    expect(codeSet('placementType').match('K1 : K1 Secure unit')).toMatchObject({ code: 'K1' });
    expect(codeSet('placementType').match('f) U6: Foster placement - not FFA')).toMatchObject({
      code: 'U6',
    });
    expect(codeSet('gender').match('F')).toMatchObject({ code: 'female' });
    expect(codeSet('gender').match('Female')).toMatchObject({ code: 'female' });
    expect(codeSet('yesNo').match('Y')).toMatchObject({ code: 'yes' });
    expect(codeSet('disability').match('NONE')).toMatchObject({ code: 'no' });
    expect(codeSet('primaryNeed').match('N1 - Abuse or Neglect')).toMatchObject({ code: 'N1' });
    expect(codeSet('legalStatus').match('C2: FCO')).toMatchObject({ code: 'C2' });
    expect(codeSet('accommodation').match('U: Independent living')).toMatchObject({ code: 'U' });
    expect(codeSet('accommodation').match('B - With parents or relatives')).toMatchObject({
      code: 'B',
    });
    expect(codeSet('inTouch').match('d) Refu')).toMatchObject({
      code: 'REFU',
      group: 'not_in_touch',
    });
    expect(
      codeSet('activity').match('G5: Not in education, employment or training - other'),
    ).toMatchObject({ code: 'G5', group: 'neet' });
  });

  it('keeps only the group when the spelling says no more, and rejects nonsense', () => {
    expect(codeSet('ethnicity').match('White')).toEqual({ kind: 'group', group: 'white' });
    expect(codeSet('source').match('Parent / Carer')).toEqual({
      kind: 'group',
      group: 'individual',
    });
    expect(codeSet('primaryNeed').match('PSRMEM - Support with memory and cognition')).toEqual({
      kind: 'none',
    });
  });
});

describe('pseudonyms', () => {
  it('are stable per key, differ between keys, and ignore spreadsheet artefacts', () => {
    const a = pseudonymiser('11'.repeat(32));
    const b = pseudonymiser('22'.repeat(32));
    expect(a('child', '00123')).toBe(a('child', '123'));
    expect(a('child', ' 123 ')).toBe(a('child', '123.0'));
    expect(a('child', '123')).not.toBe(b('child', '123'));
    expect(a('child', '123')).not.toBe(a('adopter', '123'));
    expect(a('child', 'abc')).toMatch(/^C-[0-9a-f]{16}$/);
    expect(canonicalIdentifier('ab 12')).toBe('AB12');
  });
});

describe('sheets and headings', () => {
  it('finds lists by sheet name, below title rows, and skips template sheets', async () => {
    const fields = annexALists[0]!.fields;
    const row = fields.map((f) =>
      f.key === 'contactDate'
        ? { date: '2025-05-01' }
        : f.key === 'contactSource'
          ? 'q) 6: Police'
          : ((person as Record<string, WriteCell>)[f.key] ?? null),
    );
    const bytes = writeXlsx(
      [
        { name: 'Guidance', rows: [['List 1: Contacts'], ['Child Unique ID', 'Gender']] },
        { name: 'List_1', rows: [['List 1: Contacts'], [], headers(1).map((h) => `${h} `), row] },
        { name: 'List 3 - Referrals', rows: [headers(3)] },
        { name: 'Sheet9', rows: [['List 9: Care leavers'], headers(9)] },
      ],
      { neutralise: false },
    );
    const r = await parse(bytes);
    expect(r.ignoredSheets).toEqual(['Guidance']);
    expect(r.lists.map((l) => [l.list, l.sheet, l.headerRow, l.rows])).toEqual([
      [1, 'List_1', 3, 1],
      [3, 'List 3 - Referrals', 1, 0],
      [9, 'Sheet9', 2, 0],
    ]);
    expect(r.rows[0]!.data).toMatchObject({
      contactDate: '2025-05-01',
      contactSource: '6',
      contactSourceGroup: 'police',
      gender: 'male',
      birthMonth: '2015-03',
      age: 10,
    });
    expect(r.rows[0]!.data).not.toHaveProperty('dateOfBirth');
    expect(r.issues).toEqual([]);
  });

  it('keeps unknown columns, drops identifying ones and reports missing ones', async () => {
    const bytes = writeXlsx(
      [
        {
          name: 'List 1',
          rows: [
            [...headers(1).filter((h) => h !== 'Contact Source'), 'Locality', 'Child Name'],
            ['7', 'b) Female', 'a) WBRI', '01/01/2015', 10, '02/05/2025', 'North', 'Jane Doe'],
          ],
        },
      ],
      { neutralise: false },
    );
    const r = await parse(bytes);
    expect(r.lists[0]).toMatchObject({
      unknownColumns: ['Locality'],
      droppedColumns: ['Child Name'],
      missingColumns: ['Contact Source'],
    });
    expect(r.rows[0]!.extra).toEqual({ Locality: 'North' });
    expect(JSON.stringify(r)).not.toContain('Jane Doe');
    expect(r.issues.map((i) => i.rule).sort()).toEqual(['column.identifying', 'column.missing']);
  });

  it('reads a single list from a CSV named after it', async () => {
    const g = generateAnnexA({ rows: 150, seed: 2 });
    const r = await parse(strToU8(annexAListToCsv(g, 3)), 'referrals list_3.csv');
    expect(r.format).toBe('csv');
    expect(r.lists.map((l) => [l.list, l.rows])).toEqual([[3, g.lists[2]!.rows.length]]);
  });

  it('reads per-list CSV files sent together in a .zip', async () => {
    const g = generateAnnexA({ rows: 300, seed: 6 });
    const bytes = zipSync({
      'annex-a/List 3 referrals.csv': strToU8(annexAListToCsv(g, 3)),
      'annex-a/list_8.csv': strToU8(annexAListToCsv(g, 8)),
      'annex-a/readme.txt': strToU8('exported from the case system'),
    });
    const r = await parse(bytes, 'annex-a.zip');
    expect(r.format).toBe('csv');
    expect(r.lists.map((l) => [l.list, l.rows])).toEqual([
      [3, g.lists[2]!.rows.length],
      [8, g.lists[7]!.rows.length],
    ]);
  });

  it('reads the 2023 List 9 layout', async () => {
    const r = await parse(
      workbook(9, [
        {
          ...person,
          childId: '9',
          age: 19,
          dateOfBirth: '01/01/2006',
          uasc: 'b) No',
          disability: 'b) No',
          team: 'CL',
          workerRef: 'Sam',
          personalAdvisorRef: 'Pat',
          eligibility: 'b) Former relevant child',
          inTouch: 'a) Yes',
          latestContact: '01/06/2025',
          accommodation: 'U: Independent living',
          suitability: 'a) Suitable',
          activity: 'F3: Full time in training or employment',
        },
      ]),
    );
    expect(r.layout).toBe('2023');
    expect(r.rows[0]!.data).toMatchObject({
      personalAdvisorRef: 'W:pat',
      inTouch: 'YES',
      activityGroup: 'eet',
      accommodation: 'U',
    });
    expect(r.issues).toEqual([]);
  });
});

describe('validation rules', () => {
  const rulesOf = (r: ParseResult) => r.issues.map((i) => `${i.severity}:${i.rule}:${i.field}`);

  it('required fields, unknown codes and bad dates are errors on the row', async () => {
    const r = await parse(
      workbook(1, [
        { ...person, childId: null, contactDate: 'soon', contactSource: 'Not a source' },
      ]),
    );
    expect(rulesOf(r).sort()).toEqual([
      'error:code.unknown:contactSource',
      'error:date.invalid:contactDate',
      'error:required:childId',
    ]);
    expect(r.rows).toHaveLength(1); // kept, flagged
    expect(r.rows[0]!.flags).toHaveLength(3);
    const unknown = r.issues.find((i) => i.rule === 'code.unknown')!;
    expect(unknown).toMatchObject({
      list: 1,
      row: 2,
      column: 'Contact Source',
      value: 'Not a source',
      severity: 'error',
    });
    // The value of an identifying column is never repeated.
    const bad = await parse(
      workbook(1, [
        { ...person, dateOfBirth: 'Feb 30th', contactDate: '01/05/2025', contactSource: '6' },
      ]),
    );
    expect(bad.issues[0]).toMatchObject({
      rule: 'date.invalid',
      field: 'dateOfBirth',
      value: null,
    });
  });

  it('date order: an assessment authorised before it started', async () => {
    const r = await parse(
      workbook(4, [
        {
          ...person,
          disability: 'b) No',
          assessmentStart: '10/05/2025',
          childSeen: 'a) Yes',
          assessmentAuthorised: '01/05/2025',
          requiresSupport: 'a) Yes',
          team: 'T',
          workerRef: 'W',
        },
      ]),
    );
    expect(rulesOf(r)).toEqual(['error:date.order:assessmentAuthorised']);
  });

  it('ages: range, mismatch with the date of birth, unborn children', async () => {
    const r = await parse(
      workbook(1, [
        { ...person, age: 4, contactDate: '01/05/2025', contactSource: '6' },
        {
          ...person,
          childId: '2',
          dateOfBirth: '01/09/2025',
          age: -1,
          contactDate: '01/05/2025',
          contactSource: '6',
        },
        {
          ...person,
          childId: '3',
          dateOfBirth: null,
          age: 40,
          contactDate: '01/05/2025',
          contactSource: '6',
        },
      ]),
    );
    expect(rulesOf(r)).toEqual(['query:age.mismatch:age', 'error:age.range:age']);
    expect(r.rows[1]!.data).toMatchObject({ age: -1, unborn: true });
  });

  it('duplicate children in one-row-per-child lists are errors; repeated events are queries', async () => {
    const cp = {
      ...person,
      disability: 'b) No',
      cpPlanStart: '01/01/2025',
      initialCategory: 'a) Neglect',
      latestCategory: 'a) Neglect',
      epoOrPolicePowers: 'b) No',
      previousCpPlans: 0,
      team: 'T',
      workerRef: 'W',
    };
    const r = await parse(workbook(7, [cp, { ...cp }]));
    expect(rulesOf(r)).toEqual(['error:duplicate.child:childId']);
    expect(r.issues[0]!.message).toContain('row 2');
    const contact = { ...person, contactDate: '01/05/2025', contactSource: '6' };
    const e = await parse(workbook(1, [contact, { ...contact }]));
    expect(rulesOf(e)).toEqual(['query:duplicate.event:contactDate']);
  });

  it('consistency: closure date without reason; in touch without accommodation', async () => {
    const cin = await parse(
      workbook(6, [
        {
          ...person,
          disability: 'b) No',
          cinStartDate: '01/01/2025',
          primaryNeed: 'N1',
          cinClosureDate: '01/04/2025',
          caseStatus: 'e) Closed episode',
          team: 'T',
          workerRef: 'W',
        },
      ]),
    );
    expect(rulesOf(cin)).toEqual(['error:consistency:closureReason']);
    const cl = await parse(
      workbook(9, [
        {
          ...person,
          dateOfBirth: '01/01/2006',
          age: 19,
          disability: 'b) No',
          team: 'T',
          workerRef: 'W',
          eligibility: 'b) Former relevant child',
          inTouch: 'a) Yes',
        },
      ]),
    );
    expect(rulesOf(cl)).toContain('query:consistency:accommodation');
  });

  it('referral counts must agree across one child’s rows', async () => {
    const ref = {
      ...person,
      referralDate: '01/05/2025',
      referralSource: '6',
      referralNfa: 'No',
      team: 'T',
      workerRef: 'W',
    };
    const r = await parse(
      workbook(3, [
        { ...ref, referralsLast12Months: 1 },
        { ...ref, referralDate: '02/05/2025', referralsLast12Months: 2 },
      ]),
    );
    expect(rulesOf(r)).toEqual(['query:consistency.per-child:referralsLast12Months']);
  });
});

describe('the synthetic generator', () => {
  it('is reproducible: same seed, same bytes', () => {
    const a = annexAToXlsx(generateAnnexA({ rows: 300, seed: 9 }));
    const b = annexAToXlsx(generateAnnexA({ rows: 300, seed: 9 }));
    const c = annexAToXlsx(generateAnnexA({ rows: 300, seed: 10 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('produces clean data that imports without errors, and errors when asked', async () => {
    const g = generateAnnexA({ rows: 2000, seed: 4, mess: 0.5 });
    const r = await parse(annexAToXlsx(g));
    expect(r.totals.rows).toBe(g.lists.reduce((n, l) => n + l.rows.length, 0));
    expect(r.totals.errors).toBe(0);
    const bad = generateAnnexA({ rows: 2000, seed: 4, errorRate: 0.05 });
    const rb = await parse(
      writeOds(
        bad.lists.map((l) => ({ name: l.sheetName, rows: [...l.preamble, l.headers, ...l.rows] })),
        { neutralise: false },
      ),
      'x.ods',
    );
    expect(rb.totals.errors).toBeGreaterThan(0);
  });
});
