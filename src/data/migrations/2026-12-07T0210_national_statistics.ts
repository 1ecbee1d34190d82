// Frozen in time: never import application code here.
// National statistics per LA (issue 13): DfE figures of England, each region and each LA by
// indicator and year (a number, or DfE's marker for a value not given), each LA's statistical
// neighbours by model, and which changes have already been raised as intelligence.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table national_statistics (
      indicator text not null,
      level text not null check (level in ('england','region','la')),
      area_code text not null,
      area_name text not null,
      year integer not null,
      value double precision,
      marker text,
      primary key (indicator, area_code, year),
      check ((value is null) <> (marker is null))
    );
    create index national_statistics_area on national_statistics (area_code, indicator, year);

    create table statistical_neighbours (
      la_id text not null references local_authorities (id),
      model text not null,
      rank integer not null,
      neighbour_la_id text not null references local_authorities (id),
      closeness text,
      primary key (la_id, model, rank)
    );

    create table national_statistics_alerts (
      la_id text not null references local_authorities (id),
      indicator text not null,
      to_year integer not null,
      intelligence_entry_id uuid not null references intelligence_entries (id) on delete cascade,
      primary key (la_id, indicator, to_year)
    );
  `.execute(db);
}
