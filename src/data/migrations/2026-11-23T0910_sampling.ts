// Frozen in time: never import application code here.
// Case sampling: the LA's list of recently audited children (pseudonymised like Annex A), the
// draws (seed, specification, population counts per stratum; one current per activity, a
// redraw keeps the old one as replaced) and the sampled cases with how each entered the sample,
// the remote flag, the cohort and line of enquiry, and the child case in the evidence base it
// created or linked to. Removing a case keeps the row with who, when and why.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sample_la_audits (
      activity_id uuid not null references activities (id),
      child_ref text not null,
      added_by uuid references users (id),
      added_by_label text not null,
      added_at timestamptz not null default now(),
      primary key (activity_id, child_ref)
    );

    create table sample_draws (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      import_id uuid references annex_a_imports (id),
      reference_date date not null,
      seed bigint not null,
      spec jsonb not null,
      population jsonb not null,
      outcome jsonb not null,
      status text not null check (status in ('current','replaced')),
      drawn_by uuid references users (id),
      drawn_by_label text not null,
      drawn_at timestamptz not null default now(),
      replaced_at timestamptz
    );
    create unique index sample_draws_one_current on sample_draws (activity_id)
      where status = 'current';

    create table sample_cases (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id),
      draw_id uuid references sample_draws (id),
      cohort text not null,
      child_ref text not null,
      case_id uuid references cases (id) on delete set null,
      case_created boolean not null default false,
      line_of_enquiry_id uuid references lines_of_enquiry (id),
      entry_route text not null
        check (entry_route in ('advance','on_site','social_worker','la_audit')),
      stratum text,
      criteria text,
      remote boolean not null default false,
      attributes jsonb not null default '{}',
      added_by uuid references users (id),
      added_by_label text not null,
      added_at timestamptz not null default now(),
      removed_at timestamptz,
      removed_by_label text,
      removal_reason text
    );
    create index sample_cases_activity on sample_cases (activity_id) where removed_at is null;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table sample_cases; drop table sample_draws; drop table sample_la_audits;`.execute(
    db,
  );
}
