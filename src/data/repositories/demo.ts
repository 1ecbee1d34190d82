// What the demo keeps for itself: the marker saying it was seeded (app_meta 'demo'), its
// synthetic local authority, and whether the database has any account yet. Everything else the
// demo writes goes through the use cases people use (src/demo).
import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../../domain/access/actor.js';
import { writeAudit } from '../audit-log.js';
import type { DB } from '../schema.js';
import { refreshAllStatistics } from './statistics.js';

export interface DemoMarker {
  activityId: string;
  focusedVisitId: string | null;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
}

/** Whether any account exists (the demo seeds only an empty database when asked to). */
export async function anyAccountExists(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The demo's marker, when it was seeded, with its accounts that still exist. */
export async function findDemo(
  db: Kysely<DB>,
  emails: string[],
): Promise<{ marker: DemoMarker; accounts: DemoAccount[] } | null> {
  const existing = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  if (!existing) return null;
  const users = await db
    .selectFrom('users')
    .select(['email', 'display_name', 'role'])
    .where('email', 'in', emails)
    .execute();
  return {
    marker: existing.value as unknown as DemoMarker,
    accounts: users.map((u) => ({ email: u.email, displayName: u.display_name, role: u.role })),
  };
}

/** Adds the demo's synthetic LA (once), with its audit event, in one transaction. */
export async function addSyntheticLa(
  db: Kysely<DB>,
  actor: Actor,
  la: Insertable<DB['local_authorities']> & { id: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('local_authorities')
      .values({ ...la })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await writeAudit(trx, actor, {
      action: 'la.reference_loaded',
      entityType: 'local_authority',
      entityId: la.id,
      laId: la.id,
      after: { ...la, synthetic: true },
    });
  });
}

/**
 * Records that the demo was seeded, then refreshes the planner statistics of every table: the
 * demo writes to most of them (issue 19).
 */
export async function recordDemoSeeded(db: Kysely<DB>, marker: DemoMarker): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key: 'demo', value: JSON.stringify(marker) })
    .execute();
  await refreshAllStatistics(db);
}
