// Frozen in time: never import application code here.
// Indexes for the coding workbench and the codebook at inspection scale (6,000 records, 30,000
// codings): the workbench's evidence list walks live records in list order (day, E-number) and
// stops after a page; counting codings on deleted records no longer reads every record of the
// activity; a record's codings come in text order from one index.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index evidence_records_list on evidence_records (activity_id, observed_on, ref_no)
      where deleted_at is null;
    create index evidence_records_deleted on evidence_records (activity_id)
      where deleted_at is not null;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index evidence_records_list; drop index evidence_records_deleted;`.execute(db);
}
