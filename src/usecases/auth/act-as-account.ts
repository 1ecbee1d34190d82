// The CLI's --as EMAIL: the operator runs a command as one person's active account, so access
// checks and the audit log see that person rather than the operator.
import { z } from 'zod';
import { findUserByEmail } from '../../data/repositories/users.js';
import { toActor, type UserActor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const ActAsAccountInput = z.object({ email: z.string() });
export type ActAsAccountInput = z.input<typeof ActAsAccountInput>;

/** The actor of the active account with that email; VALIDATION_FAILED (field --as) if none. */
export async function actAsAccount(
  ctx: UseCaseContext,
  raw: ActAsAccountInput,
): Promise<UserActor> {
  if (!policies.actAsAccount(ctx.actor)) throw new AppError('FORBIDDEN');
  const { email } = ActAsAccountInput.parse(raw);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.disabled)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: '--as', value: email, reason: 'No active account has this email' }],
    });
  return toActor(user);
}
