// Frozen in time: never import application code here.
// Capture that works offline (issue 17): the per-session key that encrypts a device's local copy
// (gone with the session: sign-out, expiry or "forget this device" delete it), the operations a
// device synced (one row per person and client id, so a replay is answered "duplicate" and never
// applied twice), and the conflicts of an offline edit with a newer server version, kept with
// both texts until the inspector resolves them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table offline_device_keys (
      session_id text primary key references sessions (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      key bytea not null,
      created_at timestamptz not null default now()
    );
    create index offline_device_keys_user on offline_device_keys (user_id);

    create table offline_sync_operations (
      user_id uuid not null references users (id) on delete cascade,
      client_id text not null,
      activity_id uuid not null references activities (id) on delete cascade,
      kind text not null check (kind in ('record', 'edit', 'coding')),
      outcome text not null check (outcome in ('applied', 'conflict')),
      evidence_id uuid references evidence_records (id) on delete set null,
      coding_id uuid references codings (id) on delete set null,
      conflict_id uuid,
      version integer,
      written_at timestamptz not null,
      received_at timestamptz not null,
      primary key (user_id, client_id)
    );
    create index offline_sync_operations_activity on offline_sync_operations (activity_id, kind);
    create index offline_sync_operations_evidence on offline_sync_operations (evidence_id);

    create table sync_conflicts (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      evidence_id uuid not null references evidence_records (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      user_label text not null,
      client_id text not null,
      base_version integer not null,
      device_text text not null,
      server_version integer not null,
      server_text text not null,
      server_by_label text not null,
      written_at timestamptz not null,
      received_at timestamptz not null,
      resolution text check (resolution in ('mine', 'theirs', 'merged')),
      resolved_version integer,
      resolved_at timestamptz,
      resolved_by_label text
    );
    create index sync_conflicts_open on sync_conflicts (activity_id, user_id) where resolved_at is null;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table sync_conflicts; drop table offline_sync_operations; drop table offline_device_keys;`.execute(
    db,
  );
}
