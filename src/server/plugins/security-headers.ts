import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    cspNonce: string;
  }
}

// A strict policy: no third-party origins, and the only inline script is GOV.UK's one-line
// js-enabled marker, allowed by a per-request nonce.
const csp = (nonce: string): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');

const STATIC_PREFIXES = ['/assets/', '/static/'];

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.decorateRequest('cspNonce', '');
  app.addHook('onRequest', async (request) => {
    request.cspNonce = randomBytes(16).toString('base64');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html'))
      reply.header('Content-Security-Policy', csp(request.cspNonce));
    // Nothing but the static assets may be kept by a browser or a proxy: API responses and pages
    // carry child-level data, names and judgements, and a shared computer's cache or back button
    // must not show them to the next person. Decided once, here, for every route.
    if (!STATIC_PREFIXES.some((p) => request.url.startsWith(p)))
      reply.header('Cache-Control', 'no-store');
  });
}
