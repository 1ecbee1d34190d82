// Frozen in time: never import application code here.
// The risk picture (issue 13): each LA's intelligence log and its versioned risk assessments.
// Inspection and visit outcomes are not copied here: they are read from inspection_history as
// intelligence entries, so the history stays the one record of them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table intelligence_entries (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      kind text not null,
      title text not null,
      summary text not null default '',
      source text not null,
      received_on date not null,
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      sensitivity text not null default 'standard' check (sensitivity in ('standard','confidential')),
      shared_with_la boolean not null default false,
      domain_keys text[] not null default '{}',
      created_at timestamptz not null default now(),
      check (not (shared_with_la and sensitivity = 'confidential'))
    );
    create index intelligence_entries_la on intelligence_entries (la_id, received_on desc, id desc);
    create index intelligence_entries_kind on intelligence_entries (kind, la_id, received_on desc);
    create index intelligence_entries_received on intelligence_entries (received_on, la_id);

    create table risk_assessments (
      id uuid primary key default gen_random_uuid(),
      la_id text not null references local_authorities (id),
      version integer not null,
      model_id text not null,
      assessed_on date not null,
      author_id uuid references users (id),
      author_label text not null,
      ratings jsonb not null,
      computed_level text not null,
      overall_level text not null,
      override_reason text,
      change_reason text not null,
      next_review_on date not null,
      created_at timestamptz not null default now(),
      unique (la_id, version),
      check (overall_level = computed_level or override_reason is not null)
    );
    create index risk_assessments_latest on risk_assessments (la_id, version desc);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table risk_assessments; drop table intelligence_entries`.execute(db);
}
