// Deferrable writes (issue 19, round 6): on the embedded database an audit insert is held back and
// sent with the transaction's next statement or its COMMIT. It must behave as if sent at once: in
// order, committed with the transaction, and its failure rolls the whole transaction back.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFERRABLE_WRITE } from '../../src/data/pglite-worker-dialect.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

describe('deferrable writes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await sql`create table deferred_probe (n int primary key)`.execute(database.db);
  }, 120_000);
  afterAll(async () => database?.destroy());

  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from deferred_probe`.execute(database.db))
      .rows[0]!.n;

  it('commits a held-back write with its transaction, in order with the statements after it', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`${sql.raw(DEFERRABLE_WRITE)}insert into deferred_probe values (${1})`.execute(trx);
      const seen = await sql<{ n: number }>`select count(*)::int as n from deferred_probe`.execute(
        trx,
      );
      expect(seen.rows[0]!.n).toBe(1);
      await sql`${sql.raw(DEFERRABLE_WRITE)}insert into deferred_probe values (${2})`.execute(trx);
    });
    expect(await count()).toBe(2);
  });

  it('rolls the whole transaction back when a held-back write fails', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into deferred_probe values (${3})`.execute(trx);
        // A duplicate key: fails when it reaches the database (at COMMIT on the embedded one).
        await sql`${sql.raw(DEFERRABLE_WRITE)}insert into deferred_probe values (${1})`.execute(
          trx,
        );
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(2);
    // The connection is usable afterwards.
    await sql`insert into deferred_probe values (${4})`.execute(database.db);
    expect(await count()).toBe(3);
  });
});
