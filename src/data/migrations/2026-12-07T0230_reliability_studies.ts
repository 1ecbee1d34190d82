// Frozen in time: never import application code here.
// Reliability studies (blind evidence-base reviews, as in Ofsted's 2019 ILACS review, Tables 5 and
// 6): a national user picks published activities; each gets a redacted copy of its evidence base
// (names, places, child references removed, dates shifted by the study's offset), kept here as
// JSON so reviewers never read the original. Pairs of reviewers record a grade per judgement with
// reasons, areas for improvement and whether they would have chosen the same lines of enquiry.
// A refused pairing (a reviewer linked to the LA) is recorded with its reason.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reliability_studies (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      date_offset_days integer not null,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now()
    );
    create table study_evidence_bases (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references reliability_studies (id) on delete cascade,
      activity_id uuid not null references activities (id),
      position integer not null,
      label text not null,
      activity_type text not null,
      framework_id text not null,
      published_grades jsonb not null,
      published_improvements jsonb not null,
      lines_of_enquiry jsonb not null,
      records jsonb not null,
      redaction jsonb not null,
      unique (study_id, activity_id),
      unique (study_id, position)
    );
    create table study_pairs (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references reliability_studies (id) on delete cascade,
      evidence_base_id uuid not null references study_evidence_bases (id) on delete cascade,
      label text not null,
      reviewer_ids uuid[] not null,
      assigned_by_label text not null,
      assigned_at timestamptz not null default now(),
      grades jsonb,
      improvements jsonb,
      same_lines text,
      lines_comment text not null default '',
      recorded_by_label text,
      recorded_at timestamptz
    );
    create index study_pairs_base on study_pairs (evidence_base_id);
    create table study_refusals (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references reliability_studies (id) on delete cascade,
      evidence_base_id uuid not null references study_evidence_bases (id) on delete cascade,
      user_id uuid not null references users (id),
      reason text not null,
      refused_at timestamptz not null default now()
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table study_refusals; drop table study_pairs; drop table study_evidence_bases;
    drop table reliability_studies`.execute(db);
}
