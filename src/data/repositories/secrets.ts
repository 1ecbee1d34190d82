import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

/**
 * The session-signing secret: SESSION_SECRET when configured, otherwise one generated once and
 * kept in the database, so every process sharing the database agrees on it.
 */
export async function getSessionSecret(
  db: Kysely<DB>,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(32).toString('hex');
  await sql`insert into app_meta (key, value) values ('session_secret', ${JSON.stringify(generated)}::jsonb)
            on conflict (key) do nothing`.execute(db);
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'session_secret')
    .executeTakeFirstOrThrow();
  return row.value as unknown as string;
}
