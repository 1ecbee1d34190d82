// Frozen in time: never import application code here.
// The research store (issue 20): researchers' studies (thematic reviews) and their memos, the
// national thematic codebook with versioned mappings from framework criteria and emergent codes,
// and the deprivation index an analyst loads per LA. The evidence itself is not copied: queries
// read published activities and pseudonymise what they show.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table research_studies (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      question text not null default '',
      selection jsonb not null default '{}',
      la_identity text not null default 'hidden' check (la_identity in ('hidden','shown')),
      la_identity_set_by_label text,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index research_studies_created on research_studies (created_at desc, id);

    create table research_memos (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references research_studies (id) on delete cascade,
      body text not null,
      author_id uuid references users (id),
      author_label text not null,
      created_at timestamptz not null default now()
    );
    create index research_memos_study on research_memos (study_id, created_at);

    create table thematic_codes (
      key text primary key,
      name text not null,
      description text not null default '',
      created_by_label text not null,
      created_at timestamptz not null default now()
    );

    create table thematic_codebook_versions (
      version integer primary key,
      note text not null default '',
      created_by_label text not null,
      created_at timestamptz not null default now()
    );

    create table thematic_mappings (
      version integer not null references thematic_codebook_versions (version),
      source_kind text not null check (source_kind in ('criterion','emergent')),
      source_key text not null,
      thematic_key text not null references thematic_codes (key),
      primary key (version, source_kind, source_key)
    );

    create table la_deprivation (
      la_id text not null references local_authorities (id),
      index_name text not null,
      score double precision not null,
      decile integer check (decile between 1 and 10),
      loaded_at timestamptz not null default now(),
      primary key (la_id, index_name)
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table la_deprivation; drop table thematic_mappings; drop table thematic_codebook_versions;
    drop table thematic_codes; drop table research_memos; drop table research_studies
  `.execute(db);
}
