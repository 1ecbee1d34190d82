// Seeding an activity's codebook from its framework, the first step of every use case that needs
// codes to exist (coding, the workbench, a REFI-QDA import). Runs in the caller's transaction.
import type { Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import {
  hasFrameworkCodes,
  insertCode,
  liveCodeNames,
  lockCodebook,
} from '../../data/repositories/codes.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { seedCodebook as seedFromFramework } from '../../domain/evidence/codebook-seed.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';
import { actorRef } from './actor-ref.js';

/**
 * Seeds the codebook once (judgement areas as folders, criteria as codes inside them); safe to
 * call any number of times, concurrently too. The caller has checked the actor may write the
 * activity's evidence. Returns how many codes were created (0 when already seeded).
 */
export async function ensureCodebook(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
): Promise<number> {
  await lockCodebook(trx, activity.id);
  if (await hasFrameworkCodes(trx, activity.id)) return 0;
  const fw = frameworkOf(activity);
  const seeds = seedFromFramework(fw);
  const taken = new Set(
    (await liveCodeNames(trx, activity.id)).map(
      (r) => `${r.parentId ?? ''}/${r.name.toLowerCase()}`,
    ),
  );
  const by = actorRef(actor);
  const idByKey = new Map<string, string>();
  for (const s of seeds) {
    const parentId = s.parentKey ? (idByKey.get(s.parentKey) ?? null) : null;
    let name = s.name;
    for (let n = 2; taken.has(`${parentId ?? ''}/${name.toLowerCase()}`); n++)
      name = `${s.name} (${n})`;
    taken.add(`${parentId ?? ''}/${name.toLowerCase()}`);
    const id = await insertCode(trx, {
      activityId: activity.id,
      parentId,
      name,
      description: s.description,
      colour: s.colour,
      isCodable: s.isCodable,
      source: 'framework',
      frameworkKey: s.frameworkKey,
      sortOrder: s.sortOrder,
      createdBy: by,
    });
    idByKey.set(s.frameworkKey, id);
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
