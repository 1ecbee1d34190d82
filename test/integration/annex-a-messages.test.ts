// What a data officer reads: every problem names the file, sheet, row, column, the value in the
// cell and why; broken quotes in a CSV are refused naming the row; a file with fewer lists never
// empties the others without being asked; a file far smaller than the LA is flagged.
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { isAppError } from '../../src/errors.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { getAnnexAProfile } from '../../src/usecases/annex-a-profile/get-annex-a-profile.js';
import { getAnnexAReport } from '../../src/usecases/annex-a/get-annex-a-report.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertLa, makeUser } from '../helpers/fixtures.js';

let t: TestDatabase;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
  db: t.db,
  actor,
  catalog,
});
let analyst: UserActor;

const PERSON = 'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years)';
const LIST_1 = [
  `${PERSON},Date of Contact,Contact Source`,
  'C1,Male,WBRI,01/01/2008,20,01/03/2025,1A', // row 2: age 20 in the cell, 17 from the birth date
  'C2,Female,WBRI,31/02/2012,,01/03/2025,1A', // row 3: no 31 February
  'C3,Female,WBRI,01/02/2012,,29/02/2025,1A', // row 4: 2025 is not a leap year
  'C4,Female,WBRI,,10,01/13/2025,1A', // row 5: month 13 (month first)
  'C5,Purple,WBRI,,10,01/03/2025,1A', // row 6: not a gender code
  'C6,N/A,WBRI,,10,01/03/2025,1A', // row 7: N/A where a code is required
  'C7,Male,WBRI,01/01/2012,30,01/03/2025,1A', // row 8: age 30 in the cell, 13 from the birth date
  'C8,Male,WBRI,N/A,10,01/03/2025,1A', // row 9: N/A where a blank is allowed: fine
].join('\n');
const LIST_2 = [
  `${PERSON},Assessment start date,Assessment completion date,Organisation completing assessment`,
  'C1,Male,WBRI,,10,10/03/2025,01/03/2025,N/A',
  'C2,Male,WBRI,,10,10/03/2025,,',
  'C3,Male,WBRI,,10,10/03/2025,,N/A',
].join('\n');

let made = 0;
async function newActivity(given: string): Promise<string> {
  const regional = systemActor('test');
  // A fresh authority like msg-la (no population) for each activity: the scheduling rules allow
  // one activity on site at a time per authority, and these share their dates.
  let laId = given;
  if (given === 'msg-la') {
    made += 1;
    laId = `msg-la-${made}`;
    await insertLa(t.db, laId, 'North West');
  }
  const a = await createActivity(as(regional), {
    laId,
    activityType: 'standard_inspection',
    plannedStart: '2025-07-07',
    plannedEnd: '2025-07-18',
  });
  await addTeamMember(as(regional), {
    activityId: a.id,
    userId: analyst.userId,
    teamRole: 'lead_inspector',
  });
  return a.id;
}

async function rowsPerList(activityId: string): Promise<Record<number, number>> {
  const rows = await t.db
    .selectFrom('annex_a_rows')
    .select(['list_no', (eb) => eb.fn.countAll<string>().as('n')])
    .where('activity_id', '=', activityId)
    .groupBy('list_no')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.list_no, Number(r.n)]));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'msg-la', 'North West');
  // A large LA of the national tables (Birmingham: about 290,000 children aged 0 to 17).
  await insertLa(t.db, 'big-la', 'West Midlands');
  await t.db
    .updateTable('local_authorities')
    .set({ dfe_code: '330' })
    .where('id', '=', 'big-la')
    .execute();
  analyst = await makeUser(t.db, 'msg-analyst', 'inspector');
});
afterAll(async () => t.destroy());

