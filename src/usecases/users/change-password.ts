import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteSessionsOfUser } from '../../data/repositories/sessions.js';
import { findUserByEmail, findUserById, setPassword } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../domain/auth/password.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { now } from '../../clock.js';

export const ChangePasswordInput = z.object({
  userId: z.string(),
  /** Required when people change their own password; admins resetting another's omit it. */
  currentPassword: z.string().optional(),
  newPassword: z.string(),
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/** Changes a password and signs the account out everywhere else. */
export async function changePassword(
  ctx: UseCaseContext,
  raw: ChangePasswordInput,
  keepSessionId?: string,
): Promise<void> {
  const input = ChangePasswordInput.parse(raw);
  const self = ctx.actor.kind === 'user' && ctx.actor.userId === input.userId;
  if (!self && !policies.manageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw new AppError('NOT_FOUND');
  if (self) {
    const withHash = await findUserByEmail(ctx.db, user.email);
    if (!withHash || !(await verifyPassword(withHash.passwordHash, input.currentPassword ?? ''))) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'currentPassword', reason: 'Your current password is not correct' }],
      });
    }
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'newPassword', reason: `Password ${problem}` }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await setPassword(trx, user.id, { passwordHash: hash, mustChangePassword: !self, at: now() });
    await deleteSessionsOfUser(trx, user.id, keepSessionId);
    await writeAudit(trx, ctx.actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      after: { byAdministrator: !self },
    });
  });
}
