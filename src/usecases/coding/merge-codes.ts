import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  descendantIds,
  findCode,
  liveChildCodes,
  lockCodes,
  markCodeMerged,
  moveCode,
  type Code,
} from '../../data/repositories/codes.js';
import {
  codeHasCodings,
  deleteDuplicateCodings,
  moveCodings,
} from '../../data/repositories/codings.js';
import { moveCodeMemos } from '../../data/repositories/memos.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { liveCode } from './code-rules.js';

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
    await lockCodes(trx, [found.id, input.targetCodeId]);
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
    if ((await codeHasCodings(trx, source.id)) && !target.isCodable)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'targetCodeId',
            reason: `“${target.name}” is a folder: codings cannot go there`,
          },
        ],
      });
    const duplicatesRemoved = await deleteDuplicateCodings(trx, source.id, target.id);
    const codingsMoved = await moveCodings(trx, source.id, target.id);
    const children = await liveChildCodes(trx, source.id);
    const siblingNames = new Set(
      (await liveChildCodes(trx, target.id)).map((r) => r.name.toLowerCase()),
    );
    for (const child of children) {
      let name = child.name;
      for (let n = 2; siblingNames.has(name.toLowerCase()); n++) name = `${child.name} (${n})`;
      siblingNames.add(name.toLowerCase());
      await moveCode(trx, child.id, target.id, name);
    }
    const memosMoved = await moveCodeMemos(trx, source.id, target.id);
    await markCodeMerged(trx, source.id, { intoId: target.id, version: source.version + 1 });
    const counts = {
      codingsMoved,
      duplicatesRemoved,
      childrenMoved: children.length,
      memosMoved,
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
