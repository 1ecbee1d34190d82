import { z } from 'zod';
import {
  listAuditEventsForActor,
  ListAuditInput,
} from '../../../usecases/audit/list-audit-events.js';
import { verifyAuditLog } from '../../../usecases/audit/verify-audit-log.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Event = z.object({
  seq: z.number(),
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  activityId: z.string().nullable(),
  laId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
  hash: z.string(),
});

export const registerAuditApi: RouteModule = (app, ctx) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/audit',
      summary:
        'Browse audit events, newest first (admins and national team; QAM and lead for their activity)',
      tag: 'audit',
      query: ListAuditInput,
      response: z.object({ events: z.array(Event) }),
      handler: async ({ actor, query }) => {
        const events = await listAuditEventsForActor({ db: ctx.database.db, actor }, query);
        return {
          events: events.map(({ prevHash: _p, ...e }) => ({
            ...e,
            occurredAt: e.occurredAt.toISOString(),
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/audit/verify',
      summary: 'Verify the audit hash chain',
      tag: 'audit',
      response: z.object({
        ok: z.boolean(),
        eventsChecked: z.number(),
        lastHash: z.string(),
        problem: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).optional(),
      }),
      handler: async ({ actor }) => verifyAuditLog({ db: ctx.database.db, actor }),
    }),
  ]);
};
