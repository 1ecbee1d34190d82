import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/actor.js';
import type { UseCaseContext } from '../../usecases/context.js';
import type { ServerContext } from '../app.js';
import { requireActor } from '../plugins/session.js';

/** The use-case context for the signed-in person (UNAUTHENTICATED otherwise). */
export function useCaseContext(
  request: FastifyRequest,
  server: ServerContext,
  actor?: Actor,
): UseCaseContext {
  return {
    db: server.database.db,
    actor: actor ?? requireActor(request),
    catalog: server.catalog,
    attachments: server.attachments,
  };
}

/** Error summary items for GOV.UK's error summary, with field anchors. */
export function errorList(
  details: { field?: string; reason: string }[],
): { text: string; href?: string }[] {
  return details.map((d) => ({ text: d.reason, ...(d.field ? { href: `#${d.field}` } : {}) }));
}

/** Field -> message map for inline errors. */
export function fieldErrors(
  details: { field?: string; reason: string }[],
): Record<string, { text: string }> {
  const out: Record<string, { text: string }> = {};
  for (const d of details) if (d.field && !out[d.field]) out[d.field] = { text: d.reason };
  return out;
}

export { safeNext } from './safe-next.js';
