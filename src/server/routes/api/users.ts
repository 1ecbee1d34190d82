import { z } from 'zod';
import { changePassword } from '../../../usecases/users/change-password.js';
import { createUser, CreateUserInput } from '../../../usecases/users/create-user.js';
import { listUsers, ListUsersInput } from '../../../usecases/users/list-users.js';
import { updateUser, UpdateUserInput } from '../../../usecases/users/update-user.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import { Ok, presentUser, UserSchema } from './schemas.js';

export const registerUserApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof createUser>[0]['actor']) => ({ db: ctx.database.db, actor });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/users',
      summary: 'List accounts (administrators)',
      tag: 'users',
      query: ListUsersInput,
      response: z.object({ users: z.array(UserSchema) }),
      handler: async ({ actor, query }) => {
        const users = await listUsers(uc(actor), query);
        return { users: users.map(presentUser) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/users',
      summary: 'Create an account (administrators)',
      tag: 'users',
      body: CreateUserInput,
      response: UserSchema,
      handler: async ({ actor, body, reply }) => {
        const u = await createUser(uc(actor), body);
        reply.status(201);
        return presentUser(u);
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: '/api/v1/users/:id',
      summary: 'Change an account: name, role, region, LA, disabled (administrators)',
      tag: 'users',
      body: UpdateUserInput.omit({ userId: true }),
      response: UserSchema,
      handler: async ({ actor, params, body }) =>
        presentUser(await updateUser(uc(actor), { ...body, userId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/users/:id/password',
      summary: 'Change a password (your own with currentPassword; administrators reset others)',
      tag: 'users',
      body: z.object({ currentPassword: z.string().optional(), newPassword: z.string() }),
      response: Ok,
      handler: async ({ actor, params, body, request }) => {
        await changePassword(
          uc(actor),
          { ...body, userId: params.id ?? '' },
          request.session?.sessionId,
        );
        return { ok: true as const };
      },
    }),
  ]);
};
