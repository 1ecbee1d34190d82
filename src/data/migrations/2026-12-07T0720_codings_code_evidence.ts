// Frozen in time: never import application code here.
// The research store's cross-inspection counts (issue 20) read, for each code of each published
// inspection in a query, its codings' evidence records. With the evidence id in the index those
// reads come from the index alone instead of one table page per coding (codings of one code are
// spread over the table). The new index starts with the columns of codings_code, so it replaces it.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index codings_code_evidence on codings (activity_id, code_id, evidence_id);
    drop index codings_code;
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create index codings_code on codings (activity_id, code_id);
    drop index codings_code_evidence;
  `.execute(db);
}
