// `serve --demo` on a data folder that already holds the demo starts without seeding again
// (it used to fail with a SQL syntax error: an empty list of e-mail addresses became `in ()`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed-demo.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the demo on a restart', () => {
  it('seeds nothing when the database already holds accounts', async () => {
    const before = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDemoIfEmpty(t.database.db, loadActivityTypeCatalog())).toBeNull();
    const after = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
