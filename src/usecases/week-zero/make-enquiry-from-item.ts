// Turns a week-zero item into a line of enquiry of the activity that stays linked to it (the
// item's kind and ref, and the intelligence entry when it is one): only an item the actor can see
// on the week-zero page, only by those who may write the evidence (the team, not shadows).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertEnquirySource } from '../../data/repositories/enquiry-sources.js';
import {
  findLineOfEnquiry,
  insertLineOfEnquiry,
  type LineOfEnquiry,
} from '../../data/repositories/lines-of-enquiry.js';
import type { LineOfEnquirySource } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { loadSections, weekZeroContext } from './get-week-zero.js';
import type { WeekZeroKind } from './week-zero-sections.js';

export const MakeEnquiryFromItemInput = z.object({
  activityId: z.string().max(200),
  kind: z.enum([
    'risk_rating',
    'intelligence',
    'improvement',
    'self_evaluation',
    'engagement_meeting',
  ]),
  ref: z.string().trim().min(1).max(200),
  /** The line's wording (default: the item's own). */
  title: z.string().trim().max(300).optional(),
});
export type MakeEnquiryFromItemInput = z.input<typeof MakeEnquiryFromItemInput>;

const sourceOf: Record<WeekZeroKind, LineOfEnquirySource> = {
  risk_rating: 'intelligence',
  intelligence: 'intelligence',
  improvement: 'previous_inspection',
  self_evaluation: 'self_evaluation',
  engagement_meeting: 'other',
};

export async function makeEnquiryFromItem(
  ctx: UseCaseContext,
  raw: MakeEnquiryFromItemInput,
): Promise<LineOfEnquiry> {
  // Who may act comes first: someone who may not see the activity learns nothing from a bad form.
  const scope = await weekZeroContext(ctx, String(raw.activityId ?? ''), 'write');
  const parsed = MakeEnquiryFromItemInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const input = parsed.data;
  const item = (await loadSections(scope.sections))
    .flatMap((s) => s.items)
    .find((i) => i.kind === input.kind && i.ref === input.ref);
  if (!item) throw new AppError('NOT_FOUND');
  const { activity } = scope;
  const title = (input.title || item.label).slice(0, 300);
  const by = actorRef(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const lineId = await insertLineOfEnquiry(trx, {
      createdAt: now(),
      activityId: activity.id,
      title,
      description: item.detail ? item.detail.slice(0, 10_000) : null,
      source: sourceOf[item.kind],
      judgementAreas: [],
      createdBy: by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.created',
      entityType: 'line_of_enquiry',
      entityId: lineId,
      activityId: activity.id,
      laId: activity.laId,
      after: { title, source: sourceOf[item.kind], judgementAreas: [] },
    });
    const sourceId = await insertEnquirySource(trx, {
      lineOfEnquiryId: lineId,
      activityId: activity.id,
      kind: item.kind,
      ref: item.ref,
      intelligenceEntryId: item.intelligenceEntryId,
      label: item.label.slice(0, 500),
      by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.source_linked',
      entityType: 'line_of_enquiry',
      entityId: lineId,
      activityId: activity.id,
      laId: activity.laId,
      after: { sourceId, kind: item.kind, ref: item.ref, label: item.label.slice(0, 500) },
    });
    return lineId;
  });
  const line = await findLineOfEnquiry(ctx.db, id);
  if (!line) throw new AppError('INTERNAL');
  return line;
}
