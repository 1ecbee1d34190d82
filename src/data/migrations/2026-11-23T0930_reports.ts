// Frozen in time: never import application code here.
// Reports and letters: one report per activity, its versions (append-only: every save is a new
// version), the factual accuracy rounds (a release freezes one version for the LA), the LA's
// comments and the team's responses. Once published, nothing about the report can change: the
// triggers refuse it even to someone with SQL access.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reports (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null unique references activities (id),
      framework_id text not null,
      template_key text not null,
      current_version integer not null default 1 check (current_version >= 1),
      state text not null default 'draft' check (state in ('draft','factual_accuracy','published')),
      published_version integer,
      published_at timestamptz,
      published_by uuid references users (id),
      published_by_label text,
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((state = 'published') = (published_at is not null)),
      check ((published_at is null) = (published_version is null))
    );

    create table report_versions (
      report_id uuid not null references reports (id),
      number integer not null check (number >= 1),
      document jsonb not null,
      kind text not null check (kind in ('assembled','edited','restored','response')),
      section_key text,
      restored_from integer,
      comment_id uuid,
      note text check (length(note) <= 2000),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      primary key (report_id, number)
    );

    create table report_releases (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports (id),
      round integer not null check (round >= 1),
      version_number integer not null,
      window_days integer not null check (window_days between 1 and 30),
      released_on date not null,
      deadline date not null check (deadline >= released_on),
      released_by uuid references users (id),
      released_by_label text not null,
      released_at timestamptz not null default now(),
      closed_at timestamptz,
      unique (report_id, round),
      foreign key (report_id, version_number) references report_versions (report_id, number)
    );

    create table report_comments (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports (id),
      release_id uuid not null references report_releases (id),
      section_key text not null,
      paragraph integer check (paragraph >= 1),
      text text not null check (length(text) between 1 and 5000),
      created_by uuid references users (id),
      created_by_label text not null,
      created_at timestamptz not null default now(),
      response text check (response in ('accepted','not_accepted')),
      response_text text check (length(response_text) <= 5000),
      response_version integer,
      responded_by uuid references users (id),
      responded_by_label text,
      responded_at timestamptz,
      check ((response is null) = (responded_at is null)),
      check (response is distinct from 'not_accepted' or length(trim(response_text)) > 0),
      check (response is distinct from 'accepted' or response_version is not null),
      foreign key (report_id, response_version) references report_versions (report_id, number)
    );
    create index report_comments_report on report_comments (report_id, created_at);

    create function report_versions_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'report versions are append-only: version % of report % cannot be changed',
        old.number, old.report_id;
    end $$;
    create trigger report_versions_no_update before update or delete on report_versions
      for each row execute function report_versions_append_only();

    create function reports_published_frozen() returns trigger language plpgsql as $$
    declare
      rid uuid;
    begin
      if tg_table_name = 'reports' then
        if old.published_at is not null then
          raise exception 'report % is published and cannot be changed', old.id;
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end if;
      rid := case when tg_op = 'DELETE' then old.report_id else new.report_id end;
      if exists (select 1 from reports where id = rid and published_at is not null) then
        raise exception 'report % is published and cannot be changed', rid;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$;
    create trigger reports_frozen before update or delete on reports
      for each row execute function reports_published_frozen();
    create trigger report_versions_frozen before insert on report_versions
      for each row execute function reports_published_frozen();
    create trigger report_releases_frozen before insert or update or delete on report_releases
      for each row execute function reports_published_frozen();
    create trigger report_comments_frozen before insert or update or delete on report_comments
      for each row execute function reports_published_frozen();
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table report_comments; drop table report_releases; drop table report_versions;
    drop table reports;
    drop function reports_published_frozen(); drop function report_versions_append_only();
  `.execute(db);
}
