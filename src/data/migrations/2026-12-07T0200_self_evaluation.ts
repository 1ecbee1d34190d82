// Frozen in time: never import application code here.
// The LA's self-evaluation of social work practice and the annual engagement meeting (issue 13).
// A self-evaluation is written as one draft per LA and submitted as numbered versions that never
// change afterwards (only the region's acknowledgement is added). Files (improvement plan, reform
// programme) are kept once per LA and named by the draft and by each version that carries them.
// An engagement meeting is one per LA per year: its internal notes, agenda and actions, and the
// version of the notes released to the LA.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table self_evaluation_files (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      section text not null check (section in ('improvement_plan', 'reform_programme', 'other')),
      file_name text not null check (length(file_name) between 1 and 255),
      media_type text not null,
      declared_type text check (length(declared_type) <= 255),
      size_bytes bigint not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      scan_status text not null check (scan_status in ('clean', 'not_scanned')),
      scan_detail text check (length(scan_detail) <= 1000),
      uploaded_by uuid references users (id),
      uploaded_by_label text not null,
      uploaded_at timestamptz not null default now(),
      bytes bytea not null
    );
    create index self_evaluation_files_la on self_evaluation_files (la_id);

    create table self_evaluation_drafts (
      la_id text primary key references local_authorities (id),
      framework_id text not null,
      answers jsonb not null,
      improvement_plan text not null default '',
      reform_programme text not null default '',
      file_ids uuid[] not null default '{}',
      based_on_version integer,
      updated_by uuid references users (id),
      updated_by_label text not null,
      updated_at timestamptz not null default now()
    );

    create table self_evaluations (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      version integer not null check (version > 0),
      framework_id text not null,
      answers jsonb not null,
      improvement_plan text not null default '',
      reform_programme text not null default '',
      file_ids uuid[] not null default '{}',
      submitted_on date not null,
      submitted_at timestamptz not null default now(),
      submitted_by uuid references users (id),
      submitted_by_label text not null,
      intelligence_entry_id uuid references intelligence_entries (id),
      acknowledged_at timestamptz,
      acknowledged_by uuid references users (id),
      acknowledged_by_label text,
      acknowledgement_note text,
      unique (la_id, version),
      check ((acknowledged_at is null) = (acknowledged_by_label is null))
    );
    create index self_evaluations_latest on self_evaluations (la_id, submitted_on desc);

    create table engagement_meetings (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      year integer not null check (year between 2000 and 2100),
      meeting_on date not null,
      attendees text[] not null default '{}',
      agenda jsonb not null,
      notes text not null default '',
      actions jsonb not null,
      self_evaluation_id uuid references self_evaluations (id),
      intelligence_entry_id uuid references intelligence_entries (id),
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      updated_at timestamptz not null default now(),
      released_notes text,
      released_actions jsonb,
      released_at timestamptz,
      released_by_label text,
      release_count integer not null default 0,
      unique (la_id, year),
      check ((released_at is null) = (released_notes is null)),
      check ((released_at is null) = (released_actions is null))
    );
    create index engagement_meetings_latest on engagement_meetings (la_id, meeting_on desc);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table engagement_meetings; drop table self_evaluations;
    drop table self_evaluation_drafts; drop table self_evaluation_files;
  `.execute(db);
}
