import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  descendantIds,
  findCode,
  lockCodeVersion,
  updateCodeRow,
  type Code,
} from '../../data/repositories/codes.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { codeColour, codeName, liveCode, staleCode, uniqueName } from './code-rules.js';

/** Rename, move (parentId; null = top level), recolour, redescribe, reorder. Codings stay. */
export const UpdateCodeInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  codeId: z.string(),
  expectedVersion: z.number().int().min(1),
  name: codeName.optional(),
  parentId: z.uuid().nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  colour: codeColour.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type UpdateCodeInput = z.input<typeof UpdateCodeInput>;

export async function updateCode(ctx: UseCaseContext, raw: UpdateCodeInput): Promise<Code> {
  const input = UpdateCodeInput.parse(raw);
  const found = foundInActivity(await findCode(ctx.db, input.codeId), input.activityId);
  if (found.mergedIntoId) throw new AppError('NOT_FOUND');
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  const name = input.name ?? found.name;
  await uniqueName(name, () =>
    ctx.db.transaction().execute(async (trx) => {
      const lockedVersion = await lockCodeVersion(trx, found.id);
      const current = (await findCode(trx, found.id))!;
      if (lockedVersion !== input.expectedVersion) throw staleCode(current, input.expectedVersion);
      if (input.parentId) {
        await liveCode(trx, activity.id, input.parentId, 'parentId');
        if ((await descendantIds(trx, current.id)).includes(input.parentId))
          throw new AppError('VALIDATION_FAILED', {
            details: [
              {
                field: 'parentId',
                reason: 'A code cannot move inside itself or its own sub-codes',
              },
            ],
          });
      }
      const next = {
        name,
        parentId: input.parentId === undefined ? current.parentId : input.parentId,
        description:
          input.description === undefined ? current.description : input.description || null,
        colour: input.colour === undefined ? current.colour : input.colour,
        sortOrder: input.sortOrder ?? current.sortOrder,
      };
      const prev = {
        name: current.name,
        parentId: current.parentId,
        description: current.description,
        colour: current.colour,
        sortOrder: current.sortOrder,
      };
      const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
        (k) => next[k] !== prev[k],
      );
      if (changed.length === 0) return;
      await updateCodeRow(trx, current.id, { ...next, version: current.version + 1 });
      await writeAudit(trx, ctx.actor, {
        action: 'code.updated',
        entityType: 'code',
        entityId: current.id,
        activityId: activity.id,
        laId: activity.laId,
        before: Object.fromEntries(changed.map((k) => [k, prev[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      });
    }),
  );
  const code = await findCode(ctx.db, found.id);
  if (!code) throw new AppError('INTERNAL');
  return code;
}
