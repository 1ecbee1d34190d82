import { z } from 'zod';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import {
  findLineOfEnquiry,
  insertLineOfEnquiry,
  type LineOfEnquiry,
} from '../../data/repositories/lines-of-enquiry.js';
import { lineOfEnquirySources } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

export const CreateLineOfEnquiryInput = z.object({
  activityId: z.string(),
  title: z.string().trim().min(1, 'Enter the line of enquiry').max(300),
  description: z.string().trim().max(10_000).nullish(),
  source: z.enum(lineOfEnquirySources).default('inspector'),
  judgementAreas: z.array(z.string()).max(20).default([]),
});
export type CreateLineOfEnquiryInput = z.input<typeof CreateLineOfEnquiryInput>;

export function checkAreas(keys: string[], areas: Array<{ key: string }>): void {
  const known = areas.map((a) => a.key);
  const bad = keys.filter((k) => !known.includes(k));
  if (bad.length)
    throw new AppError('VALIDATION_FAILED', {
      details: bad.map((k) => ({
        field: 'judgementAreas',
        value: k,
        reason: 'Not a judgement area of this framework',
      })),
    });
}

export async function createLineOfEnquiry(
  ctx: UseCaseContext,
  raw: CreateLineOfEnquiryInput,
): Promise<LineOfEnquiry> {
  const input = CreateLineOfEnquiryInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const judgementAreas = [...new Set(input.judgementAreas)];
  checkAreas(judgementAreas, judgementAreasOf(activity));
  const by = actorRef(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const lineId = await insertLineOfEnquiry(trx, {
      createdAt: now(),
      activityId: activity.id,
      title: input.title,
      description: input.description || null,
      source: input.source,
      judgementAreas,
      createdBy: by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.created',
      entityType: 'line_of_enquiry',
      entityId: lineId,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        title: input.title,
        description: input.description || null,
        source: input.source,
        judgementAreas,
      },
    });
    return lineId;
  });
  const line = await findLineOfEnquiry(ctx.db, id);
  if (!line) throw new AppError('INTERNAL');
  return line;
}
