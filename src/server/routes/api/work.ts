// The signed-in person's own queue, as JSON: "your work" (what waits for them, with due dates,
// derived from the record) and their in-app notifications (list, mark one or all read). Each
// answers only about the caller: there is no way to ask about someone else.
import { z } from 'zod';
import { listMyWork } from '../../../usecases/home/list-my-work.js';
import { listMyNotifications } from '../../../usecases/notifications/list-my-notifications.js';
import { markMyNotificationsRead } from '../../../usecases/notifications/mark-notifications-read.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const WorkItemSchema = z.object({
  kind: z.string().describe('panel_challenges, qa_approval, panel_answers, draft_report, ...'),
  activityId: z.string(),
  activityTitle: z.string(),
  laName: z.string(),
  text: z.string().describe('What to do, as a short instruction'),
  href: z.string().describe('The page where the work is done'),
  due: z.string().nullable().describe('YYYY-MM-DD, or null where the record gives no date'),
});

const NotificationSchema = z.object({
  id: z.string(),
  activityId: z.string().nullable(),
  kind: z.string(),
  text: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  emailStatus: z.string().describe('pending, sent, failed or not_sent'),
});

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const Marked = z.object({ marked: z.number().int() });

export const registerWorkApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof listMyWork>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/me/work',
      summary: 'Your work: what waits for you across your activities, soonest due first',
      tag: 'me',
      response: z.object({ items: z.array(WorkItemSchema) }),
      handler: async ({ actor }) => ({ items: await listMyWork(uc(actor)) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/me/notifications',
      summary: 'Your notifications, newest first (the latest 50; unread=true for unread only)',
      tag: 'me',
      query: z.object({ unread: flag.optional() }),
      response: z.object({ notifications: z.array(NotificationSchema) }),
      handler: async ({ actor, query }) => {
        const list = await listMyNotifications(uc(actor), { unreadOnly: query.unread === true });
        return {
          notifications: list.map((n) => ({
            ...n,
            createdAt: n.createdAt.toISOString(),
            readAt: n.readAt ? n.readAt.toISOString() : null,
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/me/notifications/read',
      summary: 'Mark every one of your unread notifications as read',
      tag: 'me',
      response: Marked,
      handler: async ({ actor }) => markMyNotificationsRead(uc(actor), {}),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/me/notifications/:id/read',
      summary: 'Mark one of your notifications as read (someone else’s answers 404)',
      tag: 'me',
      response: Marked,
      handler: async ({ actor, params }) =>
        markMyNotificationsRead(uc(actor), { id: params.id ?? '' }),
    }),
  ]);
};
