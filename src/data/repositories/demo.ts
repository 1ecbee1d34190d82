// What the demo keeps for itself: the marker saying it was seeded (app_meta 'demo') and its
// synthetic local authority. Everything else the demo writes goes through the use cases people
// use (src/demo).
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface DemoMarker {
  activityId: string;
  focusedVisitId: string | null;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
}

/** Whether any account exists. */
export async function anyAccountExists(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The demo's marker, if it was seeded. */
export async function findDemoMarker(db: Kysely<DB>): Promise<DemoMarker | null> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  return row ? (row.value as unknown as DemoMarker) : null;
}

/** The accounts with these emails that exist. */
export async function findAccountsByEmail(
  db: Kysely<DB>,
  emails: string[],
): Promise<DemoAccount[]> {
  if (emails.length === 0) return []; // `in ()` is not SQL
  const users = await db
    .selectFrom('users')
    .select(['email', 'display_name', 'role'])
    .where('email', 'in', emails)
    .execute();
  return users.map((u) => ({ email: u.email, displayName: u.display_name, role: u.role }));
}

export type SyntheticLa = Insertable<DB['local_authorities']> & { id: string };

/** Adds a synthetic LA unless one with its id exists. */
export async function insertSyntheticLa(db: Kysely<DB>, la: SyntheticLa): Promise<void> {
  await db
    .insertInto('local_authorities')
    .values({ ...la })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function insertDemoMarker(db: Kysely<DB>, marker: DemoMarker): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key: 'demo', value: JSON.stringify(marker) })
    .execute();
}
