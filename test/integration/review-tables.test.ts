// The 2019 review's tables through the use case, on PGlite (and PostgreSQL when configured).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { computeReviewTables } from '../../src/usecases/history/compute-review-tables.js';
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

const person = (role: UserActor['role']): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'someone@example.org',
  displayName: 'Someone',
  role,
  region: null,
  laId: null,
});

describe('the review tables', () => {
  it('computes Tables 1, 2 and 4 from the stored history, and says why Table 3 cannot be', async () => {
    const r = await computeReviewTables(ctx);
    expect(r.table1.length).toBeGreaterThan(0);
    expect(r.table1.every((row) => row.occurrences > 0 && row.las > 0)).toBe(true);
    expect(r.table2.some((row) => row.grade === 'overall')).toBe(true);
    expect(r.table4.some((row) => row.framework === 'SIF' && row.inspectorDays > 0)).toBe(true);
    expect(r.table3.computable).toBe(false);
    const apr = await computeReviewTables(ctx, { yearStartMonth: 4 });
    expect(apr.table1.every((row) => /^\d{4}-\d{2}$/.test(row.period))).toBe(true);
  });

  it('refuses a year start other than January or April', async () => {
    await expect(computeReviewTables(ctx, { yearStartMonth: 7 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('is for those who analyse the history: others find nothing', async () => {
    await expect(
      computeReviewTables({ ...ctx, actor: person('researcher') }),
    ).resolves.toBeTruthy();
    await expect(computeReviewTables({ ...ctx, actor: person('inspector') })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
  });
});
