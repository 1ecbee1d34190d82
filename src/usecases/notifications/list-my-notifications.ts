// The signed-in person's notifications, newest first (unread only, or all).
import { listNotifications, type Notification } from '../../data/repositories/notifications.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';

export async function listMyNotifications(
  ctx: UseCaseContext,
  opts: { unreadOnly?: boolean } = {},
): Promise<Notification[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !policies.readNotifications(actor, actor.userId)) return [];
  return listNotifications(ctx.db, actor.userId, { unreadOnly: opts.unreadOnly, limit: 50 });
}
