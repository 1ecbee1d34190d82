// Frozen in time: never import application code here.
// Newest evidence first across every activity: national search ranks the most recent matches,
// and for common words the planner walks this index instead of sorting every match.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index evidence_records_recency on evidence_records (recorded_at desc, id)
      where deleted_at is null;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index evidence_records_recency;`.execute(db);
}
