// The audit log's promise: every event's hash binds it to the event before it, so removing an
// event from the middle or swapping two is found by `triangulate audit verify` (verifyAuditLog),
// even when whoever tampered also rewrote the stored previous-hash links to look consistent.
// Each test tampers with a fresh chain, going round the append-only trigger as only someone
// with the database owner's rights could.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents, writeAudit, type AuditEventView } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { GENESIS_HASH, hashEvent, type HashableEvent } from '../../src/domain/audit/hash.js';
import { verifyAuditLog } from '../../src/usecases/audit/verify-audit-log.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
const actor = systemActor('audit-chain-test');
const EVENTS = 6;

beforeEach(async () => {
  t = await createTestDatabase();
  // One event per transaction, as use cases write them.
  for (let i = 1; i <= EVENTS; i++)
    await t.db.transaction().execute((trx) =>
      writeAudit(trx, actor, {
        action: 'demo.seeded',
        entityType: 'demo',
        entityId: `event-${i}`,
        after: { n: i },
      }),
    );
});
afterEach(async () => t?.destroy());

const verify = () => verifyAuditLog({ db: t.db, actor });
const chain = () => listAuditEvents(t.db, { order: 'asc', limit: 1000 });

const content = (e: AuditEventView): HashableEvent => ({
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actorId,
  actorLabel: e.actorLabel,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  activityId: e.activityId,
  laId: e.laId,
  before: e.before,
  after: e.after,
  reason: e.reason,
});

/** Runs SQL on the stored rows past the append-only trigger. */
async function tamper(statements: ReturnType<typeof sql>[]): Promise<void> {
  await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t.db);
  try {
    for (const s of statements) await s.execute(t.db);
  } finally {
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t.db);
  }
}

/** Swaps the stored events at two positions (every column but the position). */
function swap(a: number, b: number): ReturnType<typeof sql>[] {
  return [
    sql`update audit_events set seq = -1 where seq = ${a}`,
    sql`update audit_events set seq = ${a} where seq = ${b}`,
    sql`update audit_events set seq = ${b} where seq = -1`,
  ];
}

describe('audit hash chain', () => {
  it('verifies an untouched chain, each hash bound to the hash before it', async () => {
    const events = await chain();
    expect(events).toHaveLength(EVENTS);
    expect(await verify()).toMatchObject({ ok: true, eventsChecked: EVENTS });
    let prev = GENESIS_HASH;
    for (const e of events) {
      expect(e.prevHash).toBe(prev);
      expect(hashEvent(prev, content(e))).toBe(e.hash);
      // The same content after any other predecessor hashes differently: every link is bound.
      expect(hashEvent(GENESIS_HASH === prev ? 'f'.repeat(64) : GENESIS_HASH, content(e))).not.toBe(
        e.hash,
      );
      prev = e.hash;
    }
  });

  it('finds an event removed from the middle', async () => {
    const [, , third] = await chain();
    await tamper([sql`delete from audit_events where seq = ${third!.seq}`]);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.eventsChecked).toBe(2);
    expect(r.problem?.seq).toBe(third!.seq + 1);
  });

  it('finds an event removed from the middle when the next link was rewritten to hide it', async () => {
    const [, second, third, fourth] = await chain();
    await tamper([
      sql`delete from audit_events where seq = ${third!.seq}`,
      sql`update audit_events set prev_hash = ${second!.hash} where seq = ${fourth!.seq}`,
    ]);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: fourth!.seq, id: fourth!.id });
  });

  it('finds two events swapped', async () => {
    const [, , third, fourth] = await chain();
    await tamper(swap(third!.seq, fourth!.seq));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.eventsChecked).toBe(2);
    expect(r.problem).toMatchObject({ seq: third!.seq, id: fourth!.id });
  });

  it('finds two events swapped when their links were rewritten to match the new order', async () => {
    const [, second, third, fourth] = await chain();
    await tamper(swap(third!.seq, fourth!.seq));
    // Now fourth sits at third's place: point it at second, and third (now later) at fourth.
    await tamper([
      sql`update audit_events set prev_hash = ${second!.hash} where seq = ${third!.seq}`,
      sql`update audit_events set prev_hash = ${fourth!.hash} where seq = ${fourth!.seq}`,
    ]);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.eventsChecked).toBe(2);
    expect(r.problem).toMatchObject({ seq: third!.seq, id: fourth!.id });
  });

  it('finds a chain restarted from the beginning (the first link rewritten)', async () => {
    const [first, second] = await chain();
    await tamper([
      sql`delete from audit_events where seq = ${first!.seq}`,
      sql`update audit_events set prev_hash = ${GENESIS_HASH} where seq = ${second!.seq}`,
    ]);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: second!.seq });
  });
});
