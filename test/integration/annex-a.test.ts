import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import {
  annexAListToCsv,
  annexAToOds,
  annexAToXlsx,
  generateAnnexA,
} from '../../src/synthetic/annex-a.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { getAnnexAReport } from '../../src/usecases/annex-a/get-annex-a-report.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import { listAnnexARowsForActivity } from '../../src/usecases/annex-a/list-annex-a-rows.js';
import { purgeExpiredAnnexA } from '../../src/usecases/annex-a/purge-expired-annex-a.js';
import { setAnnexARetention } from '../../src/usecases/annex-a/set-annex-a-retention.js';
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
let lead: UserActor, analyst: UserActor, outsider: UserActor, laUser: UserActor, shadow: UserActor;
let activityId: string;
let otherActivityId: string;

const clean = generateAnnexA({ rows: 400, seed: 11, errorRate: 0 });
const cleanXlsx = annexAToXlsx(clean);

async function countRows(id: string): Promise<number> {
  const r = await t.db
    .selectFrom('annex_a_rows')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function countImports(id: string): Promise<number> {
  const r = await t.db
    .selectFrom('annex_a_imports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'annex-la', 'North West');
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  analyst = await makeUser(t.db, 'analyst', 'inspector');
  outsider = await makeUser(t.db, 'outsider', 'inspector');
  shadow = await makeUser(t.db, 'shadow', 'inspector');
  laUser = await makeUser(t.db, 'dcs', 'la_user', { laId: 'annex-la' });
  const a = await createActivity(as(regional), {
    laId: 'annex-la',
    activityType: 'standard_inspection',
    plannedStart: '2025-07-07',
    plannedEnd: '2025-07-18',
  });
  activityId = a.id;
  const b = await createActivity(as(regional), {
    laId: 'annex-la',
    activityType: 'short_inspection',
    // Not on site at the same time as the first: one activity at a time (scheduling rules).
    plannedStart: '2025-10-06',
  });
  otherActivityId = b.id;
  for (const id of [activityId, otherActivityId]) {
    await addTeamMember(as(regional), {
      activityId: id,
      userId: lead.userId,
      teamRole: 'lead_inspector',
    });
    await addTeamMember(as(lead), { activityId: id, userId: analyst.userId, teamRole: 'analyst' });
  }
  await addTeamMember(as(lead), { activityId, userId: shadow.userId, teamRole: 'shadow' });
});
afterAll(async () => t.destroy());

describe('Annex A import', () => {
  it('imports a messy workbook: every list, pseudonymised, normalised, audited', async () => {
    const progress: number[] = [];
    const r = await importAnnexA(
      as(analyst),
      { activityId, fileName: 'annex-a.xlsx', bytes: cleanXlsx },
      (p) => progress.push(p.fraction),
    );
    expect(r.status).toBe('imported');
    expect(r.lists.map((l) => l.list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const l of clean.lists)
      expect(r.lists.find((x) => x.list === l.list)?.rows, `list ${l.list}`).toBe(l.rows.length);
    expect(r.totals.errors).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(await countRows(activityId)).toBe(r.totals.rows);

    const rows = await listAnnexARowsForActivity(as(lead), { activityId, list: 8 });
    expect(rows.length).toBe(clean.lists[7]!.rows.length);
    const first = rows[0]!;
    expect(first.childRef).toMatch(/^C-[0-9a-f]{16}$/);
    expect(first.data).toHaveProperty('legalStatus');
    expect(first.data).toHaveProperty('birthMonth');
    expect(first.data).not.toHaveProperty('dateOfBirth');
    expect(String(first.data.workerRef)).toMatch(/^W-/);
    expect(first.data.placementPostcodeDistrict).toMatch(/^[A-Z]{1,2}\d{1,2}$/);
    // No raw identifier or name survives anywhere in the stored rows.
    const stored = JSON.stringify(await listAnnexARowsForActivity(as(lead), { activityId }));
    const rawId = String(clean.lists[0]!.rows[0]![0]);
    expect(stored).not.toContain(`"${rawId}"`);
    const worker = String(clean.lists[2]!.rows[0]![10]).replace(/\u00a0/g, ' ');
    expect(stored).not.toContain(worker);
    // The same child has the same reference in every list.
    const l1 = await listAnnexARowsForActivity(as(lead), { activityId, list: 1 });
    const l3 = await listAnnexARowsForActivity(as(lead), { activityId, list: 3 });
    const refs1 = new Set(l1.map((x) => x.childRef));
    expect(l3.some((x) => refs1.has(x.childRef))).toBe(true);

    const audit = await listAuditEvents(t.db, { action: 'annex_a.imported', activityId });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ rows: r.totals.rows });
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await countRows(activityId);
    const r = await importAnnexA(as(lead), {
      activityId,
      fileName: 'renamed.xlsx',
      bytes: cleanXlsx,
    });
    expect(r.status).toBe('unchanged');
    expect(await countRows(activityId)).toBe(before);
    expect(await countImports(activityId)).toBe(1);
  });

  it('a file with errors is refused until the flagged rows are accepted; then it replaces the old one', async () => {
    const bad = generateAnnexA({ rows: 400, seed: 12, errorRate: 0.1 });
    const bytes = annexAToXlsx(bad);
    const before = await countRows(activityId);
    const rejected = await importAnnexA(as(analyst), { activityId, fileName: 'v2.xlsx', bytes });
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors.length).toBeGreaterThan(0);
    expect(rejected.errors[0]).toMatchObject({
      list: expect.any(Number),
      row: expect.any(Number),
      rule: expect.any(String),
      severity: 'error',
    });
    expect(await countRows(activityId)).toBe(before);
    expect(await countImports(activityId)).toBe(1);

    const accepted = await importAnnexA(as(analyst), {
      activityId,
      fileName: 'v2.xlsx',
      bytes,
      acceptFlagged: true,
    });
    expect(accepted.status).toBe('replaced');
    expect(await countRows(activityId)).toBe(accepted.totals.rows);
    const flagged = await listAnnexARowsForActivity(as(lead), { activityId, severity: 'error' });
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]!.flags.length).toBeGreaterThan(0);

    const report = await getAnnexAReport(as(lead), activityId);
    expect(report.current?.id).toBe(accepted.importId);
    expect(report.history).toHaveLength(2);
    const old = report.history.find((h) => h.id === accepted.replacedImportId)!;
    expect(old).toMatchObject({ status: 'superseded', supersededBy: accepted.importId });
    expect(report.issues.length).toBeGreaterThan(0);
    const audit = await listAuditEvents(t.db, { action: 'annex_a.imported', activityId });
    expect(audit[0]!.before).toMatchObject({ importId: accepted.replacedImportId });
  });

  it('a bad file leaves nothing behind', async () => {
    const beforeRows = await countRows(otherActivityId);
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(30 * 1024 * 1024) });
    await expect(
      importAnnexA(as(analyst), {
        activityId: otherActivityId,
        fileName: 'bomb.xlsx',
        bytes: bomb,
      }),
    ).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    await expect(
      importAnnexA(as(analyst), {
        activityId: otherActivityId,
        fileName: 'notes.xlsx',
        bytes: zipSync({ 'readme.txt': strToU8('hello') }),
      }),
    ).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    await expect(
      importAnnexA(as(analyst), {
        activityId: otherActivityId,
        fileName: 'words.csv',
        bytes: strToU8('nothing,to,see\n1,2,3\n'),
      }),
    ).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    expect(await countRows(otherActivityId)).toBe(beforeRows);
    expect(await countImports(otherActivityId)).toBe(0);
    const settings = await t.db
      .selectFrom('annex_a_settings')
      .selectAll()
      .where('activity_id', '=', otherActivityId)
      .execute();
    expect(settings).toHaveLength(0);
  });

  it('reads .ods workbooks and single-list .csv files', async () => {
    const g = generateAnnexA({ rows: 200, seed: 5 });
    const ods = await importAnnexA(as(analyst), {
      activityId: otherActivityId,
      fileName: 'annex.ods',
      bytes: annexAToOds(g),
      acceptFlagged: true,
    });
    expect(ods.format).toBe('ods');
    expect(ods.lists).toHaveLength(11);
    const csv = await importAnnexA(
      as(analyst),
      {
        activityId: otherActivityId,
        fileName: 'List 8 - children in care.csv',
        bytes: strToU8(annexAListToCsv(g, 8)),
        acceptFlagged: true,
      },
      undefined,
      { readFirst: true }, // the whole file read before the transaction (used by the web page)
    );
    expect(csv).toMatchObject({ format: 'csv', status: 'replaced' });
    expect(csv.lists.map((l) => l.list)).toEqual([8]);
    expect(csv.lists[0]!.rows).toBe(g.lists[7]!.rows.length);
  });

  it('only the team (not shadows), admins and the national team see it; LA users and others get 404', async () => {
    for (const actor of [outsider, laUser, shadow]) {
      await expect(getAnnexAReport(as(actor), activityId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        importAnnexA(as(actor), { activityId, fileName: 'x.xlsx', bytes: cleanXlsx }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(listAnnexARowsForActivity(as(actor), { activityId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    const national = await makeUser(t.db, 'national', 'national');
    expect((await getAnnexAReport(as(national), activityId)).current).not.toBeNull();
    await expect(
      importAnnexA(as(national), { activityId, fileName: 'x.xlsx', bytes: cleanXlsx }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('purges child-level rows after the retention date and destroys the key', async () => {
    const report = await getAnnexAReport(as(lead), activityId);
    expect(report.retainUntil! > '2025-07-18').toBe(true);
    expect(await purgeExpiredAnnexA(as(systemActor('test')), { today: '2025-08-01' })).toEqual([]);
    await setAnnexARetention(as(lead), {
      activityId,
      retainUntil: '2025-09-01',
      reason: 'Report published; data no longer needed',
    });
    await expect(purgeExpiredAnnexA(as(lead), { today: '2025-09-02' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const purged = await purgeExpiredAnnexA(as(systemActor('test')), { today: '2025-09-02' });
    expect(purged).toHaveLength(1);
    expect(purged[0]).toMatchObject({ activityId, importsPurged: 2 });
    expect(purged[0]!.rowsDeleted).toBeGreaterThan(0);
    expect(await countRows(activityId)).toBe(0);
    const after = await getAnnexAReport(as(lead), activityId);
    expect(after.current).toBeNull();
    expect(after.history.every((h) => h.status === 'purged')).toBe(true);
    expect(after.history[0]!.rowCount).toBeGreaterThan(0); // the summary is kept
    const settings = await t.db
      .selectFrom('annex_a_settings')
      .selectAll()
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    expect(settings.pseudonym_key).toBeNull();
    expect(await listAuditEvents(t.db, { action: 'annex_a.purged', activityId })).toHaveLength(1);
    // Nothing left to purge the second time.
    expect(await purgeExpiredAnnexA(as(systemActor('test')), { today: '2025-09-02' })).toEqual([]);
  });
});
