// Frozen in time: never import application code here.
// Published reports as a corpus (issue 20): inspection reports and letters imported from a folder
// as sources linked to their LA and date (with the framework and grade from the history where one
// matches), stored once by file hash, and the language checks' findings for each. An import is
// staged (its documents written in short transactions) and made current at the end, so a failed
// import leaves nothing visible and is removed.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table corpus_imports (
      id uuid primary key default gen_random_uuid(),
      status text not null check (status in ('staged','current')),
      source text not null,
      files integer not null,
      added integer not null default 0,
      created_by_label text not null,
      created_at timestamptz not null default now()
    );

    create table corpus_documents (
      id uuid primary key default gen_random_uuid(),
      import_id uuid not null references corpus_imports (id) on delete cascade,
      file_hash text not null unique,
      file_name text not null,
      title text not null,
      la_id text not null references local_authorities (id),
      published_on date not null,
      kind text not null check (kind in ('report','letter')),
      framework_id text,
      grade text,
      words integer not null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index corpus_documents_la on corpus_documents (la_id, published_on);
    create index corpus_documents_import on corpus_documents (import_id);

    create table corpus_findings (
      document_id uuid not null references corpus_documents (id) on delete cascade,
      seq integer not null,
      rule text not null,
      line integer not null,
      start_offset integer not null,
      end_offset integer not null,
      excerpt text not null,
      primary key (document_id, seq)
    );
    create index corpus_findings_rule on corpus_findings (rule, document_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table corpus_findings; drop table corpus_documents; drop table corpus_imports;
  `.execute(db);
}
