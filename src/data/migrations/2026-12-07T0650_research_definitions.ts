// Frozen in time: never import application code here.
// Saved research definitions (issue 20, "reproducible from a saved definition"): a cross-inspection
// query or an outcomes analysis as JSON, saved by a researcher or national user and run again by
// id. Each belongs to its author; a study's definitions are seen by whoever may open the study.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table research_definitions (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      analysis text not null check (analysis in ('query','outcomes')),
      definition jsonb not null,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now()
    );
    create index research_definitions_created on research_definitions (created_by, created_at desc);
  `.execute(db);
}
