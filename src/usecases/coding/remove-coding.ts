import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteCoding, findCoding } from '../../data/repositories/codings.js';
import { deleteCodingMemos } from '../../data/repositories/memos.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const RemoveCodingInput = z.object({ codingId: z.string(), activityId: ActivityInPath });
export type RemoveCodingInput = z.input<typeof RemoveCodingInput>;

/** Removes one coding (recorded with what it was, so it can be put back by hand). */
export async function removeCoding(ctx: UseCaseContext, raw: RemoveCodingInput): Promise<void> {
  const input = RemoveCodingInput.parse(raw);
  const coding = foundInActivity(await findCoding(ctx.db, input.codingId), input.activityId);
  const { activity } = await evidenceScope(ctx, coding.activityId, 'write');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteCoding(trx, coding.id))) throw new AppError('NOT_FOUND');
    await deleteCodingMemos(trx, coding.id);
    await writeAudit(trx, ctx.actor, {
      action: 'coding.deleted',
      entityType: 'coding',
      entityId: coding.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        guid: coding.guid,
        evidence: coding.evidenceReference,
        evidenceId: coding.evidenceId,
        code: coding.codeName,
        codeId: coding.codeId,
        start: coding.start,
        end: coding.end,
        spanText: coding.spanText,
        coder: coding.coder.label,
        createdAt: coding.createdAt.toISOString(),
      },
    });
  });
}
