// People whose password was set by someone else (a new account, an administrator's reset) must
// choose their own before they use the service, however they come in: pages send them to
// /account/password, and the JSON API (bearer tokens, or a browser session calling it) answers
// PASSWORD_CHANGE_REQUIRED for everything but saying who they are, changing their own password and
// signing out. The CLI works on the database directly as the operator, so it has no such path.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

/** Pages that stay reachable while a new password is outstanding. */
const ALLOWED = new Set(['/account/password', '/sign-out', '/sign-in', '/health']);
const ALLOWED_PREFIXES = ['/assets/', '/static/'];

/** API routes (method and pattern) that stay reachable; the password route only for oneself. */
function apiAllowed(request: FastifyRequest): boolean {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  if (route === 'GET /api/v1/me' || route === 'DELETE /api/v1/sessions/current') return true;
  if (route === 'POST /api/v1/sessions' || route === 'GET /api/openapi.json') return true;
  if (route === 'POST /api/v1/users/:id/password') {
    const id = (request.params as { id?: string }).id;
    return request.actor?.kind === 'user' && id === request.actor.userId;
  }
  return false;
}

export function registerMustChangePassword(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.session?.mustChangePassword) return;
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || request.authVia === 'bearer') {
      if (apiAllowed(request)) return;
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (ALLOWED.has(path) || ALLOWED_PREFIXES.some((p) => path.startsWith(p))) return;
    return reply.redirect('/account/password', 303);
  });
}
