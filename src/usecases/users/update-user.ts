import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteSessionsOfUser } from '../../data/repositories/sessions.js';
import { findUserById, updateUserAccount, type User } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions, roles } from '../../domain/access/roles.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { presentUserForAudit, userScopeProblems } from './user-rules.js';
import { now } from '../../clock.js';

export const UpdateUserInput = z.object({
  userId: z.string(),
  displayName: z.string().trim().min(1, 'Enter a name').max(200).optional(),
  role: z.enum(roles).optional(),
  region: z.enum(ofstedRegions).nullish(),
  laId: z.string().trim().min(1).nullish(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export async function updateUser(ctx: UseCaseContext, raw: UpdateUserInput): Promise<User> {
  if (!policies.manageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = UpdateUserInput.parse(raw);
  const before = await findUserById(ctx.db, input.userId);
  if (!before) throw new AppError('NOT_FOUND');
  const role = input.role ?? before.role;
  const region =
    role === 'regional' ? (input.region !== undefined ? input.region : before.region) : null;
  const laId = role === 'la_user' ? (input.laId !== undefined ? input.laId : before.laId) : null;
  const scope = await userScopeProblems(ctx.db, role, region ?? null, laId ?? null);
  if (scope.length > 0) throw new AppError('VALIDATION_FAILED', { details: scope });
  if (
    ctx.actor.kind === 'user' &&
    ctx.actor.userId === before.id &&
    (input.disabled || role !== 'admin')
  ) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'role', reason: 'You cannot remove your own administrator access' }],
    });
  }
  const after: User = {
    ...before,
    displayName: input.displayName ?? before.displayName,
    role,
    region: region ?? null,
    laId: laId ?? null,
    disabled: input.disabled ?? before.disabled,
  };
  return ctx.db.transaction().execute(async (trx) => {
    await updateUserAccount(trx, before.id, {
      displayName: after.displayName,
      role: after.role,
      region: after.region,
      laId: after.laId,
      disabledAt: after.disabled ? (before.disabled ? undefined : now()) : null,
      at: now(),
    });
    if (after.disabled) await deleteSessionsOfUser(trx, before.id);
    await writeAudit(trx, ctx.actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: before.id,
      laId: after.laId,
      before: presentUserForAudit(before),
      after: presentUserForAudit(after),
    });
    return after;
  });
}
