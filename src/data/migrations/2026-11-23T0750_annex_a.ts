// Frozen in time: never import application code here.
// Annex A child-level data for an activity: one row per import (file, hash, who, status, summary
// and the validation report) and one row per spreadsheet row (list, row, pseudonymous child
// reference, normalised fields as jsonb, flags). Only the current import keeps its rows; a
// replaced import keeps its summary. A per-activity settings row holds the pseudonym key and the
// retention date after which child-level rows are purged (and the key destroyed).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table annex_a_settings (
      activity_id uuid primary key references activities (id),
      pseudonym_key text,
      retain_until date not null,
      purged_at timestamptz,
      updated_at timestamptz not null default now()
    );

    create table annex_a_imports (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      file_name text not null,
      file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
      file_size bigint not null,
      format text not null check (format in ('xlsx','ods','csv')),
      layout text not null check (layout in ('2019','2023')),
      reference_date date not null,
      status text not null check (status in ('current','superseded','purged')),
      accepted_flagged boolean not null default false,
      row_count integer not null,
      flagged_rows integer not null,
      error_count integer not null,
      query_count integer not null,
      summary jsonb not null,
      issues jsonb not null default '[]',
      imported_by uuid references users (id),
      imported_by_label text not null,
      imported_at timestamptz not null default now(),
      superseded_by uuid references annex_a_imports (id),
      superseded_at timestamptz,
      purged_at timestamptz
    );
    create index annex_a_imports_activity on annex_a_imports (activity_id, imported_at);
    create unique index annex_a_imports_one_current on annex_a_imports (activity_id)
      where status = 'current';

    create table annex_a_rows (
      import_id uuid not null references annex_a_imports (id) on delete cascade,
      activity_id uuid not null references activities (id),
      list_no smallint not null check (list_no between 1 and 11),
      row_no integer not null,
      child_ref text,
      data jsonb not null,
      extra jsonb,
      flags jsonb,
      severity text check (severity in ('error','query')),
      primary key (import_id, list_no, row_no)
    );
    -- No secondary index: the primary key (import_id, list_no, row_no) serves per-list scans of an
    -- import, joins on child_ref within one import are hash joins, and a 150,000-row import stays
    -- fast on the embedded engine.
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table annex_a_rows; drop table annex_a_imports; drop table annex_a_settings;`.execute(
    db,
  );
}
