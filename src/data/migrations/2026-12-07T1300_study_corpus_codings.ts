// Frozen in time: never import application code here.
// Coding published reports inside a thematic review (issue 20): a study's codings of corpus
// documents with the national thematic codebook, at code-point offsets in the document's stored
// text (a document is stored once and never changes). And which background job wrote a staged
// corpus import, so a job that runs again after its server stopped removes its own unfinished
// import first (its documents would otherwise count as stored and never become current).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table research_study_corpus_codings (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references research_studies (id) on delete cascade,
      document_id uuid not null references corpus_documents (id) on delete cascade,
      start_pos integer not null check (start_pos >= 0),
      end_pos integer not null check (end_pos > start_pos),
      span_text text not null,
      thematic_key text not null references thematic_codes (key),
      coder_id uuid references users (id),
      coder_label text not null,
      created_at timestamptz not null default now()
    );
    create index research_study_corpus_codings_study
      on research_study_corpus_codings (study_id, thematic_key, document_id);
    create index research_study_corpus_codings_document
      on research_study_corpus_codings (document_id);

    alter table corpus_imports add column job_id uuid;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table research_study_corpus_codings;
    alter table corpus_imports drop column job_id;
  `.execute(db);
}
