// JSON API of capture that works offline (issue 17): the session's device key, what a device
// keeps of an activity, syncing a batch of offline operations (idempotent by client id), and the
// person's sync conflicts. Cookie-authenticated posts carry the CSRF token (x-csrf-token).
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { AppError } from '../../../errors.js';
import { forgetDevice } from '../../../usecases/auth/forget-device.js';
import { issueDeviceKey } from '../../../usecases/auth/issue-device-key.js';
import { getOfflinePack } from '../../../usecases/evidence/get-offline-pack.js';
import { OfflineOperation } from '../../../usecases/evidence/offline-operations.js';
import { listMySyncConflicts } from '../../../usecases/evidence/sync-conflicts.js';
import { syncOfflineBatch } from '../../../usecases/evidence/sync-offline-batch.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const SyncResult = z.object({
  clientId: z.string(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  evidenceId: z.string().nullable(),
  codingId: z.string().nullable(),
  version: z.number().nullable(),
  conflictId: z.string().nullable(),
  serverText: z.string().optional(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      details: z.array(
        z.object({
          field: z.string().optional(),
          value: z.string().optional(),
          reason: z.string(),
        }),
      ),
    })
    .optional(),
});

const Pack = z.object({
  activity: z.object({ id: z.string(), title: z.string() }),
  codes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      parentId: z.string().nullable(),
      isCodable: z.boolean(),
    }),
  ),
  cases: z.array(z.object({ reference: z.string(), sampledCohort: z.string().nullable() })),
  ownRecords: z.array(
    z.object({ id: z.string(), reference: z.string(), version: z.number(), text: z.string() }),
  ),
});

const Conflict = z.object({
  id: z.string(),
  evidenceId: z.string(),
  baseVersion: z.number(),
  deviceText: z.string(),
  serverVersion: z.number(),
  serverText: z.string(),
  writtenAt: z.string(),
  receivedAt: z.string(),
  resolution: z.enum(['mine', 'theirs', 'merged']).nullable(),
  url: z.string(),
});

const activityBase = '/api/v1/activities/:id/offline';

export const registerOfflineApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/offline/key',
      summary:
        'The signed-in session’s device key (AES-GCM, base64): encrypts the offline copy; forgotten at sign-out',
      tag: 'offline',
      response: z.object({ key: z.string() }),
      handler: async ({ actor, request }) => {
        if (!request.session) throw new AppError('UNAUTHENTICATED');
        return { key: await issueDeviceKey(uc(actor), request.session.sessionId) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/offline/forget-device',
      summary:
        'Forget this device (its key; everyDevice: every key of yours): what it holds offline can no longer be read',
      tag: 'offline',
      body: z.object({ everyDevice: z.boolean().default(false) }),
      response: z.object({ forgotten: z.number() }),
      handler: async ({ actor, request, body }) => {
        if (!request.session) throw new AppError('UNAUTHENTICATED');
        return { forgotten: await forgetDevice(uc(actor), request.session.sessionId, body) };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${activityBase}/pack`,
      summary:
        'What a device keeps to capture and code offline: the activity, codebook, sampled cases and your own records',
      tag: 'offline',
      response: Pack,
      handler: async ({ actor, params }) => getOfflinePack(uc(actor), params.id ?? ''),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${activityBase}/sync`,
      summary:
        'Sync operations captured offline (records, edits of your own records with their base version, codings). Each has a clientId: a replay answers duplicate. Per item: applied, duplicate, conflict (kept with both texts) or rejected',
      tag: 'offline',
      body: z.object({ operations: z.array(OfflineOperation).min(1).max(5000) }),
      response: z.object({ receivedAt: z.string(), results: z.array(SyncResult) }),
      handler: async ({ actor, params, body }) => {
        const out = await syncOfflineBatch(uc(actor), {
          activityId: params.id ?? '',
          operations: body.operations,
        });
        return { receivedAt: out.receivedAt.toISOString(), results: out.results };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${activityBase}/conflicts`,
      summary: 'Your sync conflicts in the activity (open ones first), each with both texts',
      tag: 'offline',
      response: z.object({ conflicts: z.array(Conflict) }),
      handler: async ({ actor, params }) => {
        const list = await listMySyncConflicts(uc(actor), params.id ?? '');
        return {
          conflicts: list.map((c) => ({
            id: c.id,
            evidenceId: c.evidenceId,
            baseVersion: c.baseVersion,
            deviceText: c.deviceText,
            serverVersion: c.serverVersion,
            serverText: c.serverText,
            writtenAt: c.writtenAt.toISOString(),
            receivedAt: c.receivedAt.toISOString(),
            resolution: c.resolution,
            url: `/activities/${c.activityId}/offline/conflicts/${c.id}`,
          })),
        };
      },
    }),
  ]);
};
