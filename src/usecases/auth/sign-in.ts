import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  claimLoginAttempt,
  pruneLoginThrottles,
  releaseLoginAttempt,
  type ThrottleKey,
} from '../../data/repositories/login-throttles.js';
import { findUserByEmail, replacePasswordHash, type User } from '../../data/repositories/users.js';
import { toActor, type UserActor } from '../../domain/access/actor.js';
import {
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../domain/auth/password.js';
import { throttleKey } from '../../domain/auth/rate-limit.js';
import { newToken, SESSION_ABSOLUTE_HOURS, sessionIdFor } from '../../domain/auth/session-token.js';
import { AppError } from '../../errors.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../data/schema.js';
import { now, nowMs } from '../../clock.js';

export const SignInInput = z.object({
  email: z.string().trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
});

export interface SignInResult {
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

export async function signIn(
  deps: { db: Kysely<DB>; secret: string },
  raw: z.input<typeof SignInInput>,
  ip: string,
): Promise<SignInResult> {
  const input = SignInInput.parse(raw);
  const { db } = deps;
  const email = input.email.toLowerCase();
  const at = now();
  const keys: ThrottleKey[] = (['account-address', 'account', 'address'] as const).map((scope) => ({
    scope,
    key: throttleKey(scope, email, ip),
  }));
  // Counted (as a failure) before the password is checked, under the counters' row locks.
  const claim = await claimLoginAttempt(db, keys, at);
  if (!claim.allowed) throw rateLimited(claim.retryAfterSeconds);

  const found = await findUserByEmail(db, email);
  // One full verification whoever asks: unknown and disabled accounts use a dummy hash.
  const usable = found && !found.disabled ? found : null;
  const ok = await verifyPassword(
    usable?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!usable || !ok) {
    await db
      .insertInto('login_attempts')
      .values({ email, ip, succeeded: false, attempted_at: at })
      .execute();
    if (Math.random() < 0.01) await pruneLoginThrottles(db, at);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await releaseLoginAttempt(db, keys);
  const rehash = needsRehash(usable.passwordHash) ? await hashPassword(input.password) : null;

  const token = newToken();
  const sessionId = sessionIdFor(deps.secret, token);
  const csrfToken = newToken();
  const expiresAt = new Date(nowMs() + SESSION_ABSOLUTE_HOURS * 3_600_000);
  const actor: UserActor = toActor(usable);
  const user = usable;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values({ email, ip, succeeded: true, attempted_at: now() })
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        created_at: now(),
        last_seen_at: now(),
      })
      .execute();
    if (rehash) await replacePasswordHash(trx, user.id, user.passwordHash, rehash);
    await writeAudit(trx, actor, {
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
      after: rehash ? { ip, passwordRehashed: true } : { ip },
    });
  });
  const { passwordHash: _omit, ...publicUser } = user;
  return { token, sessionId, csrfToken, expiresAt, user: publicUser };
}

function rateLimited(seconds: number): AppError {
  const wait =
    seconds <= 60
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('RATE_LIMITED', {
    message: `Too many attempts. Wait ${wait}, then try again.`,
    details: [{ field: 'email', reason: `Try again in ${wait}` }],
  });
}
