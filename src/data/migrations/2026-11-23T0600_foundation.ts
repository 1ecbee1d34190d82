// Frozen in time: never import application code here.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table local_authorities (
      id text primary key,
      name text not null,
      gss_code text not null,
      previous_gss_codes text[] not null default '{}',
      dfe_code text,
      ofsted_urn text,
      ofsted_region text,
      ons_region_code text,
      ons_region text,
      la_type text,
      valid_from date,
      valid_to date,
      population_0_17 integer,
      stat_neighbours text[] not null default '{}',
      created_at timestamptz not null default now()
    );
    create index local_authorities_gss on local_authorities (gss_code);
    create index local_authorities_dfe on local_authorities (dfe_code);

    create table la_successions (
      predecessor_id text not null references local_authorities (id),
      successor_id text not null references local_authorities (id),
      effective_date date not null,
      primary key (predecessor_id, successor_id)
    );

    create table inspection_history (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      activity_type text not null,
      framework_id text,
      start_date date not null,
      end_date date,
      publication_date date,
      theme text,
      grades jsonb not null default '{}',
      source text not null,
      source_key text not null unique,
      imported_at timestamptz not null default now()
    );
    create index inspection_history_la on inspection_history (la_id, start_date);

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('admin','national','regional','inspector','la_user','researcher')),
      region text,
      la_id text references local_authorities (id),
      must_change_password boolean not null default false,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (role <> 'regional' or region is not null),
      check (role <> 'la_user' or la_id is not null)
    );
    create unique index users_email on users (lower(email));

    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    );
    create index sessions_user on sessions (user_id);

    create table login_attempts (
      id bigserial primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      attempted_at timestamptz not null default now()
    );
    create index login_attempts_email on login_attempts (lower(email), attempted_at);
    create index login_attempts_ip on login_attempts (ip, attempted_at);

    create table activities (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      activity_type text not null,
      framework_id text not null,
      state text not null,
      paused_from text,
      title text not null,
      theme text,
      sequence_number integer,
      partner_inspectorates text[] not null default '{}',
      planned_start date,
      planned_end date,
      notified_at timestamptz,
      released_parts text[] not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index activities_la on activities (la_id);

    create table activity_state_changes (
      id bigserial primary key,
      activity_id uuid not null references activities (id),
      from_state text,
      to_state text not null,
      reason text,
      changed_by uuid references users (id),
      changed_at timestamptz not null default now()
    );
    create index activity_state_changes_activity on activity_state_changes (activity_id, changed_at);

    create table team_members (
      activity_id uuid not null references activities (id),
      user_id uuid not null references users (id),
      team_role text not null,
      added_at timestamptz not null default now(),
      primary key (activity_id, user_id)
    );
    create index team_members_user on team_members (user_id);

    create table audit_events (
      seq bigserial primary key,
      id uuid not null unique,
      occurred_at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      activity_id uuid,
      la_id text,
      before jsonb,
      after jsonb,
      reason text,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_events_entity on audit_events (entity_type, entity_id);
    create index audit_events_activity on audit_events (activity_id);
    create index audit_events_occurred on audit_events (occurred_at);

    -- The application never edits or deletes audit events; the database refuses it too.
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = 'P0001';
    end;
    $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only();

    create table app_meta (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table app_meta; drop table audit_events; drop function audit_events_append_only();
    drop table team_members; drop table activity_state_changes; drop table activities;
    drop table login_attempts; drop table sessions; drop table users;
    drop table inspection_history; drop table la_successions; drop table local_authorities;
  `.execute(db);
}
