// Frozen in time: never import application code here.
// The fieldwork plan of an activity (issue 17): which inspector looks at which sampled case, with
// which social worker (pseudonymous), when and how; the conversations planned with children,
// young people, parents and carers per service area, with consent and the information sheet; the
// observations of practice planned; and the expectations the lead sets for the activity (remote
// share, time per case, how observation is organised).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table fieldwork_expectations (
      activity_id uuid primary key references activities (id) on delete cascade,
      remote_share_max_percent integer not null check (remote_share_max_percent between 0 and 100),
      minutes_per_case integer not null check (minutes_per_case between 0 and 1440),
      observation_mode text not null check (observation_mode in ('designated_observer', 'day_per_inspector')),
      designated_observer_id uuid references users (id),
      updated_by uuid references users (id),
      updated_by_label text not null,
      updated_at timestamptz not null default now()
    );

    create table fieldwork_case_visits (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      sample_case_id uuid not null references sample_cases (id) on delete cascade,
      inspector_id uuid not null references users (id),
      social_worker_ref text,
      social_worker_role text,
      planned_at timestamptz,
      mode text not null check (mode in ('in_person', 'remote')),
      status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
      minutes_spent integer check (minutes_spent between 0 and 1440),
      planned_joint boolean not null default false,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index fieldwork_case_visits_activity on fieldwork_case_visits (activity_id, sample_case_id);

    create table fieldwork_conversations (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      with_whom text not null check (with_whom in ('child', 'young_person', 'parent', 'carer')),
      service_area text not null,
      sample_case_id uuid references sample_cases (id) on delete set null,
      inspector_id uuid not null references users (id),
      planned_on date,
      info_sheet text not null default 'not_given' check (info_sheet in ('not_given', 'given')),
      consent text not null default 'not_asked' check (consent in ('not_asked', 'given', 'declined')),
      status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index fieldwork_conversations_activity on fieldwork_conversations (activity_id);

    create table fieldwork_observations (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      kind text not null check (kind in ('home_visit', 'meeting', 'conference', 'supervision', 'front_door', 'other')),
      description text,
      observer_id uuid not null references users (id),
      planned_on date,
      status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index fieldwork_observations_activity on fieldwork_observations (activity_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table fieldwork_observations;
    drop table fieldwork_conversations;
    drop table fieldwork_case_visits;
    drop table fieldwork_expectations;
  `.execute(db);
}
