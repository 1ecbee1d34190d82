import type { Kysely } from 'kysely';
import {
  deleteSession,
  findSessionWithUser,
  touchSession,
} from '../../data/repositories/sessions.js';
import type { DB } from '../../data/schema.js';
import { toActor, type UserActor } from '../../domain/access/actor.js';
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
  const found = await findSessionWithUser(deps.db, sessionId);
  if (!found) return null;
  const now = nowMs();
  const idleLimit = found.lastSeenAt.getTime() + SESSION_IDLE_MINUTES * 60_000;
  if (found.expiresAt.getTime() <= now || idleLimit <= now || found.user.disabled) {
    await deleteSession(deps.db, sessionId);
    return null;
  }
  // Touch at most once a minute to keep writes low.
  if (now - found.lastSeenAt.getTime() > 60_000) {
    await touchSession(deps.db, sessionId, new Date(now));
  }
  return {
    sessionId,
    csrfToken: found.csrfToken,
    mustChangePassword: found.user.mustChangePassword,
    actor: toActor(found.user),
  };
}
