// Frozen in time: never import application code here.
// Analysis of the evidence base: what a line of enquiry or hypothesis is about (its codes, terms
// and direction), the evidence linked to it, reviews of the challenging evidence the system puts
// in front of the team, vignettes (candidate report illustrations) and team meetings.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table enquiry_focus (
      line_of_enquiry_id uuid primary key references lines_of_enquiry (id),
      activity_id uuid not null references activities (id),
      kind text not null default 'line_of_enquiry' check (kind in ('line_of_enquiry','hypothesis')),
      direction text check (direction in ('strength','area_for_improvement')),
      code_ids uuid[] not null default '{}',
      search_terms text check (length(search_terms) <= 1000),
      case_attributes jsonb not null default '{}',
      version integer not null default 1,
      updated_by uuid references users (id),
      updated_by_label text not null,
      updated_at timestamptz not null default now()
    );

    create table enquiry_evidence (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      line_of_enquiry_id uuid not null references lines_of_enquiry (id),
      evidence_id uuid not null references evidence_records (id),
      start_pos integer check (start_pos >= 0),
      end_pos integer,
      span_text text,
      stance text not null check (stance in ('supports','challenges')),
      note text check (length(note) <= 2000),
      linked_by uuid references users (id),
      linked_by_label text not null,
      linked_at timestamptz not null default now(),
      check ((start_pos is null) = (end_pos is null)),
      check (end_pos > start_pos)
    );
    create unique index enquiry_evidence_unique on enquiry_evidence
      (line_of_enquiry_id, evidence_id, coalesce(start_pos, -1), coalesce(end_pos, -1));
    create index enquiry_evidence_evidence on enquiry_evidence (evidence_id);

    create table challenge_reviews (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      line_of_enquiry_id uuid not null references lines_of_enquiry (id),
      item_kind text not null
        check (item_kind in ('opposite_direction','uncoded_match','unseen_case')),
      item_id uuid not null,
      evidence_version integer,
      outcome text not null check (outcome in ('supports','challenges','not_relevant')),
      note text not null check (length(note) between 1 and 2000),
      reviewed_by uuid references users (id),
      reviewed_by_label text not null,
      reviewed_at timestamptz not null default now()
    );
    create index challenge_reviews_item on challenge_reviews
      (line_of_enquiry_id, item_kind, item_id, reviewed_at desc);

    create table vignettes (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      evidence_id uuid not null references evidence_records (id),
      evidence_version integer not null,
      start_pos integer not null check (start_pos >= 0),
      end_pos integer not null,
      span_text text not null,
      judgement_area text,
      title text check (length(title) <= 200),
      note text check (length(note) <= 2000),
      status text not null default 'candidate' check (status in ('candidate','selected','rejected')),
      anonymised_by uuid references users (id),
      anonymised_by_label text,
      anonymised_at timestamptz,
      version integer not null default 1,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (end_pos > start_pos)
    );
    create index vignettes_activity on vignettes (activity_id, status, created_at);
    create index vignettes_evidence on vignettes (evidence_id);

    create table team_meetings (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      held_at timestamptz not null,
      kind text not null check (kind in ('morning','evening','other')),
      note text check (length(note) <= 2000),
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now()
    );
    create index team_meetings_activity on team_meetings (activity_id, held_at desc);

    create index evidence_records_arrival on evidence_records (activity_id, recorded_at);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index evidence_records_arrival;
    drop table team_meetings; drop table vignettes; drop table challenge_reviews;
    drop table enquiry_evidence; drop table enquiry_focus;
  `.execute(db);
}
