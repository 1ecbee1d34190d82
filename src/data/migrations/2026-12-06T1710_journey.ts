// Frozen in time: never import application code here.
// One coherent inspection journey: the QAM's sign-off of an exact report version (before release
// and again after the factual accuracy check), the LA's confirmation that it has no more comments.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table report_signoffs (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports (id),
      version_number integer not null,
      purpose text not null check (purpose in ('release','publication')),
      signed_by uuid references users (id),
      signed_by_label text not null,
      signed_at timestamptz not null default now(),
      foreign key (report_id, version_number) references report_versions (report_id, number)
    );
    create index report_signoffs_report on report_signoffs (report_id, signed_at);
    create trigger report_signoffs_frozen before insert or update or delete on report_signoffs
      for each row execute function reports_published_frozen();
    create function report_signoffs_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'report sign-offs are a record: they cannot be changed or removed';
    end $$;
    create trigger report_signoffs_no_update before update or delete on report_signoffs
      for each row execute function report_signoffs_append_only();

    alter table report_releases
      add column la_confirmed_at timestamptz,
      add column la_confirmed_by uuid references users (id),
      add column la_confirmed_by_label text;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table report_releases
      drop column la_confirmed_at, drop column la_confirmed_by, drop column la_confirmed_by_label;
    drop table report_signoffs;
    drop function report_signoffs_append_only();
  `.execute(db);
}
