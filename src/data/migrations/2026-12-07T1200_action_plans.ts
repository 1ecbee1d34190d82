// Frozen in time: never import application code here.
// The LA's action plan after a published inspection (issue 16): one draft per inspection and
// submitted versions (never changed but for the region's answer); the views a monitoring visit's
// lead records per item of the plan it reviews; the LA's reform and improvement programmes.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table action_plan_drafts (
      activity_id uuid primary key references activities (id),
      la_id text not null references local_authorities (id),
      items jsonb not null,
      based_on_version integer,
      updated_by uuid references users (id),
      updated_by_label text not null,
      updated_at timestamptz not null default now()
    );
    create table action_plan_versions (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      la_id text not null references local_authorities (id),
      version integer not null,
      items jsonb not null,
      submitted_at timestamptz not null default now(),
      submitted_by uuid references users (id),
      submitted_by_label text not null,
      response text check (response in ('acknowledged','returned')),
      responded_at timestamptz,
      responded_by uuid references users (id),
      responded_by_label text,
      response_comment text,
      unique (activity_id, version)
    );
    create index action_plan_versions_la on action_plan_versions (la_id, submitted_at desc);
    create table monitoring_views (
      id uuid primary key default gen_random_uuid(),
      visit_id uuid not null references activities (id),
      plan_activity_id uuid not null references activities (id),
      item_key text not null,
      view text not null check (view in ('progress','no_progress','worse')),
      reason text not null,
      evidence_ids uuid[] not null default '{}',
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now(),
      unique (visit_id, item_key)
    );
    create index monitoring_views_plan on monitoring_views (plan_activity_id);
    create table reform_programmes (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      name text not null,
      aims text not null,
      starts_on date not null,
      ends_on date,
      keywords text[] not null default '{}',
      updated_by uuid references users (id),
      updated_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (la_id, name)
    );
  `.execute(db);
}
