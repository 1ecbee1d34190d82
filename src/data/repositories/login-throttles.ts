// Login throttle counters (domain/auth/rate-limit.ts decides the delays). An attempt is claimed,
// and counted as a failure, in one transaction holding the rows' locks BEFORE the password is
// checked: concurrent guesses queue on the lock and each sees the count the previous one left.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import {
  LOGIN_WINDOW_MINUTES,
  throttleDelaySeconds,
  type ThrottleScope,
} from '../../domain/auth/rate-limit.js';

export interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
}

export type LoginClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function claimLoginAttempt(
  db: Kysely<DB>,
  keys: ThrottleKey[],
  now: Date,
): Promise<LoginClaim> {
  // Sorted, so that two claims lock shared rows in the same order and cannot deadlock.
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const windowStart = now.getTime() - LOGIN_WINDOW_MINUTES * 60_000;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_throttles')
      .values(sorted.map((k) => ({ key: k.key, next_allowed_at: now })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const rows = await trx
      .selectFrom('login_throttles')
      .selectAll()
      .where(
        'key',
        'in',
        sorted.map((k) => k.key),
      )
      .orderBy('key')
      .forUpdate()
      .execute();
    // Only a key that has earned a delay blocks (a clock set back must not block everyone else).
    const scopeOf = new Map(sorted.map((k) => [k.key, k.scope]));
    const waits = rows
      .filter((r) => throttleDelaySeconds(scopeOf.get(r.key) ?? 'address', r.failures) > 0)
      .map((r) => r.next_allowed_at.getTime() - now.getTime());
    const wait = Math.max(0, ...waits);
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    for (const k of sorted) {
      const row = rows.find((r) => r.key === k.key);
      const fresh = row?.last_failure_at && row.last_failure_at.getTime() >= windowStart;
      const failures = (fresh ? row.failures : 0) + 1;
      await trx
        .updateTable('login_throttles')
        .set({
          failures,
          last_failure_at: now,
          next_allowed_at: new Date(now.getTime() + throttleDelaySeconds(k.scope, failures) * 1000),
        })
        .where('key', '=', k.key)
        .execute();
    }
    return { allowed: true };
  });
}

/**
 * After the right password: the account's own counters start again; the address keeps its count
 * less this attempt (one good account must not wipe an address's record of guessing others).
 */
export async function releaseLoginAttempt(db: Kysely<DB>, keys: ThrottleKey[]): Promise<void> {
  const own = keys.filter((k) => k.scope !== 'address').map((k) => k.key);
  if (own.length > 0) await db.deleteFrom('login_throttles').where('key', 'in', own).execute();
  const addresses = keys.filter((k) => k.scope === 'address').map((k) => k.key);
  if (addresses.length > 0)
    await db
      .updateTable('login_throttles')
      .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
      .where('key', 'in', addresses)
      .execute();
}

/** Forgets counters idle for longer than the window (called now and then by sign-in). */
export async function pruneLoginThrottles(db: Kysely<DB>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  await db
    .deleteFrom('login_throttles')
    .where('next_allowed_at', '<', before)
    .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', before)]))
    .execute();
}
