// Notifications: someone is told it is their turn. Each row is shown in the app until read, and
// is the e-mail outbox too (status, attempts, last error). Returns shaped objects.
import { sql, type Kysely } from 'kysely';
import type { EmailStatus } from '../schema/notifications.js';
import type { DB } from '../schema.js';
import type { Actor } from '../../domain/access/actor.js';
import type { Role, TeamRole } from '../../domain/access/roles.js';
import { isUuid } from './users.js';
import { now } from '../../clock.js';

export interface Notification {
  id: string;
  activityId: string | null;
  kind: string;
  text: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: EmailStatus;
}

export interface OutboxItem {
  id: string;
  kind: string;
  link: string;
  email: string;
  attempts: number;
}

/** Who a turn goes to, in one activity. */
export type TurnAudience = 'lead' | 'qam' | 'panel' | 'la_users';

/** A person a turn may go to, as an actor (the use case asks the policy about each). */
export interface Recipient {
  actor: Actor & { kind: 'user' };
  teamRole: TeamRole | null;
  panelMember: boolean;
}

const TEAM_ROLE: Partial<Record<TurnAudience, TeamRole>> = {
  lead: 'lead_inspector',
  qam: 'qam',
};

/** The enabled users an audience names in one activity. */
export async function listTurnRecipients(
  db: Kysely<DB>,
  activityId: string,
  audience: TurnAudience,
): Promise<Recipient[]> {
  const base = db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.region', 'u.la_id'])
    .where('u.disabled_at', 'is', null);
  let rows;
  const teamRole = TEAM_ROLE[audience];
  if (teamRole) {
    rows = await base
      .innerJoin('team_members as t', 't.user_id', 'u.id')
      .where('t.activity_id', '=', activityId)
      .where('t.team_role', '=', teamRole)
      .execute();
  } else if (audience === 'panel') {
    rows = await base
      .innerJoin('judgement_panel_members as p', 'p.user_id', 'u.id')
      .where('p.activity_id', '=', activityId)
      .execute();
  } else {
    rows = await base
      .innerJoin('activities as a', 'a.la_id', 'u.la_id')
      .where('a.id', '=', activityId)
      .where('u.role', '=', 'la_user')
      .execute();
  }
  return rows.map((r) => ({
    actor: {
      kind: 'user',
      userId: r.id,
      email: r.email,
      displayName: r.display_name,
      role: r.role as Role,
      region: r.region,
      laId: r.la_id,
    },
    teamRole: teamRole ?? null,
    panelMember: audience === 'panel',
  }));
}

export async function insertNotifications(
  db: Kysely<DB>,
  rows: { userId: string; activityId: string | null; kind: string; text: string; link: string }[],
): Promise<number> {
  if (!rows.length) return 0;
  await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        activity_id: r.activityId,
        kind: r.kind,
        text: r.text,
        link: r.link,
        email_next_attempt_at: now(),
      })),
    )
    .execute();
  return rows.length;
}

export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<Notification[]> {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'activity_id', 'kind', 'text', 'link', 'created_at', 'read_at', 'email_status'])
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(opts.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    kind: r.kind,
    text: r.text,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
    emailStatus: r.email_status,
  }));
}

/** Marks one (or, with no id, every) unread notification of the user as read; returns how many. */
export async function markNotificationsRead(
  db: Kysely<DB>,
  userId: string,
  id?: string,
): Promise<number> {
  if (id !== undefined && !isUuid(id)) return 0;
  let q = db
    .updateTable('notifications')
    .set({ read_at: now() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Claims e-mails due for an attempt: pushes their next attempt a lease ahead (so a second sender
 * skips them) and returns them with the recipient's address.
 */
export async function claimDueEmails(
  db: Kysely<DB>,
  at: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxItem[]> {
  const due = db
    .selectFrom('notifications')
    .select('id')
    .where('email_status', '=', 'pending')
    .where('email_next_attempt_at', '<=', at)
    .orderBy('email_next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('notifications as n')
    .set({ email_next_attempt_at: leaseUntil })
    .from('users as u')
    .whereRef('u.id', '=', 'n.user_id')
    .where('n.id', 'in', due)
    .returning(['n.id', 'n.kind', 'n.link', 'u.email', 'n.email_attempts'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    link: r.link,
    email: r.email,
    attempts: r.email_attempts,
  }));
}

/** Records one attempt: sent, or failed with the error and when to try again (null: give up). */
export async function recordEmailAttempt(
  db: Kysely<DB>,
  id: string,
  outcome: { ok: true } | { ok: false; error: string; retryAt: Date | null },
): Promise<void> {
  const at = now();
  await db
    .updateTable('notifications')
    .set((eb) => ({
      email_attempts: eb('email_attempts', '+', 1),
      email_last_attempt_at: at,
      ...(outcome.ok
        ? { email_status: 'sent' as const, email_sent_at: at, email_error: null }
        : {
            email_status: outcome.retryAt ? ('pending' as const) : ('failed' as const),
            email_error: outcome.error.slice(0, 500),
            email_next_attempt_at: outcome.retryAt ?? at,
          }),
    }))
    .where('id', '=', id)
    .execute();
}

/** Counts of the outbox by e-mail status (for the CLI and tests). */
export async function countOutbox(db: Kysely<DB>): Promise<Record<EmailStatus, number>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['email_status', sql<number>`count(*)::int`.as('n')])
    .groupBy('email_status')
    .execute();
  const out: Record<EmailStatus, number> = { pending: 0, sent: 0, failed: 0, not_sent: 0 };
  for (const r of rows) out[r.email_status] = Number(r.n);
  return out;
}
