// Frozen in time: never import application code here.
// Notifications: someone is told it is their turn. Each row is shown in the app until read and is
// also the e-mail outbox: its e-mail status, attempts and last error are recorded, so a mail
// server that is down never blocks or breaks the use case that made the notification.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id),
      activity_id uuid references activities (id),
      kind text not null,
      text text not null,
      link text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      email_status text not null default 'pending'
        check (email_status in ('pending','sent','failed','not_sent')),
      email_attempts integer not null default 0,
      email_last_attempt_at timestamptz,
      email_next_attempt_at timestamptz not null default now(),
      email_error text,
      email_sent_at timestamptz
    );
    create index notifications_unread on notifications (user_id, created_at) where read_at is null;
    create index notifications_outbox on notifications (email_next_attempt_at)
      where email_status = 'pending';
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table notifications`.execute(db);
}
