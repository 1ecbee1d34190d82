// Identifies the person behind each request: a session cookie (browser) or a bearer token
// (API clients), both backed by the same sessions table.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/actor.js';
import { AppError } from '../../errors.js';
import { resolveSession, type ResolvedSession } from '../../usecases/auth/resolve-session.js';
import type { UseCaseContext } from '../../usecases/context.js';

export const SESSION_COOKIE = '__Host-triangulate';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
    actor: Actor | null;
    authVia: 'cookie' | 'bearer' | null;
  }
}

export function registerSession(
  app: FastifyInstance,
  deps: Pick<UseCaseContext, 'db'> & { secret: string },
): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url === '/health') return;
    const header = request.headers.authorization;
    let token: string | undefined;
    if (header?.startsWith('Bearer ')) {
      token = header.slice(7).trim();
      request.authVia = 'bearer';
    } else if (request.cookies[SESSION_COOKIE]) {
      token = request.cookies[SESSION_COOKIE];
      request.authVia = 'cookie';
    }
    if (!token) return;
    const session = await resolveSession(deps, token);
    if (!session) {
      request.authVia = null;
      return;
    }
    request.session = session;
    request.actor = session.actor;
  });
}

/** The signed-in actor, or an UNAUTHENTICATED error. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
