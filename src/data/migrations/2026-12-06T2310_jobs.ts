// Frozen in time: never import application code here.
// A durable job queue shared by every app server on one database (and used in-process by the
// embedded one): a job row is claimed with `select ... for update skip locked`, holds a lease
// that its runner renews (heartbeat) while it works, and may be claimed again by another server
// once the lease has run out. Uploaded files a job reads are stored beside it in parts, so any
// server can run it, and are deleted when it finishes. Annex A imports may now be written in
// several short transactions into an import in the new 'staging' state, which nothing reads
// until one short transaction makes it current.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key,
      kind text not null,
      owner_id uuid references users (id),
      activity_id uuid references activities (id),
      state text not null check (state in ('queued','running','done','failed')),
      input jsonb not null default '{}',
      progress jsonb not null default '{}',
      outcome jsonb,
      error jsonb,
      rerunnable boolean not null,
      attempts integer not null default 0,
      max_attempts integer not null default 3,
      run_by text,
      lease_until timestamptz,
      heartbeat_at timestamptz,
      created_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz
    );
    create index jobs_open on jobs (created_at) where state in ('queued','running');
    create index jobs_finished on jobs (finished_at) where state in ('done','failed');

    create table job_files (
      job_id uuid not null references jobs (id) on delete cascade,
      part integer not null,
      bytes bytea not null,
      primary key (job_id, part)
    );

    alter table annex_a_imports drop constraint annex_a_imports_status_check;
    alter table annex_a_imports add constraint annex_a_imports_status_check
      check (status in ('staging','current','superseded','purged'));
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    delete from annex_a_imports where status = 'staging';
    alter table annex_a_imports drop constraint annex_a_imports_status_check;
    alter table annex_a_imports add constraint annex_a_imports_status_check
      check (status in ('current','superseded','purged'));
    drop table job_files;
    drop table jobs;
  `.execute(db);
}
