// Telling people it is their turn, written explicitly by the use case that changes the turn (as
// it writes its audit event), in the same transaction. The rows are the in-app notifications and
// the e-mail outbox; sending happens later (usecases/notifications/send-notification-emails.ts),
// so a mail server that is down never blocks or breaks the use case.
import type { Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import {
  insertNotifications,
  listTurnRecipients,
  type TurnAudience,
} from '../../data/repositories/notifications.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { turnLink, turnText, type TurnKind } from '../../domain/notifications/turns.js';

export type TurnActivity = Pick<
  Activity,
  'id' | 'laId' | 'laRegion' | 'state' | 'notifiedAt' | 'title'
>;

/**
 * Notifies everyone in the audiences (but the person acting) that it is their turn. Each one must
 * be allowed to see the activity: LA users are never told before the activity's notification.
 * Returns how many were notified.
 */
export async function notifyTurn(
  trx: Transaction<DB>,
  actor: Actor,
  activity: TurnActivity,
  kind: TurnKind,
  audiences: TurnAudience[],
  opts: { onlyUserIds?: string[] } = {},
): Promise<number> {
  const seen = new Set<string>(actor.kind === 'user' ? [actor.userId] : []);
  const rows = [];
  for (const audience of audiences) {
    for (const r of await listTurnRecipients(trx, activity.id, audience)) {
      if (seen.has(r.actor.userId)) continue;
      if (opts.onlyUserIds && !opts.onlyUserIds.includes(r.actor.userId)) continue;
      const may = policies.receiveActivityNotification(r.actor, {
        laId: activity.laId,
        laRegion: activity.laRegion,
        state: activity.state,
        notifiedAt: activity.notifiedAt,
        teamRole: r.teamRole,
        panelMember: r.panelMember,
      });
      if (!may) continue;
      seen.add(r.actor.userId);
      rows.push({
        userId: r.actor.userId,
        activityId: activity.id,
        kind,
        text: turnText(kind, activity.title),
        link: turnLink(kind, activity.id),
      });
    }
  }
  const n = await insertNotifications(trx, rows);
  if (n > 0)
    await writeAudit(trx, actor, {
      action: 'notification.sent',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      after: { kind, audiences, recipients: n },
    });
  return n;
}
