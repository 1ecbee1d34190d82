// Frozen in time: never import application code here.
// Judgements of an activity from the team's provisional view to final: one row per judgement
// (grade, position within the grade, nearness, context, narrative, criteria, evidence links),
// each team member's own provisional view, the stage of the set, a change history of every
// grade/position/narrative change, the consistency panel and its comments, the feedback given to
// the LA on site, and explanations of divergence between that feedback and the grades.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table judgement_sets (
      activity_id uuid primary key references activities (id),
      stage text not null default 'team_provisional'
        check (stage in ('team_provisional','consistency_panel','quality_assurance','final')),
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );

    create table judgement_stage_changes (
      id bigserial primary key,
      activity_id uuid not null references activities (id),
      from_stage text,
      to_stage text not null,
      reason text,
      changed_by uuid references users (id),
      changed_by_label text not null,
      changed_at timestamptz not null default now()
    );
    create index judgement_stage_changes_activity on judgement_stage_changes (activity_id, id);

    create table judgements (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      judgement_key text not null,
      grade text,
      position text check (position in ('secure','close_to_above','close_to_below')),
      nearness text not null default '',
      context text not null default '',
      narrative text not null default '',
      criteria_met text[] not null default '{}',
      criteria_not_met text[] not null default '{}',
      evidence_links jsonb not null default '[]',
      aggregation_reason text,
      aggregation_rules text[] not null default '{}',
      version integer not null default 1,
      updated_by uuid references users (id),
      updated_by_label text not null,
      updated_at timestamptz not null default now(),
      unique (activity_id, judgement_key)
    );

    create table judgement_changes (
      id bigserial primary key,
      activity_id uuid not null references activities (id),
      judgement_key text not null,
      stage text not null,
      field text not null check (field in ('grade','position','nearness','context','narrative','aggregation_reason')),
      from_value text,
      to_value text,
      reason text,
      evidence_links jsonb not null default '[]',
      changed_by uuid references users (id),
      changed_by_label text not null,
      changed_at timestamptz not null default now()
    );
    create index judgement_changes_activity on judgement_changes (activity_id, judgement_key, id);

    create table provisional_views (
      activity_id uuid not null references activities (id),
      judgement_key text not null,
      user_id uuid not null references users (id),
      user_label text not null,
      grade text not null,
      position text not null check (position in ('secure','close_to_above','close_to_below')),
      note text not null default '',
      updated_at timestamptz not null default now(),
      primary key (activity_id, judgement_key, user_id)
    );

    create table judgement_panel_members (
      activity_id uuid not null references activities (id),
      user_id uuid not null references users (id),
      assigned_by_label text not null,
      assigned_at timestamptz not null default now(),
      primary key (activity_id, user_id)
    );

    create table judgement_panel_comments (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      judgement_key text,
      kind text not null check (kind in ('comment','challenge')),
      text text not null check (length(text) between 1 and 5000),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      response text,
      responded_by_label text,
      responded_at timestamptz
    );
    create index judgement_panel_comments_activity on judgement_panel_comments (activity_id, created_at);

    create table feedback_entries (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      kind text not null check (kind in ('keeping_in_touch','final_feedback')),
      held_on date not null,
      present text not null,
      summary text not null default '',
      themes jsonb not null default '[]',
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now()
    );
    create index feedback_entries_activity on feedback_entries (activity_id, held_on);

    create table divergence_explanations (
      activity_id uuid not null references activities (id),
      flag_key text not null,
      explanation text not null check (length(explanation) between 1 and 5000),
      explained_by uuid references users (id),
      explained_by_label text not null,
      explained_at timestamptz not null default now(),
      primary key (activity_id, flag_key)
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table divergence_explanations;
    drop table feedback_entries;
    drop table judgement_panel_comments;
    drop table judgement_panel_members;
    drop table provisional_views;
    drop table judgement_changes;
    drop table judgements;
    drop table judgement_stage_changes;
    drop table judgement_sets;
  `.execute(db);
}
