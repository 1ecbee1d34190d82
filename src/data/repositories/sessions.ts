// Signed-in sessions and the record of sign-in attempts, as stored.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { User } from './users.js';

/** A stored session with the account it belongs to. */
export interface SessionWithUser {
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  /** The account, without when it was created. */
  user: Omit<User, 'createdAt'>;
}

export async function findSessionWithUser(
  db: Kysely<DB>,
  sessionId: string,
): Promise<SessionWithUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
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
  return {
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      region: row.region,
      laId: row.la_id,
      mustChangePassword: row.must_change_password,
      disabled: row.disabled_at !== null,
    },
  };
}

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date; at: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      created_at: session.at,
      last_seen_at: session.at,
    })
    .execute();
}

export async function touchSession(db: Kysely<DB>, sessionId: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** Removes one session; returns the account it belonged to, or null when there was none. */
export async function deleteSession(
  db: Kysely<DB>,
  sessionId: string,
): Promise<{ userId: string } | null> {
  const deleted = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .returning('user_id')
    .executeTakeFirst();
  return deleted ? { userId: deleted.user_id } : null;
}

/** Signs an account out everywhere (except, if given, the session that asked). */
export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  keepSessionId?: string,
): Promise<void> {
  let del = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) del = del.where('id', '<>', keepSessionId);
  await del.execute();
}

export async function recordLoginAttempt(
  db: Kysely<DB>,
  attempt: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({
      email: attempt.email,
      ip: attempt.ip,
      succeeded: attempt.succeeded,
      attempted_at: attempt.at,
    })
    .execute();
}
