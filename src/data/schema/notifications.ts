// Kysely table types of notifications (migration 2026-12-06T1940_notifications).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type EmailStatus = 'pending' | 'sent' | 'failed' | 'not_sent';

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string | null;
  kind: string;
  text: string;
  link: string;
  created_at: CreatedAt;
  read_at: Date | null;
  email_status: Generated<EmailStatus>;
  email_attempts: Generated<number>;
  email_last_attempt_at: Date | null;
  email_next_attempt_at: Timestamp;
  email_error: string | null;
  email_sent_at: Date | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
}
