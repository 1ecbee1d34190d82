import { listLaChoices } from '../../data/repositories/local-authorities.js';
import { findUserById, type User } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface UserAdminForm {
  /** The account being edited; null when creating one. */
  user: User | null;
  /** Current local authorities, for the LA user's select. */
  las: { id: string; name: string }[];
}

/** What the administrator's create/edit account forms need. */
export async function getUserAdminForm(
  ctx: UseCaseContext,
  userId?: string,
): Promise<UserAdminForm> {
  if (!policies.manageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  let user: User | null = null;
  if (userId !== undefined) {
    user = await findUserById(ctx.db, userId);
    if (!user) throw new AppError('NOT_FOUND');
  }
  const las = await listLaChoices(ctx.db, user?.laId);
  return { user, las };
}
