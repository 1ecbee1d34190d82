import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findUserByEmail, type User } from '../../data/repositories/users.js';
import type { UserActor } from '../../domain/access/actor.js';
import { verifyAgainstDummy, verifyPassword } from '../../domain/auth/password.js';
import { isLoginThrottled, LOGIN_WINDOW_MINUTES } from '../../domain/auth/rate-limit.js';
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
  const since = new Date(nowMs() - LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await sql<{ by_email: number; by_ip: number }>`
    select
      count(*) filter (where lower(email) = ${email}) as by_email,
      count(*) filter (where ip = ${ip}) as by_ip
    from login_attempts
    where attempted_at >= ${since} and not succeeded and (lower(email) = ${email} or ip = ${ip})`.execute(
    db,
  );
  const f = failures.rows[0] ?? { by_email: 0, by_ip: 0 };
  if (isLoginThrottled(Number(f.by_email), Number(f.by_ip))) throw new AppError('RATE_LIMITED');

  const user = await findUserByEmail(db, email);
  const ok =
    user && !user.disabled ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user) await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await db
      .insertInto('login_attempts')
      .values({ email, ip, succeeded: false, attempted_at: now() })
      .execute();
    throw new AppError('INVALID_CREDENTIALS');
  }

  const token = newToken();
  const sessionId = sessionIdFor(deps.secret, token);
  const csrfToken = newToken();
  const expiresAt = new Date(nowMs() + SESSION_ABSOLUTE_HOURS * 3_600_000);
  const actor: UserActor = toActor(user);
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
    await writeAudit(trx, actor, {
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
      after: { ip },
    });
  });
  const { passwordHash: _omit, ...publicUser } = user;
  return { token, sessionId, csrfToken, expiresAt, user: publicUser };
}

export function toActor(user: User): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    region: user.region,
    laId: user.laId,
  };
}
