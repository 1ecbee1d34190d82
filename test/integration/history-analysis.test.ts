// The national analysis of the stored history, through the use case, on PGlite and PostgreSQL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { analyseHistory } from '../../src/usecases/history/analyse-history.js';
import { importHistory } from '../../src/usecases/history/import-history.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/history');

let t: TestDatabase;
let ctx: UseCaseContext;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: systemActor('test') };
  await loadLaReference(ctx);
  for (const f of ['sif.csv', 'ilacs-history.csv']) {
    await importHistory(ctx, {
      fileName: f,
      content: readFileSync(path.join(fixtures, f)),
      skipInvalid: true,
    });
  }
});
afterAll(async () => t.destroy());

const person = (role: UserActor['role'], laId?: string): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'someone@example.org',
  displayName: 'Someone',
  role,
  region: null,
  laId: laId ?? null,
});

describe('analysing the inspection history', () => {
  it('counts grades by framework, orders them by the framework scale, and finds transitions', async () => {
    const a = await analyseHistory(ctx);
    expect(a.grades.map((g) => g.key)).toEqual([
      'outstanding',
      'good',
      'requires_improvement',
      'inadequate',
    ]);
    const sif = a.distributions.find((d) => d.dimension === 'framework' && /SIF/.test(d.value));
    expect(sif?.total).toBe(4);
    expect(
      a.distributions.find((d) => d.dimension === 'year' && d.value === '2013-14'),
    ).toMatchObject({ total: 1, counts: { requires_improvement: 1 } });
    const fromSif = a.transitions.filter((r) => /^SIF/.test(r.from) && /^ILACS/.test(r.to));
    expect(fromSif.every((r) => r.comparable)).toBe(true);
    expect(fromSif.reduce((n, r) => n + r.total, 0)).toBeGreaterThan(0);
    expect(a.notes.join(' ')).toMatch(/corresponding scales/);
    for (const i of a.intervals) expect(i.minDays).toBeGreaterThan(0);
  });

  it('analyses another judgement when asked, and refuses a judgement that does not exist', async () => {
    const a = await analyseHistory(ctx, { judgement: 'adoption' });
    expect(a.judgement).toBe('adoption');
    expect(a.inspections).toBe(4);
    await expect(
      analyseHistory(ctx, { judgement: 'nonsense' as 'adoption' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('is for national staff, admins and researchers only', async () => {
    for (const role of ['national', 'admin', 'researcher'] as const) {
      await expect(analyseHistory({ db: t.db, actor: person(role) })).resolves.toBeTruthy();
    }
    for (const actor of [person('inspector'), person('regional'), person('la_user', 'barnsley')]) {
      await expect(analyseHistory({ db: t.db, actor })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });
});
