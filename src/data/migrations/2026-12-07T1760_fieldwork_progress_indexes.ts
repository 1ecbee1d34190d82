// Frozen in time: never import application code here.
// The fieldwork progress view (issue 17) counts, each morning and evening, the records carrying
// a child's or family's voice per judgement area, and the records linked to each line of
// enquiry. Both read every such record's table page (a few thousand pages at 24,000 records).
// These partial indexes hold what the two counts need, so they are answered from the index:
// - voice records (the flags, or the conversation methods) with their judgement areas;
// - live records by line of enquiry with their id (the count unions them with linked passages).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index evidence_records_voice on evidence_records (activity_id) include (judgement_areas)
      where deleted_at is null
        and (child_voice or lived_experience
             or method in ('child_conversation', 'parent_carer_conversation'));
    create index evidence_records_line_live on evidence_records (line_of_enquiry_id, id)
      where deleted_at is null;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index evidence_records_line_live; drop index evidence_records_voice;`.execute(db);
}
