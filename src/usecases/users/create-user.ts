import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findUserByEmail, insertUser, type User } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions, roles } from '../../domain/access/roles.js';
import { hashPassword, passwordProblem } from '../../domain/auth/password.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { presentUserForAudit, userScopeProblems } from './user-rules.js';

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter an email address in the correct format'),
  displayName: z.string().trim().min(1, 'Enter a name').max(200),
  password: z.string(),
  role: z.enum(roles),
  region: z.enum(ofstedRegions).nullish(),
  laId: z.string().trim().min(1).nullish(),
  mustChangePassword: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export async function createUser(ctx: UseCaseContext, raw: CreateUserInput): Promise<User> {
  if (!policies.manageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = CreateUserInput.parse(raw);
  const problem = passwordProblem(input.password);
  if (problem)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'password', reason: `Password ${problem}` }],
    });
  const scope = await userScopeProblems(
    ctx.db,
    input.role,
    input.region ?? null,
    input.laId ?? null,
  );
  if (scope.length > 0) throw new AppError('VALIDATION_FAILED', { details: scope });
  if (await findUserByEmail(ctx.db, input.email)) {
    throw new AppError('ALREADY_EXISTS', {
      message: `An account for ${input.email} already exists.`,
      details: [{ field: 'email', reason: 'An account with this email address already exists' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      region: input.role === 'regional' ? (input.region ?? null) : null,
      laId: input.role === 'la_user' ? (input.laId ?? null) : null,
      mustChangePassword: input.mustChangePassword,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      laId: user.laId,
      after: presentUserForAudit(user),
    });
    return user;
  });
}
