// Report tests: the demo app, actors for its accounts, and moving the demo inspection on to
// quality assurance (where a draft can be released to the LA).
import type { Kysely } from 'kysely';
import type { DB } from '../../src/data/schema.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { demoEmail } from './app.js';

const catalog = loadActivityTypeCatalog();

export async function actorFor(db: Kysely<DB>, email: string): Promise<UserActor> {
  const u = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    kind: 'user',
    userId: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    region: u.region,
    laId: u.la_id,
  };
}

export function contextFor(db: Kysely<DB>, actor: UserActor): UseCaseContext {
  return { db, actor, catalog };
}

export async function demoContexts(db: Kysely<DB>) {
  const as = async (key: string) => contextFor(db, await actorFor(db, demoEmail(key)));
  return {
    lead: await as('lead'),
    inspector: await as('inspector'),
    qam: await as('qam'),
    la: await as('la'),
    researcher: await as('researcher'),
    admin: await as('admin'),
    regional: await as('regional'),
    system: { db, actor: systemActor('test'), catalog } as UseCaseContext,
  };
}

/**
 * on_site -> analysis -> drafting, the moves people make by hand once the judgements are final
 * (quality assurance follows only from the QAM's sign-off).
 */
export async function moveToDrafting(db: Kysely<DB>, activityId: string): Promise<void> {
  const ctx = { db, actor: systemActor('test'), catalog };
  for (const toState of ['analysis', 'drafting'] as const)
    await changeActivityState(ctx, { activityId, toState });
}

/**
 * Test set-up only: marks the activity's judgements as approved final by quality assurance (the
 * judgements tests walk the real stages; report tests need only the outcome).
 */
export async function markJudgementsFinal(db: Kysely<DB>, activityId: string): Promise<void> {
  await db
    .insertInto('judgement_sets')
    .values({ activity_id: activityId, stage: 'final' })
    .onConflict((oc) => oc.column('activity_id').doUpdateSet({ stage: 'final' }))
    .execute();
}
