// Kysely table types of in-app notifications (migration 2026-12-06T1630_journey).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  activity_id: string | null;
  kind: string;
  text: string;
  href: string;
  created_at: CreatedAt;
  read_at: Date | null;
  emailed_at: Date | null;
  email_error: string | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
}
