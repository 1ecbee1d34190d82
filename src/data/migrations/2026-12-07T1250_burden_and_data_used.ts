// Frozen in time: never import application code here.
// What an inspection asks for against what it uses, and what it costs (issue 16, Munro rec 5):
// - annex_a_indicator_views: who looked at which data profile indicator on which day (one row per
//   person, indicator and England day; append-only), so the "data used" statement can say which
//   Annex A items were looked at.
// - la_burden_efforts: the inspected LA's own account of its effort, one line per activity and
//   kind of work (link person hours and other staff days), replaced when the LA corrects it.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table annex_a_indicator_views (
      activity_id uuid not null references activities (id) on delete cascade,
      user_id uuid not null references users (id),
      indicator_key text not null check (length(indicator_key) between 1 and 100),
      viewed_on date not null,
      first_viewed_at timestamptz not null default now(),
      primary key (activity_id, indicator_key, user_id, viewed_on)
    );

    create table la_burden_efforts (
      activity_id uuid not null references activities (id) on delete cascade,
      kind text not null check (kind in
        ('data_preparation','meetings','case_discussions','factual_accuracy','other')),
      link_person_hours double precision not null
        check (link_person_hours >= 0 and link_person_hours <= 2000),
      staff_days double precision not null check (staff_days >= 0 and staff_days <= 2000),
      note text check (note is null or length(note) <= 2000),
      recorded_by uuid references users (id),
      recorded_by_label text not null,
      recorded_at timestamptz not null default now(),
      primary key (activity_id, kind)
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table la_burden_efforts;
    drop table annex_a_indicator_views;
  `.execute(db);
}
