import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents, writeAudit } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.destroy());

describe('audit log', () => {
  it('chains events and refuses updates and deletes at the database', async () => {
    await t.db.transaction().execute(async (trx) => {
      await writeAudit(trx, systemActor('test'), {
        action: 'demo.seeded',
        entityType: 'demo',
        entityId: 'x',
        after: { a: 1, b: 'é😀' },
      });
      await writeAudit(trx, systemActor('test'), {
        action: 'demo.seeded',
        entityType: 'demo',
        entityId: 'y',
      });
    });
    const events = await listAuditEvents(t.db, { order: 'asc' });
    expect(events).toHaveLength(2);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events[0]?.after).toEqual({ a: 1, b: 'é😀' });
    await expect(sql`update audit_events set action = 'x'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('writes nothing when the surrounding transaction fails', async () => {
    const before = (await listAuditEvents(t.db, {})).length;
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAudit(trx, systemActor('test'), {
          action: 'demo.seeded',
          entityType: 'demo',
          entityId: 'z',
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await listAuditEvents(t.db, {})).toHaveLength(before);
  });
});