describe('Annex A messages', () => {
  it('name the value in the cell, both cells of a comparison, and why a date does not exist', async () => {
    const activityId = await newActivity('msg-la');
    const zip = zipSync({ 'List_1.csv': strToU8(LIST_1), 'List_2.csv': strToU8(LIST_2) });
    const r = await importAnnexA(as(analyst), { activityId, fileName: 'annex-a.zip', bytes: zip });
    expect(r.status).toBe('rejected');
    const all = [...r.errors, ...r.queries];
    const at = (list: number, row: number | null, rule: string) =>
      all.filter((i) => i.list === list && i.row === row && i.rule === rule);
    // Every problem says where: sheet (the CSV's name), row, column and reason.
    for (const i of all) {
      expect(i.sheet, i.message).toMatch(/^List_[12]$/);
      expect(i.row, i.message).not.toBeNull();
      expect(i.column, i.message).not.toBeNull();
      expect(i.message.length).toBeGreaterThan(10);
    }

    const mismatch = at(1, 2, 'age.mismatch')[0]!;
    expect(mismatch.value).toBe('20');
    expect(mismatch.message).toContain('The age in the cell is 20');
    expect(mismatch.message).toContain('gives 17 on 07/07/2025');

    const feb31 = at(1, 3, 'date.invalid')[0]!;
    expect(feb31.column).toBe('Date of Birth');
    expect(feb31.value).toBeNull(); // dates of birth are never repeated
    expect(feb31.message).toContain('31 February does not exist');

    const leap = at(1, 4, 'date.invalid')[0]!;
    expect(leap.value).toBe('29/02/2025');
    expect(leap.message).toContain('2025 is not a leap year');

    const month13 = at(1, 5, 'date.invalid')[0]!;
    expect(month13.message).toContain('there is no month 13');
    expect(month13.message).toContain('day first');

    const unknown = at(1, 6, 'code.unknown')[0]!;
    expect(unknown.value).toBe('Purple');
    expect(unknown.message).toContain("'Purple' is not a code for 'Gender'");
    expect(unknown.message).toContain('Male, Female, Not stated/recorded, Neither');

    const na = at(1, 7, 'required')[0]!;
    expect(na.value).toBe('N/A');
    expect(na.message).toContain("holds 'N/A'");
    expect(na.message).toContain('Not stated/recorded');

    const range = at(1, 8, 'age.range')[0]!;
    expect(range.severity).toBe('error');
    expect(range.value).toBe('30');
    expect(range.message).toContain('The age in the cell is 30');
    expect(range.message).toContain('gives 13');

    // N/A where the template allows a blank is a blank, as the guidance says ("leave blank").
    expect(all.filter((i) => i.list === 1 && i.row === 9)).toEqual([]);

    // A required column empty in every row: one problem with the column, not one per row.
    expect(all.filter((i) => i.list === 2 && i.rule === 'required')).toEqual([]);
    const empty = all.filter((i) => i.list === 2 && i.rule === 'column.empty');
    expect(empty).toHaveLength(1);
    expect(empty[0]!.column).toBe('Organisation completing assessment');
    expect(empty[0]!.row).toBe(1);
    expect(empty[0]!.message).toContain('any of the 3 rows');

    // Comparisons name both cells, dates as the workbook writes them.
    const order = at(2, 2, 'date.order')[0]!;
    expect(order.value).toBe('01/03/2025');
    expect(order.message).toBe(
      "'Assessment completion date' (01/03/2025) is before 'Assessment start date' (10/03/2025).",
    );
    for (const i of all) expect(i.message).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it('refuse a CSV whose quote merges two children into one row, naming the row', async () => {
    const activityId = await newActivity('msg-la');
    const good = LIST_1.split('\n').slice(0, 2).join('\n');
    await importAnnexA(as(analyst), {
      activityId,
      fileName: 'List_1.csv',
      bytes: strToU8(good),
      acceptFlagged: true,
    });
    const before = await rowsPerList(activityId);
    const merged = [
      `${PERSON},Date of Contact,Contact Source`,
      'C1,Male,WBRI,01/01/2012,13,01/03/2025,1A',
      'C2,Male,"White British,01/01/2012,13,01/03/2025,1A',
      'C3,Male,WBRI",01/01/2012,13,01/03/2025,1A',
      'C4,Male,WBRI,01/01/2012,13,01/03/2025,1A',
    ].join('\n');
    const unclosed = `${PERSON},Date of Contact,Contact Source\nC1,Male,WBRI,,13,01/03/2025,1A\nC2,"Male,WBRI,,13,01/03/2025,1A\nC3,Male,WBRI,,13,01/03/2025,1A\n`;
    for (const [csv, row, field] of [
      [merged, 3, 'column C'],
      [unclosed, 3, undefined],
    ] as const) {
      const err = await importAnnexA(as(analyst), {
        activityId,
        fileName: 'List_1.csv',
        bytes: strToU8(csv),
        acceptFlagged: true,
      }).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('IMPORT_INVALID');
      if (!isAppError(err)) continue;
      expect(err.details[0]).toMatchObject({ file: 'List_1.csv', row });
      expect(err.details[0]!.field).toBe(field);
      expect(err.details[0]!.reason).toContain(`Row ${row}`);
      expect(await rowsPerList(activityId)).toEqual(before);
    }
    // Inside a .zip, the CSV is named too.
    const err = await importAnnexA(as(analyst), {
      activityId,
      fileName: 'lists.zip',
      bytes: zipSync({ 'List_1.csv': strToU8(merged) }),
    }).catch((e: unknown) => e);
    expect(isAppError(err) && err.details[0]?.file).toBe('lists.zip › List_1.csv');
  });
});

describe('Annex A replacement', () => {
  it('keeps the lists a newer file does not contain unless asked, with the counts', async () => {
    const activityId = await newActivity('msg-la');
    const full = annexAToXlsx(generateAnnexA({ rows: 300, seed: 5, errorRate: 0 }));
    await importAnnexA(as(analyst), { activityId, fileName: 'full.xlsx', bytes: full });
    const before = await rowsPerList(activityId);
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    expect(Object.keys(before).length).toBeGreaterThan(5);

    // A header-only CSV for List 1: nothing is removed.
    const headerOnly = await importAnnexA(as(analyst), {
      activityId,
      fileName: 'List_1.csv',
      bytes: strToU8(`${PERSON},Date of Contact,Contact Source\n`),
    });
    expect(headerOnly.status).toBe('replaced');
    expect(headerOnly.otherLists?.action).toBe('kept');
    expect(headerOnly.otherLists?.rows).toBe(total);
    expect(headerOnly.otherLists?.fromFile).toBe('full.xlsx');
    expect(await rowsPerList(activityId)).toEqual(before);

    // A single-list CSV replaces that list only.
    const list3 = [
      `${PERSON},Date of referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker`,
      'R1,Male,WBRI,01/01/2012,13,01/03/2025,1A,No,1,Team A,Worker A',
    ].join('\n');
    const one = await importAnnexA(as(analyst), {
      activityId,
      fileName: 'List_3.csv',
      bytes: strToU8(list3),
    });
    expect(one.otherLists?.lists.map((l) => l.list)).not.toContain(3);
    expect(one.otherLists?.rows).toBe(total - before[3]!);
    expect(await rowsPerList(activityId)).toEqual({ ...before, 3: 1 });
    const report = await getAnnexAReport(as(analyst), activityId);
    const lists = report.current!.summary.lists as { list: number; keptFrom?: string }[];
    expect(lists.find((l) => l.list === 3)?.keptFrom).toBeUndefined();
    expect(lists.find((l) => l.list === 8)?.keptFrom).toBe('full.xlsx');
    expect(report.current!.rowCount).toBe(total - before[3]! + 1);

    // A failed import (errors, not accepted) changes nothing and says what would be kept.
    const bad = await importAnnexA(as(analyst), {
      activityId,
      fileName: 'List_3b.csv',
      bytes: strToU8(list3.replace('01/03/2025', '31/02/2025')),
      removeMissingLists: true,
    });
    expect(bad.status).toBe('rejected');
    expect(bad.otherLists?.action).toBe('removed');
    expect(await rowsPerList(activityId)).toEqual({ ...before, 3: 1 });

    // Asked explicitly: the lists the file does not contain are removed, and the audit says so.
    const all = await importAnnexA(as(analyst), {
      activityId,
      fileName: 'List_3.csv',
      bytes: strToU8(list3),
      removeMissingLists: true,
    });
    expect(all.status).toBe('replaced');
    expect(all.otherLists).toMatchObject({ action: 'removed', rows: total - before[3]! });
    expect(await rowsPerList(activityId)).toEqual({ 3: 1 });
    const events = await listAuditEvents(t.db, { activityId });
    const last = events.find((e) => e.action === 'annex_a.imported');
    expect(JSON.stringify(last)).toContain('were removed as asked');
  });
});

describe('Annex A coverage', () => {
  it('flags a file far smaller than the LA before lines of enquiry are proposed', async () => {
    const activityId = await newActivity('big-la');
    const small = annexAToXlsx(generateAnnexA({ rows: 300, seed: 9, errorRate: 0 }));
    const r = await importAnnexA(as(analyst), { activityId, fileName: 'small.xlsx', bytes: small });
    expect(r.coverage?.low).toBe(true);
    expect(r.coverage?.population).toBeGreaterThan(200_000);
    const cla = r.coverage!.lists.find((l) => l.list === 8)!;
    expect(cla.expected).toBeGreaterThan(1000);
    expect(cla.low).toBe(true);
    expect(r.coverage?.message).toContain('far fewer');
    const report = await getAnnexAReport(as(analyst), activityId);
    expect((report.current!.summary.coverage as { low: boolean }).low).toBe(true);
    const profile = await getAnnexAProfile(as(analyst), activityId);
    expect(profile.coverage?.low).toBe(true);
    for (const c of profile.candidates) expect(c.warning).toContain('Check the data first');
  });

  it("is not judged when the LA's population is not known", async () => {
    const activityId = await newActivity('msg-la');
    const small = annexAToXlsx(generateAnnexA({ rows: 300, seed: 9, errorRate: 0 }));
    const r = await importAnnexA(as(analyst), { activityId, fileName: 'small.xlsx', bytes: small });
    expect(r.coverage).toBeNull();
  });
});
