import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { descendantIds, findCode, type Code } from '../../data/repositories/codes.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { liveCode } from './code-rules.js';
import { now as clockNow } from '../../clock.js';

export const MergeCodesInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  /** The code that disappears into the other. */
  sourceCodeId: z.string(),
  /** The code that remains and receives the codings, sub-codes and memos. */
  targetCodeId: z.uuid(),
});
export type MergeCodesInput = z.input<typeof MergeCodesInput>;

export interface MergeOutcome {
  target: Code;
  codingsMoved: number;
  /** Codings the target already had on the same span by the same coder (kept once). */
  duplicatesRemoved: number;
  childrenMoved: number;
  memosMoved: number;
}

/**
 * Merges one code into another: every coding is re-pointed (none is lost), sub-codes and memos
 * move across, and the merged code stays as a tombstone pointing at the target (so its GUID
 * still resolves). Recorded in the audit log with the counts.
 */
export async function mergeCodes(ctx: UseCaseContext, raw: MergeCodesInput): Promise<MergeOutcome> {
  const input = MergeCodesInput.parse(raw);
  const found = foundInActivity(await findCode(ctx.db, input.sourceCodeId), input.activityId);
  if (found.mergedIntoId) throw new AppError('NOT_FOUND');
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  if (input.targetCodeId === found.id)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'targetCodeId', reason: 'A code cannot be merged into itself' }],
    });
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('codes')
      .select('id')
      .where('id', 'in', [found.id, input.targetCodeId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const source = await liveCode(trx, activity.id, found.id, 'sourceCodeId');
    const target = await liveCode(trx, activity.id, input.targetCodeId, 'targetCodeId');
    if ((await descendantIds(trx, source.id)).includes(target.id))
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'targetCodeId',
            reason: 'A code cannot be merged into one of its own sub-codes',
          },
        ],
      });
    const hasCodings = await trx
      .selectFrom('codings')
      .select('id')
      .where('code_id', '=', source.id)
      .limit(1)
      .executeTakeFirst();
    if (hasCodings && !target.isCodable)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'targetCodeId',
            reason: `“${target.name}” is a folder: codings cannot go there`,
          },
        ],
      });
    const duplicates = await sql<{ id: string }>`
      delete from codings s using codings t
      where s.code_id = ${source.id} and t.code_id = ${target.id}
        and s.evidence_id = t.evidence_id and s.start_pos = t.start_pos and s.end_pos = t.end_pos
        and s.coder_id is not distinct from t.coder_id
      returning s.id`.execute(trx);
    const moved = await trx
      .updateTable('codings')
      .set({ code_id: target.id })
      .where('code_id', '=', source.id)
      .executeTakeFirst();
    const children = await trx
      .selectFrom('codes')
      .select(['id', 'name'])
      .where('parent_id', '=', source.id)
      .where('merged_into_id', 'is', null)
      .execute();
    const siblingNames = new Set(
      (
        await trx
          .selectFrom('codes')
          .select('name')
          .where('parent_id', '=', target.id)
          .where('merged_into_id', 'is', null)
          .execute()
      ).map((r) => r.name.toLowerCase()),
    );
    for (const child of children) {
      let name = child.name;
      for (let n = 2; siblingNames.has(name.toLowerCase()); n++) name = `${child.name} (${n})`;
      siblingNames.add(name.toLowerCase());
      await trx
        .updateTable('codes')
        .set({ parent_id: target.id, name })
        .where('id', '=', child.id)
        .execute();
    }
    const memos = await trx
      .updateTable('memos')
      .set({ target_id: target.id })
      .where('target_type', '=', 'code')
      .where('target_id', '=', source.id)
      .executeTakeFirst();
    const now = clockNow();
    await trx
      .updateTable('codes')
      .set({
        merged_into_id: target.id,
        merged_at: now,
        version: source.version + 1,
        updated_at: now,
      })
      .where('id', '=', source.id)
      .execute();
    const counts = {
      codingsMoved: Number(moved.numUpdatedRows),
      duplicatesRemoved: duplicates.rows.length,
      childrenMoved: children.length,
      memosMoved: Number(memos.numUpdatedRows),
    };
    await writeAudit(trx, ctx.actor, {
      action: 'code.merged',
      entityType: 'code',
      entityId: source.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { name: source.name, parentId: source.parentId },
      after: { mergedIntoId: target.id, mergedInto: target.name, ...counts },
    });
    return { targetId: target.id, ...counts };
  });
  const target = await findCode(ctx.db, outcome.targetId);
  if (!target) throw new AppError('INTERNAL');
  const { targetId: _unused, ...counts } = outcome;
  return { target, ...counts };
}
