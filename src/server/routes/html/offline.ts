// Capture that works offline (issue 17), the pages: the service worker and web manifest served
// from the site root (so the worker's scope is the whole site), the data-free offline page, the sync conflicts of the signed-in
// inspector with both texts side by side, and "forget this device".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { publicDir } from '../../../paths.js';
import { forgetDevice } from '../../../usecases/auth/forget-device.js';
import {
  getSyncConflict,
  listMySyncConflicts,
  resolveSyncConflict,
} from '../../../usecases/evidence/sync-conflicts.js';
import { getEvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { whenText } from '../../../domain/calendar/format.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const ConflictParams = z.object({ id: z.string().max(200), conflictId: z.string().max(200) });
const ResolveForm = z.object({
  choice: z.enum(['mine', 'theirs', 'merged']).optional(),
  text: z.string().optional(),
  expectedVersion: z.coerce.number().int().min(1),
});

const MANIFEST = {
  name: 'Triangulate',
  short_name: 'Triangulate',
  start_url: '/home',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b0c0c',
  icons: [{ src: '/static/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
};

export const registerOfflineRoutes: RouteModule = (app, ctx) => {
  let worker: string | null = null;
  app.get('/sw.js', async (_request, reply) => {
    worker ??= readFileSync(path.join(publicDir(), 'sw.js'), 'utf8');
    reply.header('Content-Type', 'text/javascript; charset=utf-8');
    reply.header('Service-Worker-Allowed', '/');
    return reply.send(worker);
  });
  // The page the service worker answers with when a page is asked for with no network: no data
  // (the worker fetches it without the session); the page kept on the device is put back into it.
  app.get('/offline', async (_request, reply) => reply.render('offline/shell.njk'));
  app.get('/manifest.webmanifest', async (_request, reply) => {
    reply.header('Content-Type', 'application/manifest+json; charset=utf-8');
    return reply.send(JSON.stringify(MANIFEST));
  });

  app.get('/activities/:id/offline/conflicts', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const conflicts = await listMySyncConflicts(uc, id);
    return reply.render('offline/conflicts.njk', {
      page,
      conflicts: conflicts.map((c) => ({ ...c, receivedText: whenText(c.receivedAt) })),
    });
  });

  app.get('/activities/:id/offline/conflicts/:conflictId', async (request, reply) => {
    const { id, conflictId } = ConflictParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const conflict = await getSyncConflict(uc, id, conflictId);
    return reply.render('offline/conflict.njk', conflictView(page, conflict));
  });

  app.post('/activities/:id/offline/conflicts/:conflictId', async (request, reply) => {
    const { id, conflictId } = ConflictParams.parse(request.params);
    const form = ResolveForm.parse(request.body ?? {});
    const uc = useCaseContext(request, ctx);
    if (!form.choice) {
      const page = await getEvidencePageContext(uc, { activityId: id });
      const conflict = await getSyncConflict(uc, id, conflictId);
      reply.status(400);
      return reply.render('offline/conflict.njk', {
        ...conflictView(page, conflict, form.text),
        errors: [{ text: 'Choose which text to keep', href: '#choice' }],
        fieldErrors: { choice: { text: 'Choose which text to keep' } },
      });
    }
    try {
      await resolveSyncConflict(uc, {
        activityId: id,
        conflictId,
        choice: form.choice,
        text: form.text,
        expectedVersion: form.expectedVersion,
      });
    } catch (err) {
      if (!(err instanceof AppError) || !['CONFLICT', 'VALIDATION_FAILED'].includes(err.code))
        throw err;
      const page = await getEvidencePageContext(uc, { activityId: id });
      const conflict = await getSyncConflict(uc, id, conflictId);
      reply.status(err.status);
      return reply.render('offline/conflict.njk', {
        ...conflictView(page, conflict, form.text),
        errors: [{ text: err.message, href: '#choice' }],
      });
    }
    return reply.redirect(`/activities/${id}/offline/conflicts?resolved=1`, 303);
  });

  app.post('/account/forget-device', async (request, reply) => {
    const body = z.object({ everyDevice: z.string().optional() }).parse(request.body ?? {});
    if (!request.session) throw new AppError('UNAUTHENTICATED');
    await forgetDevice(useCaseContext(request, ctx), request.session.sessionId, {
      everyDevice: body.everyDevice === 'yes',
    });
    return reply.redirect('/account?forgotten=1', 303);
  });
};

function conflictView(
  page: Awaited<ReturnType<typeof getEvidencePageContext>>,
  conflict: Awaited<ReturnType<typeof getSyncConflict>>,
  text?: string,
) {
  return {
    page,
    conflict,
    writtenText: whenText(conflict.writtenAt),
    receivedText: whenText(conflict.receivedAt),
    // The merge starts from both texts, so keeping both is one press of a button.
    mergeText: text ?? `${conflict.currentText}\n\n${conflict.deviceText}`,
    errors: [],
    fieldErrors: {},
  };
}
