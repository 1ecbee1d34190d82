import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findCode, insertCode, type Code } from '../../data/repositories/codes.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { codeColour, codeName, liveCode, uniqueName } from './code-rules.js';
import { ensureCodebook } from '../shared/codebook.js';

export const CreateCodeInput = z.object({
  activityId: z.string(),
  name: codeName,
  parentId: z.uuid().nullish(),
  description: z.string().trim().max(5000).nullish(),
  colour: codeColour.nullish(),
  /** false makes a folder that groups codes but cannot be applied itself. */
  isCodable: z.boolean().default(true),
});
export type CreateCodeInput = z.input<typeof CreateCodeInput>;

/** Adds an emergent code (anyone on the team may). */
export async function createCode(ctx: UseCaseContext, raw: CreateCodeInput): Promise<Code> {
  const input = CreateCodeInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const by = actorRef(ctx.actor);
  const id = await uniqueName(input.name, () =>
    ctx.db.transaction().execute(async (trx) => {
      await ensureCodebook(trx, ctx.actor, activity);
      const parent = input.parentId
        ? await liveCode(trx, activity.id, input.parentId, 'parentId')
        : null;
      const id = await insertCode(trx, {
        activityId: activity.id,
        parentId: parent?.id ?? null,
        name: input.name,
        description: input.description || null,
        colour: input.colour ?? parent?.colour ?? null,
        isCodable: input.isCodable,
        source: 'emergent',
        sortOrder: 1000,
        createdBy: by,
      });
      await writeAudit(trx, ctx.actor, {
        action: 'code.created',
        entityType: 'code',
        entityId: id,
        activityId: activity.id,
        laId: activity.laId,
        after: {
          name: input.name,
          parentId: parent?.id ?? null,
          parent: parent?.name ?? null,
          isCodable: input.isCodable,
        },
      });
      return id;
    }),
  );
  const code = await findCode(ctx.db, id);
  if (!code) throw new AppError('INTERNAL');
  return code;
}
