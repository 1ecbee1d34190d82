import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { countFigures } from '../../src/data/repositories/national-statistics.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { getLaStatistics } from '../../src/usecases/stats/get-la-statistics.js';
import { importNationalStatistics } from '../../src/usecases/stats/import-national-statistics.js';
import { loadBundledNationalStatistics } from '../../src/usecases/stats/load-bundled-national-statistics.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const HEAD =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent';
const row = (
  year: number,
  level: string,
  region: string,
  old: string,
  gss: string,
  name: string,
  re: string,
) =>
  `${year},Reporting year,${level},E92000001,England,${region},${region ? 'North East' : ''},${old},${gss},${name},Referrals and Re-referrals,1000,200,${re},50,5,300,30,900,180,20`;
const c1 = [
  HEAD,
  row(2024, 'National', '', '', '', '', '22.4'),
  row(2025, 'National', '', '', '', '', '22.6'),
  row(2024, 'Regional', 'E12000001', '', '', '', '20.1'),
  row(2025, 'Regional', 'E12000001', '', '', '', '20.7'),
  row(2024, 'Local authority', 'E12000001', '805', 'E06000001', 'Hartlepool', '18'),
  // Hartlepool's re-referrals rise 12 points: past the 5-point threshold.
  row(2025, 'Local authority', 'E12000001', '805', 'E06000001', 'Hartlepool', '30'),
  row(2024, 'Local authority', 'E12000001', '806', 'E06000002', 'Middlesbrough', '25'),
  row(2025, 'Local authority', 'E12000001', '806', 'E06000002', 'Middlesbrough', 'c'),
  row(2024, 'Local authority', 'E12000001', '807', 'E06000003', 'Redcar and Cleveland', '19'),
  row(2025, 'Local authority', 'E12000001', '807', 'E06000003', 'Redcar and Cleveland', '21'),
].join('\n');
const sn =
  'old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P\n' +
  '805,Hartlepool,1,North East,806,Very close,807,Close \n';
const files = [
  { fileName: 'c1.csv', content: c1 },
  { fileName: 'sn.csv', content: sn },
];

const system = systemActor('test');
let t: TestDatabase;
let ctx: UseCaseContext;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: system };
  await loadLaReference(ctx);
});
afterAll(async () => t.destroy());

const entries = async () =>
  t.db
    .selectFrom('intelligence_entries')
    .select(['la_id', 'kind', 'title', 'shared_with_la'])
    .where('kind', '=', 'national_statistics')
    .execute();

describe('importing national statistics', () => {
  it('refuses a file with a bad row, naming file, row, field and reason, and stores nothing', async () => {
    const bad = c1.replace(
      'Hartlepool,Referrals and Re-referrals,1000,200,30',
      'Hartlepool,Referrals and Re-referrals,1000,200,lots',
    );
    const err = await importNationalStatistics(ctx, {
      files: [
        { fileName: 'c1.csv', content: bad },
        { fileName: 'sn.csv', content: sn },
      ],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'IMPORT_INVALID' });
    expect((err as { details: unknown[] }).details).toEqual([
      expect.objectContaining({
        file: 'c1.csv',
        row: 7,
        field: 'rereferral_percent',
        value: 'lots',
      }),
    ]);
    expect((await countFigures(t.db)).figures).toBe(0);
    expect(await t.db.selectFrom('statistical_neighbours').selectAll().execute()).toHaveLength(0);
    expect(await entries()).toHaveLength(0);
  });

  it('names a row whose LA code the register does not know', async () => {
    const unknown = c1.replace(',807,E06000003,', ',999,E06999999,');
    await expect(
      importNationalStatistics(ctx, { files: [{ fileName: 'c1.csv', content: unknown }] }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: [expect.objectContaining({ file: 'c1.csv', row: 10, field: 'new_la_code' })],
    });
  });

  it('imports in one audited step, raises the change past the threshold, and changes nothing again', async () => {
    const first = await importNationalStatistics(ctx, { files });
    expect(first.changed).toBe(true);
    expect(first.figures.inserted).toBe(first.total);
    expect(first.alerts.raised).toBe(1);
    const raised = await entries();
    expect(raised).toEqual([
      expect.objectContaining({
        la_id: 'hartlepool',
        shared_with_la: true,
        title: expect.stringMatching(/rose from 18% to 30%/),
      }),
    ]);
    const again = await importNationalStatistics(ctx, { files });
    expect(again).toMatchObject({
      changed: false,
      figures: { inserted: 0, updated: 0, unchanged: first.total },
      alerts: { raised: 0, alreadyRaised: 1 },
      neighbours: { changed: 0 },
    });
    expect(await entries()).toHaveLength(1);
    const audits = await listAuditEvents(t.db, { action: 'national_statistics.imported' });
    expect(audits).toHaveLength(2);
  });

  it("shows an LA's figures beside its neighbours' average, its region and England", async () => {
    const s = await getLaStatistics(ctx, { laId: 'Hartlepool' });
    expect(s.neighbours.model).toBe('sn_model_2025');
    expect(s.neighbours.las.map((n) => n.id)).toEqual(['middlesbrough', 'redcar-and-cleveland']);
    const re = s.indicators.find((i) => i.key === 'referrals.rereferral_percent')!;
    expect(re.rows).toEqual([
      {
        year: 2024,
        la: { value: 18, marker: null },
        neighbours: { average: 22, count: 2 },
        region: { value: 20.1, marker: null },
        england: { value: 22.4, marker: null },
      },
      // Middlesbrough's 2025 figure is suppressed ('c'): the average is of the one published.
      {
        year: 2025,
        la: { value: 30, marker: null },
        neighbours: { average: 21, count: 1 },
        region: { value: 20.7, marker: null },
        england: { value: 22.6, marker: null },
      },
    ]);
    const mb = await getLaStatistics(ctx, { laId: 'middlesbrough' });
    expect(
      mb.indicators.find((i) => i.key === 'referrals.rereferral_percent')!.rows[1]!.la,
    ).toEqual({ value: null, marker: 'c' });
  });

  it('lets the LA read its own figures, not another LA’s; only national staff and admins import', async () => {
    const laUser: UserActor = {
      kind: 'user',
      userId: randomUUID(),
      email: 'a@example.org',
      displayName: 'A',
      role: 'la_user',
      region: null,
      laId: 'hartlepool',
    };
    await expect(
      getLaStatistics({ db: t.db, actor: laUser }, { laId: 'hartlepool' }),
    ).resolves.toBeTruthy();
    await expect(
      getLaStatistics({ db: t.db, actor: laUser }, { laId: 'middlesbrough' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const researcher: UserActor = { ...laUser, role: 'researcher', laId: null };
    await expect(
      getLaStatistics({ db: t.db, actor: researcher }, { laId: 'hartlepool' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const regional: UserActor = {
      ...laUser,
      role: 'regional',
      laId: null,
      region: 'North East, Yorkshire and the Humber',
    };
    await expect(
      importNationalStatistics({ db: t.db, actor: regional }, { files }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('loads the bundled table of every LA quickly, and again without changes', async () => {
    const started = performance.now();
    const first = await loadBundledNationalStatistics(ctx);
    const ms = performance.now() - started;
    console.log(`bundled national statistics loaded in ${Math.round(ms)} ms`);
    expect(first!.figures.inserted + first!.figures.updated).toBeGreaterThan(10_000);
    const counts = await countFigures(t.db);
    expect(counts.las).toBeGreaterThanOrEqual(153);
    const again = await loadBundledNationalStatistics(ctx);
    expect(again!.changed).toBe(false);
  });
});
