// Frozen in time: never import application code here.
// Case-level ratings: the inspector who looked at a sampled case rates it on the framework's grade
// scale for a judgement area, with the evaluation criteria met and not met. One rating per case,
// area and inspector (a second inspector's rating of the same case is what agreement is measured
// on); grades and criteria are framework keys, checked by the use case against the framework file.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_ratings (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      sample_case_id uuid not null references sample_cases (id) on delete cascade,
      judgement_key text not null,
      rater_id uuid not null references users (id),
      rater_label text not null,
      grade text not null,
      criteria_met text[] not null default '{}',
      criteria_not_met text[] not null default '{}',
      note text not null default '',
      rated_at timestamptz not null default now(),
      unique (sample_case_id, judgement_key, rater_id)
    );
    create index case_ratings_activity on case_ratings (activity_id, judgement_key);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table case_ratings`.execute(db);
}
