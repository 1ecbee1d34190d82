// Frozen in time: never import application code here.
// A vignette's wording for the report: the passage rewritten without identifying details (the
// anonymisation check runs on it when present). Confirmations made before it changed lapse.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table vignettes add column report_text text check (length(report_text) <= 20000);
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table vignettes drop column report_text;`.execute(db);
}
