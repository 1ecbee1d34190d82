import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import type { Role } from '../../src/domain/access/roles.js';
import { importHistory } from '../../src/usecases/history/import-history.js';
import { getLa } from '../../src/usecases/las/get-la.js';
import { listLas } from '../../src/usecases/las/list-las.js';
import {
  bundledLaReferenceFile,
  loadLaReference,
} from '../../src/usecases/las/load-la-reference.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/history');
const system = systemActor('test');

function user(role: Role, extra: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user',
    userId: randomUUID(),
    email: `${role}@example.test`,
    displayName: role,
    role,
    region: null,
    laId: null,
    ...extra,
  };
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.destroy());

describe('loading the register', () => {
  it('loads every authority and succession once, and audits only a load that changes something', async () => {
    const ctx = { db: t.db, actor: system };
    const first = await loadLaReference(ctx);
    expect(first.authorities).toEqual({ inserted: 158, updated: 0, unchanged: 0 });
    expect(first.successions).toEqual({ inserted: 8, updated: 0, unchanged: 0 });
    const again = await loadLaReference(ctx);
    expect(again.authorities).toEqual({ inserted: 0, updated: 0, unchanged: 158 });
    expect(again.successions).toEqual({ inserted: 0, updated: 0, unchanged: 8 });
    const events = await listAuditEvents(t.db, { action: 'la.reference_loaded' });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('updates a changed authority and refuses an invalid file without changing anything', async () => {
    const ctx = { db: t.db, actor: system };
    const reference = JSON.parse(readFileSync(bundledLaReferenceFile(), 'utf8')) as {
      localAuthorities: { id: string; name: string }[];
    };
    const rutland = reference.localAuthorities.find((l) => l.id === 'rutland');
    if (rutland) rutland.name = 'Rutland County';
    const changed = await loadLaReference(ctx, { reference });
    expect(changed.authorities).toMatchObject({ updated: 1, unchanged: 157 });
    expect((await getLa(ctx, { id: 'rutland' })).la.name).toBe('Rutland County');

    await expect(
      loadLaReference(ctx, { reference: { localAuthorities: [{ id: 'Not A Slug' }] } }),
    ).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    await loadLaReference(ctx);
    expect((await getLa(ctx, { id: 'rutland' })).la.name).toBe('Rutland');
  });

  it('is for the national team and admins only', async () => {
    await expect(loadLaReference({ db: t.db, actor: user('inspector') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the register with history', () => {
  beforeAll(async () => {
    const ctx = { db: t.db, actor: system };
    for (const f of ['ilacs-history.csv', 'latest.csv', 'in-year.csv']) {
      await importHistory(ctx, {
        fileName: f,
        content: readFileSync(path.join(fixtures, f)),
      });
    }
  });

  it('lists the 153 current authorities by default, and those of a date when asked', async () => {
    const ctx = { db: t.db, actor: system };
    expect(await listLas(ctx)).toHaveLength(153);
    expect(await listLas(ctx, { includeFormer: true })).toHaveLength(158);
    const in2020 = (await listLas(ctx, { asAt: '2020-01-01' })).map((l) => l.id);
    expect(in2020).toHaveLength(151);
    expect(in2020).toContain('northamptonshire-to-2021');
    expect(in2020).toContain('bournemouth-christchurch-and-poole');
    expect(in2020).not.toContain('cumberland');
  });

  it('searches by name or code and filters by region and latest grade', async () => {
    const ctx = { db: t.db, actor: system };
    const ids = async (input: Parameters<typeof listLas>[1]) =>
      (await listLas(ctx, input)).map((l) => l.id);
    expect(await ids({ search: 'Bristol, City of' })).toEqual(['bristol']);
    expect(await ids({ search: 'st. helens' })).toEqual(['st-helens']);
    expect(await ids({ search: 'E08000016' })).toEqual(['barnsley']);
    expect(await ids({ region: 'london' })).toHaveLength(33);
    expect(await ids({ region: 'North West', grade: 'inadequate' })).toEqual(['tameside']);
    expect(await ids({ grade: 'requires_improvement', judgement: 'care_leavers' })).toEqual([
      'bournemouth-christchurch-and-poole',
      'tameside',
    ]);
    await expect(listLas(ctx, { region: 'Narnia' as never })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('gives each authority its latest graded inspection, as of a date if asked', async () => {
    const ctx = { db: t.db, actor: system };
    const [bcp] = await listLas(ctx, { search: 'bournemouth' });
    expect(bcp?.latestJudgement).toMatchObject({
      startDate: '2024-12-02',
      activityType: 'standard_inspection',
      grades: { overall_effectiveness: 'good' },
    });
    const [earlier] = await listLas(ctx, { search: 'bournemouth', asAt: '2024-01-01' });
    expect(earlier?.latestJudgement?.grades.overall_effectiveness).toBe('inadequate');
    const [barnsley] = await listLas(ctx, { search: 'barnsley' });
    // The focused visit is later but is not a graded inspection.
    expect(barnsley?.latestJudgement?.startDate).toBe('2023-09-11');
  });

  it('shows an authority with its predecessors and the history it inherited, newest first', async () => {
    const ctx = { db: t.db, actor: system };
    const bcp = await getLa(ctx, { id: 'Bournemouth, Christchurch and Poole' });
    expect(bcp.la.id).toBe('bournemouth-christchurch-and-poole');
    expect(bcp.predecessors.map((p) => p.id)).toEqual([
      'bournemouth-to-2019',
      'dorset-to-2019',
      'poole-to-2019',
    ]);
    expect(bcp.history.map((h) => [h.startDate, h.laId, h.fromPredecessor])).toEqual([
      ['2024-12-02', 'bournemouth-christchurch-and-poole', false],
      ['2021-12-06', 'bournemouth-christchurch-and-poole', false],
      ['2018-07-16', 'bournemouth-to-2019', true],
    ]);
    expect(bcp.latestJudgement?.startDate).toBe('2024-12-02');
    expect(bcp.statNeighbours).toHaveLength(10);

    const cumbria = await getLa(ctx, { id: 'E10000006' });
    expect(cumbria.current).toBe(false);
    expect(cumbria.currentSuccessors.map((s) => s.id)).toEqual([
      'cumberland',
      'westmorland-and-furness',
    ]);
    const cumberland = await getLa(ctx, { id: 'cumberland' });
    expect(cumberland.history.map((h) => h.laId)).toEqual(['cumberland', 'cumbria-to-2023']);
  });

  it('lets an LA user see only their own authority', async () => {
    const ctx = { db: t.db, actor: user('la_user', { laId: 'barnsley' }) };
    const own = await getLa(ctx, { id: 'barnsley' });
    expect(own.history.map((h) => h.activityType)).toEqual(['focused_visit', 'short_inspection']);
    await expect(getLa(ctx, { id: 'sheffield' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getLa(ctx, { id: 'no-such-la' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listLas(ctx)).map((l) => l.id)).toEqual(['barnsley']);

    const regional = { db: t.db, actor: user('regional', { region: 'London' }) };
    expect((await getLa(regional, { id: 'sheffield' })).la.name).toBe('Sheffield');
  });
});
