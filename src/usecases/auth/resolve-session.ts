import type { Kysely } from 'kysely';
import type { DB } from '../../data/schema.js';
import type { UserActor } from '../../domain/access/actor.js';
import { SESSION_IDLE_MINUTES, sessionIdFor } from '../../domain/auth/session-token.js';
import { nowMs } from '../../clock.js';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: UserActor;
  mustChangePassword: boolean;
}

/** Finds the live session for a token; expired or idle sessions are removed. */
export async function resolveSession(
  deps: { db: Kysely<DB>; secret: string },
  token: string,
): Promise<ResolvedSession | null> {
  const sessionId = sessionIdFor(deps.secret, token);
  const row = await deps.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.region',
      'u.la_id',
      'u.must_change_password',
      'u.disabled_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const now = nowMs();
  const idleLimit = row.last_seen_at.getTime() + SESSION_IDLE_MINUTES * 60_000;
  if (row.expires_at.getTime() <= now || idleLimit <= now || row.disabled_at) {
    await deps.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return null;
  }
  // Touch at most once a minute to keep writes low.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', sessionId)
      .execute();
  }
  return {
    sessionId,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    actor: {
      kind: 'user',
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      region: row.region,
      laId: row.la_id,
    },
  };
}
