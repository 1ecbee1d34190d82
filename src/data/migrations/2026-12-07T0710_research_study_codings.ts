// Frozen in time: never import application code here.
// Coding inside a study (issue 20): a researcher codes passages of the study's selected
// inspections with the national thematic codebook. Offsets and the passage are in the
// pseudonymised text the researcher was shown, never the original.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table research_study_codings (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references research_studies (id) on delete cascade,
      evidence_id uuid not null references evidence_records (id) on delete cascade,
      start_pos integer not null check (start_pos >= 0),
      end_pos integer not null check (end_pos > start_pos),
      span_text text not null,
      thematic_key text not null references thematic_codes (key),
      coder_id uuid references users (id),
      coder_label text not null,
      created_at timestamptz not null default now()
    );
    create index research_study_codings_study on research_study_codings (study_id, created_at, id);
    create index research_study_codings_evidence on research_study_codings (evidence_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table research_study_codings`.execute(db);
}
