// Frozen in time: never import application code here.
// Consistency panels across inspections (Munro rec 3): a national or regional user convenes a
// panel for a period (a week or a month) and a scope (a region, or national when region is null);
// the panel gathers the provisional judgements of the activities in scope and its members record a
// view per inspection (consistent, or a query with reasons). A query is also a challenge in the
// activity's own panel workflow (judgement_panel_comments), linked here.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table consistency_panels (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      region text,
      period_kind text not null check (period_kind in ('week', 'month')),
      period_start date not null,
      period_end date not null,
      convened_by uuid references users (id),
      convened_by_label text not null,
      convened_at timestamptz not null default now(),
      check (period_end >= period_start)
    );
    create index consistency_panels_period on consistency_panels (period_start desc);
    create table consistency_panel_members (
      panel_id uuid not null references consistency_panels (id) on delete cascade,
      user_id uuid not null references users (id),
      added_by_label text not null,
      added_at timestamptz not null default now(),
      primary key (panel_id, user_id)
    );
    create table consistency_panel_views (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references consistency_panels (id) on delete cascade,
      activity_id uuid not null references activities (id) on delete cascade,
      judgement_key text,
      outcome text not null check (outcome in ('consistent', 'query')),
      reasons text not null default '',
      panel_comment_id uuid references judgement_panel_comments (id) on delete set null,
      recorded_by uuid not null references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now(),
      unique (panel_id, activity_id, recorded_by)
    );
    create index consistency_panel_views_activity on consistency_panel_views (activity_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table consistency_panel_views;
    drop table consistency_panel_members;
    drop table consistency_panels;
  `.execute(db);
}
