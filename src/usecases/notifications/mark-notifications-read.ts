// Mark one of my notifications (or all of them) as read. Reading is not an audited change: it
// changes nothing in the record and only the person themself can do it.
import { z } from 'zod';
import { markNotificationsRead } from '../../data/repositories/notifications.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const MarkNotificationsReadInput = z.object({
  /** One notification; omitted: every unread one. */
  id: z.string().optional(),
});
export type MarkNotificationsReadInput = z.input<typeof MarkNotificationsReadInput>;

export async function markMyNotificationsRead(
  ctx: UseCaseContext,
  raw: MarkNotificationsReadInput,
): Promise<{ marked: number }> {
  const input = MarkNotificationsReadInput.parse(raw);
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !policies.readNotifications(actor, actor.userId))
    throw new AppError('NOT_FOUND');
  // The user id in the WHERE clause keeps anyone else's notification untouched (and unseen).
  const marked = await markNotificationsRead(ctx.db, actor.userId, input.id);
  if (input.id !== undefined && marked === 0) throw new AppError('NOT_FOUND');
  return { marked };
}
