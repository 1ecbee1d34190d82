// The accounts, for administrators (the JSON API and `triangulate users list`); the admin pages
// use listUsersForAdmin, which adds each LA's name and a status filter.
import { z } from 'zod';
import { listUsers as readUsers } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { roles } from '../../domain/access/roles.js';
import type { User } from '../../domain/access/user.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const ListUsersInput = z.object({
  role: z.enum(roles).optional(),
  search: z.string().max(200).optional(),
});
export type ListUsersInput = z.input<typeof ListUsersInput>;

/** Every account, by display name; optionally one role, or a name or email containing `search`. */
export async function listUsers(ctx: UseCaseContext, raw: ListUsersInput = {}): Promise<User[]> {
  if (!policies.manageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = ListUsersInput.parse(raw);
  return readUsers(ctx.db, {
    ...(input.role ? { role: input.role } : {}),
    ...(input.search ? { search: input.search } : {}),
  });
}
