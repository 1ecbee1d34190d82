// The signed-in person's notifications: the list, and marking one or all as read.
import { z } from 'zod';
import { listMyNotifications } from '../../../usecases/notifications/list-my-notifications.js';
import { markMyNotificationsRead } from '../../../usecases/notifications/mark-notifications-read.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { safeNext } from '../safe-next.js';

const Back = z.object({ back: z.string().optional() }).passthrough();
const IdParams = z.object({ id: z.string() });

export const registerNotificationRoutes: RouteModule = (app, ctx) => {
  app.get('/notifications', async (request, reply) => {
    const notifications = await listMyNotifications(useCaseContext(request, ctx));
    return reply.render('notifications/list.njk', {
      notifications,
      unread: notifications.some((n) => !n.readAt),
    });
  });

  app.post('/notifications/:id/read', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { back } = Back.parse(request.body ?? {});
    await markMyNotificationsRead(useCaseContext(request, ctx), { id });
    return reply.redirect(safeNext(back), 303);
  });

  app.post('/notifications/read', async (request, reply) => {
    const { back } = Back.parse(request.body ?? {});
    await markMyNotificationsRead(useCaseContext(request, ctx), {});
    return reply.redirect(safeNext(back), 303);
  });
};
