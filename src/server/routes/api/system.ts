import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { signIn } from '../../../usecases/auth/sign-in.js';
import { signOut } from '../../../usecases/auth/sign-out.js';
import {
  buildOpenApiDocument,
  defineApiRoute,
  registerApiRoutes,
  type ApiRoute,
} from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Me = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  region: z.string().nullable(),
  laId: z.string().nullable(),
});

export const registerSystemRoutes: RouteModule = (app, ctx) => {
  app.get('/health', async () => ({
    status: 'ok',
    engine: ctx.database.engine,
    version: ctx.version,
  }));
  app.get('/api/openapi.json', async () => buildOpenApiDocument(app, ctx.version));

  const routes: ApiRoute[] = [
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/sessions',
      summary: 'Sign in: returns a bearer token for the API',
      tag: 'auth',
      auth: false,
      body: z.object({ email: z.string(), password: z.string() }),
      response: z.object({ token: z.string(), expiresAt: z.string(), user: Me }),
      handler: async ({ body, request }) => {
        const r = await signIn({ db: ctx.database.db, secret: ctx.secret }, body, request.ip);
        const u = r.user;
        return {
          token: r.token,
          expiresAt: r.expiresAt.toISOString(),
          user: {
            id: u.id,
            email: u.email,
            displayName: u.displayName,
            role: u.role,
            region: u.region,
            laId: u.laId,
          },
        };
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: '/api/v1/sessions/current',
      summary: 'Sign out: ends the current session',
      tag: 'auth',
      response: z.object({ ok: z.boolean() }),
      handler: async ({ actor, request }) => {
        if (!request.session) throw new AppError('UNAUTHENTICATED');
        await signOut({ db: ctx.database.db, actor }, request.session.sessionId);
        return { ok: true };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/me',
      summary: 'The signed-in account',
      tag: 'auth',
      response: Me,
      handler: async ({ actor }) => {
        if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
        return {
          id: actor.userId,
          email: actor.email,
          displayName: actor.displayName,
          role: actor.role,
          region: actor.region,
          laId: actor.laId,
        };
      },
    }),
  ];
  registerApiRoutes(app, routes);
};
