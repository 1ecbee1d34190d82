// People whose password was set by someone else (a new account, an administrator's reset) must
// choose their own before they use the service: every page sends them to /account/password.
import type { FastifyInstance } from 'fastify';

/** Paths that stay reachable while a new password is outstanding. */
const ALLOWED = new Set(['/account/password', '/sign-out', '/sign-in', '/health']);
const ALLOWED_PREFIXES = ['/assets/', '/static/', '/api/'];

export function registerMustChangePassword(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.session?.mustChangePassword || request.authVia !== 'cookie') return;
    const path = request.url.split('?')[0] ?? '/';
    if (ALLOWED.has(path) || ALLOWED_PREFIXES.some((p) => path.startsWith(p))) return;
    return reply.redirect('/account/password', 303);
  });
}
