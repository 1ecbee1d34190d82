import { z } from 'zod';
import { laNamesById } from '../../data/repositories/local-authorities.js';
import { listUsers, type User } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { roles } from '../../domain/access/roles.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const ListUsersForAdminInput = z.object({
  search: z.string().trim().max(200).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type ListUsersForAdminInput = z.input<typeof ListUsersForAdminInput>;

export interface AdminUserRow extends User {
  laName: string | null;
}

/** Every account, for administrators: optionally by name/email text, role and status. */
export async function listUsersForAdmin(
  ctx: UseCaseContext,
  raw: ListUsersForAdminInput = {},
): Promise<AdminUserRow[]> {
  if (!policies.manageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = ListUsersForAdminInput.parse(raw);
  const users = await listUsers(ctx.db, {
    ...(input.role ? { role: input.role } : {}),
    ...(input.search ? { search: input.search } : {}),
  });
  const filtered = input.status
    ? users.filter((u) => u.disabled === (input.status === 'disabled'))
    : users;
  const laIds = [...new Set(filtered.flatMap((u) => (u.laId ? [u.laId] : [])))];
  const names = await laNamesById(ctx.db, laIds);
  return filtered.map((u) => ({ ...u, laName: u.laId ? (names.get(u.laId) ?? u.laId) : null }));
}
