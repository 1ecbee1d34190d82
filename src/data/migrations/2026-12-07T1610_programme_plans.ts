// Frozen in time: never import application code here.
// The programme's plans (issue 14): each solve saved is a run (its inputs, options with pins and
// what-ifs, status, objective, gap, time, who and when, the run it started from), its placements
// (LA, activity type, week, dates, explanation) and their teams (lead, inspector, specialist,
// QAM). Publishing a run makes it version N of its region's programme; the activities it created
// are linked to it, so the next published version can change or remove those not yet started.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table programme_runs (
      id uuid primary key default gen_random_uuid(),
      -- An Ofsted region's name, or England.
      region text not null,
      start_date date not null,
      weeks integer not null check (weeks between 1 and 104),
      inputs_hash text not null,
      options jsonb not null,
      status text not null
        check (status in ('optimal','time_limit','infeasible','no_plan_in_time','error')),
      solver_status text not null,
      objective double precision,
      bound double precision,
      gap double precision,
      seconds double precision not null,
      summary jsonb not null,
      parent_run_id uuid references programme_runs (id),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now()
    );
    create index programme_runs_region on programme_runs (region, created_at);

    create table programme_placements (
      id uuid primary key default gen_random_uuid(),
      run_id uuid not null references programme_runs (id) on delete cascade,
      la_id text not null references local_authorities (id),
      activity_type text not null,
      ordinal integer not null default 1,
      week integer not null,
      start_date date not null,
      end_date date not null,
      explanation jsonb not null,
      unique (run_id, la_id, activity_type, ordinal)
    );
    create index programme_placements_la on programme_placements (la_id);

    create table programme_placement_team (
      placement_id uuid not null references programme_placements (id) on delete cascade,
      inspector_id text not null,
      name text not null,
      team_role text not null check (team_role in ('lead','inspector','specialist','qam')),
      home_region text not null,
      primary key (placement_id, inspector_id)
    );
    create index programme_placement_team_inspector on programme_placement_team (inspector_id);

    create table programme_publications (
      id uuid primary key default gen_random_uuid(),
      region text not null,
      version integer not null check (version >= 1),
      run_id uuid not null references programme_runs (id),
      published_by uuid references users (id),
      published_by_label text not null,
      published_at timestamptz not null default now(),
      unique (region, version)
    );

    create table programme_published_activities (
      publication_id uuid not null references programme_publications (id),
      placement_id uuid not null references programme_placements (id),
      activity_id uuid not null references activities (id),
      primary key (publication_id, placement_id)
    );
    create index programme_published_activities_activity
      on programme_published_activities (activity_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table programme_published_activities;
    drop table programme_publications;
    drop table programme_placement_team;
    drop table programme_placements;
    drop table programme_runs;
  `.execute(db);
}
