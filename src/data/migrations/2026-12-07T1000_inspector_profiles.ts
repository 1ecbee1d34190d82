// Frozen in time: never import application code here.
// Inspectors' profiles for scheduling (issue 14): one profile per inspector account (role on
// teams, home region, working days, lead-qualified, the most weeks on site a quarter, preparation
// days), their dated leave and training, and their conflicts of interest with authorities.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table inspector_profiles (
      user_id uuid primary key references users (id),
      inspector_role text not null
        check (inspector_role in ('hmi','senior_hmi','regulatory_inspector','education_inspector')),
      home_region text not null,
      working_days text[] not null default '{mon,tue,wed,thu,fri}',
      lead_qualified boolean not null default false,
      max_site_weeks_per_quarter integer not null default 6
        check (max_site_weeks_per_quarter between 0 and 13),
      preparation_days integer check (preparation_days between 0 and 20),
      note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index inspector_profiles_region on inspector_profiles (home_region);

    create table inspector_absences (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references inspector_profiles (user_id),
      kind text not null check (kind in ('leave','training','other')),
      starts_on date not null,
      ends_on date not null,
      note text,
      recorded_by_label text not null,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create index inspector_absences_user on inspector_absences (user_id, starts_on);

    create table inspector_conflicts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references inspector_profiles (user_id),
      la_id text not null references local_authorities (id),
      reason text not null check (reason in ('worked_in','lives_in','other')),
      detail text,
      from_date date,
      to_date date,
      recorded_by_label text not null,
      created_at timestamptz not null default now(),
      check (to_date is null or from_date is null or to_date >= from_date)
    );
    create index inspector_conflicts_user on inspector_conflicts (user_id);
    create index inspector_conflicts_la on inspector_conflicts (la_id);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table inspector_conflicts;
    drop table inspector_absences;
    drop table inspector_profiles;
  `.execute(db);
}
