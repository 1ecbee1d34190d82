// Frozen in time: never import application code here.
// The Annex A data profile: the 0-17 population an activity's rates use when entered by hand,
// the self-evaluation's claim per indicator ("strong", "improving", "weak"), and the decision on
// each candidate line of enquiry the profile proposed (accepted with the line of enquiry it
// created and the figures at that time, or dismissed with a reason). Only aggregate figures are
// kept here, never child-level data, so the retention purge leaves these rows alone.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table annex_a_profile_settings (
      activity_id uuid primary key references activities (id),
      population_0_17 integer check (population_0_17 > 0),
      population_source text,
      updated_by_label text not null,
      updated_at timestamptz not null default now()
    );

    create table annex_a_sef_claims (
      activity_id uuid not null references activities (id),
      indicator_key text not null,
      claim text not null check (claim in ('strong','improving','weak')),
      note text,
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now(),
      primary key (activity_id, indicator_key)
    );

    create table annex_a_candidate_decisions (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      indicator_key text not null,
      decision text not null check (decision in ('accepted','dismissed')),
      title text,
      reason text,
      line_of_enquiry_id uuid references lines_of_enquiry (id),
      import_id uuid references annex_a_imports (id),
      figures jsonb not null,
      decided_by uuid references users (id),
      decided_by_label text not null,
      decided_at timestamptz not null default now(),
      unique (activity_id, indicator_key),
      check (decision <> 'dismissed' or reason is not null),
      check (decision <> 'accepted' or line_of_enquiry_id is not null)
    );
    create index annex_a_candidate_decisions_line on annex_a_candidate_decisions (line_of_enquiry_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table annex_a_candidate_decisions;
    drop table annex_a_sef_claims;
    drop table annex_a_profile_settings;
  `.execute(db);
}
