// CSRF protection: every state-changing request that relies on the session cookie must carry the
// session's token (a hidden `_csrf` form field or an `x-csrf-token` header). Bearer-token
// requests carry no ambient credential and need none.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerCsrf(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    // Upload bodies are read only after authorisation; plugins/uploads.ts checks them then.
    if (request.routeOptions.config.upload) return;
    checkCsrf(request);
  });
}

/** Refuses a cookie-authenticated state-changing request without the session's token. */
export function checkCsrf(request: FastifyRequest): void {
  if (SAFE.has(request.method) || request.authVia !== 'cookie' || !request.session) return;
  const body = request.body as Record<string, unknown> | undefined;
  const supplied =
    (typeof body?._csrf === 'string' ? body._csrf : undefined) ??
    (typeof request.headers['x-csrf-token'] === 'string'
      ? request.headers['x-csrf-token']
      : undefined);
  if (!supplied || !same(supplied, request.session.csrfToken)) throw new AppError('CSRF_INVALID');
}
