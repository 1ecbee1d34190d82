// Frozen in time: never import application code here.
// The originals a REFI-QDA import keeps, as one compressed set per import instead of one row per
// element: the benchmark corpus (6,000 sources, 30,000 codings) wrote some 66,000 rows, which took
// about a third of the import and a quarter of every export of the activity to write and read back
// (issue 19). A set holds the elements in file order as gzip'd JSON; the export reads the sets
// of an activity oldest first, after any rows already kept in refi_originals, and keeps the first
// element of each kind and GUID, as the rows' unique key did.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table refi_original_sets (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references activities (id) on delete cascade,
      import_sha256 text not null,
      elements integer not null,
      content bytea not null,
      created_at timestamptz not null default now()
    );
    create index refi_original_sets_activity on refi_original_sets (activity_id, created_at);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table refi_original_sets;`.execute(db);
}
