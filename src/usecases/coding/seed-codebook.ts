import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { seedCodebook as seedFromFramework } from '../../domain/evidence/codebook-seed.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';

export const SeedCodebookInput = z.object({ activityId: z.string() });
export type SeedCodebookInput = z.input<typeof SeedCodebookInput>;

/**
 * Seeds the codebook from the activity's framework once (judgement areas as folders, criteria as
 * codes inside them). Safe to call any number of times, concurrently too. Returns how many codes
 * were created (0 when already seeded).
 */
export async function seedCodebook(
  ctx: UseCaseContext,
  raw: SeedCodebookInput,
): Promise<{ created: number }> {
  const input = SeedCodebookInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const created = await ctx.db
    .transaction()
    .execute((trx) => ensureCodebook(trx, ctx.actor, activity));
  return { created };
}

/** The seeding itself, inside the caller's transaction. */
export async function ensureCodebook(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
): Promise<number> {
  await sql`select pg_advisory_xact_lock(73013, hashtext(${activity.id}))`.execute(trx);
  const already = await trx
    .selectFrom('codes')
    .select('id')
    .where('activity_id', '=', activity.id)
    .where('source', '=', 'framework')
    .limit(1)
    .executeTakeFirst();
  if (already) return 0;
  const fw = frameworkOf(activity);
  const seeds = seedFromFramework(fw);
  const taken = new Set(
    (
      await trx
        .selectFrom('codes')
        .select(['parent_id', 'name'])
        .where('activity_id', '=', activity.id)
        .where('merged_into_id', 'is', null)
        .execute()
    ).map((r) => `${r.parent_id ?? ''}/${r.name.toLowerCase()}`),
  );
  const by = actorRef(actor);
  const idByKey = new Map<string, string>();
  for (const s of seeds) {
    const parentId = s.parentKey ? (idByKey.get(s.parentKey) ?? null) : null;
    let name = s.name;
    for (let n = 2; taken.has(`${parentId ?? ''}/${name.toLowerCase()}`); n++)
      name = `${s.name} (${n})`;
    taken.add(`${parentId ?? ''}/${name.toLowerCase()}`);
    const row = await trx
      .insertInto('codes')
      .values({
        activity_id: activity.id,
        parent_id: parentId,
        name,
        description: s.description,
        colour: s.colour,
        is_codable: s.isCodable,
        source: 'framework',
        framework_key: s.frameworkKey,
        sort_order: s.sortOrder,
        created_by: by.id,
        created_by_label: by.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    idByKey.set(s.frameworkKey, row.id);
  }
  await writeAudit(trx, actor, {
    action: 'codebook.seeded',
    entityType: 'activity',
    entityId: activity.id,
    activityId: activity.id,
    laId: activity.laId,
    after: {
      framework: fw.id,
      folders: seeds.filter((s) => !s.isCodable).length,
      codes: seeds.filter((s) => s.isCodable).length,
    },
  });
  return seeds.length;
}
