import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { countHistory, listHistoryForLas } from '../../src/data/repositories/inspection-history.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { importHistory } from '../../src/usecases/history/import-history.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/history');
const read = (f: string) => readFileSync(path.join(fixtures, f));
const system = systemActor('test');

async function importFixture(ctx: UseCaseContext, f: string, skipInvalid = false) {
  return importHistory(ctx, { fileName: f, content: read(f), skipInvalid });
}

/** Everything stored that an import decides (not ids or timestamps). */
async function snapshot(t: TestDatabase) {
  const rows = await t.db.selectFrom('local_authorities').select('id').execute();
  const events = await listHistoryForLas(
    t.db,
    rows.map((r) => r.id),
  );
  return events
    .map(({ id: _id, importedAt: _at, ...e }) => e)
    .sort((a, b) => a.sourceKey.localeCompare(b.sourceKey));
}

let t: TestDatabase;
let ctx: UseCaseContext;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: system };
});
afterAll(async () => t.destroy());

describe('importing inspection history', () => {
  it('needs the register first', async () => {
    await expect(importFixture(ctx, 'ilacs-history.csv')).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringMatching(/register is empty/),
    });
    await loadLaReference(ctx);
  });

  it('imports a file in one audited step, and changes nothing when imported again', async () => {
    const first = await importFixture(ctx, 'ilacs-history.csv');
    expect(first).toMatchObject({
      format: 'ofsted-ilacs-history',
      rows: 8,
      inserted: 8,
      updated: 0,
      unchanged: 0,
      rejected: [],
      conflicts: [],
    });
    const sha256 = createHash('sha256').update(read('ilacs-history.csv')).digest('hex');
    expect(first.sha256).toBe(sha256);
    const before = await snapshot(t);

    const again = await importFixture(ctx, 'ilacs-history.csv');
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
    expect(await snapshot(t)).toEqual(before);

    const audits = await listAuditEvents(t.db, { action: 'history.imported', order: 'asc' });
    expect(audits).toHaveLength(2);
    expect(audits[0]?.after).toMatchObject({
      file: 'ilacs-history.csv',
      sha256,
      format: 'ofsted-ilacs-history',
      inserted: 8,
      unchanged: 0,
      rejected: 0,
    });
  });

  it('merges rows from other files about the same events instead of duplicating them', async () => {
    const latest = await importFixture(ctx, 'latest.csv');
    expect(latest).toMatchObject({ inserted: 1, updated: 0, unchanged: 2 });
    const inYear = await importFixture(ctx, 'in-year.csv');
    expect(inYear).toMatchObject({ inserted: 3, updated: 0, unchanged: 1 });
    expect(await countHistory(t.db)).toBe(12);
    const [tameside] = await listHistoryForLas(t.db, ['tameside']);
    expect(tameside).toMatchObject({
      activityType: 'monitoring_visit',
      theme: 'Children in need/subject to a plan',
      frameworkId: 'ilacs-2023',
      grades: {},
    });
  });

  it('fails on any bad row by default, leaving the database as it was', async () => {
    const before = await snapshot(t);
    const audits = (await listAuditEvents(t.db, {})).length;
    const err = await importFixture(ctx, 'bad.csv').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'IMPORT_INVALID' });
    const details = (err as { details: { row: number; field?: string; reason: string }[] }).details;
    expect(details.map((d) => d.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(details.every((d) => d.reason.length > 0)).toBe(true);
    expect(await snapshot(t)).toEqual(before);
    expect(await listAuditEvents(t.db, {})).toHaveLength(audits);

    const scrape = await importFixture(ctx, 'scrape.csv').catch((e: unknown) => e);
    expect(scrape).toMatchObject({
      code: 'IMPORT_INVALID',
      details: [{ file: 'scrape.csv', row: 9, reason: 'the start date is missing' }],
    });
    expect(await snapshot(t)).toEqual(before);
  });

  it('imports the good rows and lists the bad ones with --skip-invalid', async () => {
    const r = await importFixture(ctx, 'bad.csv', true);
    expect(r).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    expect(r.rejected.map((p) => p.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.rejected[0]).toEqual({
      file: 'bad.csv',
      row: 3,
      field: 'Local authority area code',
      value: 'E09999999',
      reason: 'no local authority has this GSS code',
    });
    const audit = (await listAuditEvents(t.db, { action: 'history.imported' }))[0];
    expect(audit?.after).toMatchObject({
      rejected: 9,
      rejectedRows: [3, 4, 5, 6, 7, 8, 9, 10, 11],
    });
  });

  it('lets scraped data fill gaps but never silently overrule Ofsted’s figures', async () => {
    const r = await importFixture(ctx, 'scrape.csv', true);
    expect(r).toMatchObject({ format: 'd2i-scrape', rows: 8, inserted: 4, updated: 3 });
    expect(r.rejected).toHaveLength(1);
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        sourceKey: 'st-helens/inspection/2023-07-10',
        field: 'grades.help_and_protection',
        existing: 'requires_improvement',
        incoming: 'good',
        kept: 'existing',
        row: 4,
      }),
    ]);
    const [stHelens] = await listHistoryForLas(t.db, ['st-helens']);
    expect(stHelens).toMatchObject({
      endDate: '2023-07-21',
      source: 'ofsted-mi',
      grades: { help_and_protection: 'requires_improvement' },
    });
    const [wiltshire] = await listHistoryForLas(t.db, ['wiltshire']);
    expect(wiltshire).toMatchObject({ activityType: 'judgement_inspection', source: 'd2i-scrape' });

    const again = await importFixture(ctx, 'scrape.csv', true);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 7 });
    expect(again.conflicts).toHaveLength(1);
  });

  it('adds SIF inspections from report extracts, reporting unreadable periods', async () => {
    const r = await importFixture(ctx, 'sif.csv', true);
    expect(r).toMatchObject({ format: 'sif-extract', inserted: 4, updated: 0 });
    expect(r.rejected).toEqual([
      expect.objectContaining({ row: 5, field: 'dates', value: 'sometime in 2017' }),
    ]);
    const barnsley = await listHistoryForLas(t.db, ['barnsley']);
    expect(barnsley.map((e) => [e.startDate, e.activityType, e.frameworkId])).toEqual([
      ['2024-11-05', 'focused_visit', 'ilacs-2023'],
      ['2023-09-11', 'short_inspection', 'ilacs-2023'],
      ['2014-05-14', 'sif_inspection', 'sif-2013'],
    ]);
    // Fieldwork in two blocks (the extract lost the second block's month): the first block.
    const [sheffield] = await listHistoryForLas(t.db, ['sheffield']);
    expect(sheffield).toMatchObject({
      startDate: '2013-11-19',
      endDate: '2013-12-11',
      frameworkId: 'sif-2013',
      grades: { overall_effectiveness: 'requires_improvement', adoption: 'requires_improvement' },
    });
    expect(barnsley[2]?.grades).toMatchObject({
      leadership: 'requires_improvement',
      lscb: 'requires_improvement',
    });
  });

  it('gives the same result whichever order the files come in', async () => {
    const other = await createTestDatabase();
    try {
      const octx = { db: other.db, actor: system };
      await loadLaReference(octx);
      await importFixture(octx, 'sif.csv', true);
      await importFixture(octx, 'scrape.csv', true);
      const official = await importFixture(octx, 'ilacs-history.csv');
      expect(official.conflicts).toEqual([
        expect.objectContaining({ field: 'grades.help_and_protection', kept: 'incoming' }),
      ]);
      await importFixture(octx, 'in-year.csv');
      await importFixture(octx, 'latest.csv');
      await importFixture(octx, 'bad.csv', true);
      expect(await snapshot(other)).toEqual(await snapshot(t));
    } finally {
      await other.destroy();
    }
  });

  it('refuses people who may not import, and files that are not UTF-8 text', async () => {
    const inspector: UserActor = {
      kind: 'user',
      userId: randomUUID(),
      email: 'i@example.test',
      displayName: 'Inspector',
      role: 'inspector',
      region: null,
      laId: null,
    };
    await expect(
      importHistory({ db: t.db, actor: inspector }, { fileName: 'x.csv', content: 'a' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      importHistory(ctx, { fileName: 'x.csv', content: new Uint8Array([0xff, 0xfe, 0x41]) }),
    ).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    await expect(
      importHistory(ctx, { fileName: 'x.csv', content: 'name,score\nKent,3\n' }),
    ).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
  });
});
