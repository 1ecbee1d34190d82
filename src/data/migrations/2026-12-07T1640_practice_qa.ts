// Frozen in time: never import application code here.
// Quality assurance of inspectors' own practice (issue 17, Birmingham rec 7): the QAM's (or the
// lead's) observations of an inspector on an activity, rated per prompt of a versioned prompt set
// (frameworks/practice-qa/), with development points and the inspector's own response. And the
// strengths fed back at keeping-in-touch meetings tracked to the report draft (Slough, seed 004):
// each one linked by hand to a paragraph of the draft, or given a reason why it is not there.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table practice_observations (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      inspector_id uuid not null references users (id),
      observer_id uuid references users (id),
      observer_label text not null,
      observer_role text not null,
      prompt_set_id text not null,
      observed_on date not null,
      setting text not null check (length(setting) between 1 and 500),
      development_points text not null default '',
      response text,
      acknowledged_at timestamptz,
      recorded_at timestamptz not null default now(),
      check (observer_id is null or observer_id <> inspector_id)
    );
    create index practice_observations_inspector on practice_observations (inspector_id, observed_on);
    create index practice_observations_activity on practice_observations (activity_id, observed_on);

    create table practice_observation_ratings (
      observation_id uuid not null references practice_observations (id) on delete cascade,
      prompt_key text not null,
      rating text not null,
      comment text not null default '',
      primary key (observation_id, prompt_key)
    );

    create table fed_back_strength_tracking (
      activity_id uuid not null references activities (id),
      strength_key text not null,
      section_key text,
      paragraph_index integer check (paragraph_index is null or paragraph_index >= 0),
      paragraph_text text,
      reason text check (reason is null or length(reason) between 1 and 5000),
      decided_by uuid references users (id),
      decided_by_label text not null,
      decided_at timestamptz not null default now(),
      primary key (activity_id, strength_key),
      check ((section_key is null) = (paragraph_index is null)),
      check (section_key is not null or reason is not null)
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table fed_back_strength_tracking;
    drop table practice_observation_ratings;
    drop table practice_observations;
  `.execute(db);
}
