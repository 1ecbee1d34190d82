import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertChallengeReview } from '../../data/repositories/enquiry-analysis.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { findChallenges, loadEnquiry } from './enquiry-challenges.js';

export const ReviewChallengesInput = z.object({
  /** The activity in the URL: the line must belong to it. */
  activityId: ActivityInPath,
  lineOfEnquiryId: z.string(),
  /** One or more challenges looked at together (e.g. every unseen sampled case). */
  items: z
    .array(
      z.object({
        kind: z.enum(['opposite_direction', 'uncoded_match', 'unseen_case']),
        id: z.string(),
      }),
    )
    .min(1)
    .max(500),
  /** What looking at it showed. */
  outcome: z.enum(['supports', 'challenges', 'not_relevant']),
  note: z.string().trim().min(1, 'Say what you found').max(2000),
});
export type ReviewChallengesInput = z.input<typeof ReviewChallengesInput>;

/**
 * Records that challenging evidence was looked at: who, when, what it showed and a note, against
 * the version of the record seen (a later edit asks for a fresh look).
 */
export async function reviewChallenges(
  ctx: UseCaseContext,
  raw: ReviewChallengesInput,
): Promise<{ reviewed: number }> {
  const input = ReviewChallengesInput.parse(raw);
  const loaded = await loadEnquiry(ctx, input.lineOfEnquiryId, 'write', input.activityId);
  const { challenges } = await findChallenges(ctx.db, loaded);
  const details: ErrorDetail[] = [];
  const found = input.items.map((i) => {
    const c = challenges.find((x) => x.kind === i.kind && x.id === i.id);
    if (!c)
      details.push({
        field: 'items',
        value: `${i.kind}:${i.id}`,
        reason: 'Not among the challenging evidence found for this enquiry now (reload the list)',
      });
    return c;
  });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
  const by = actorRef(ctx.actor);
  const { activity, line } = loaded;
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of found) {
      if (!c) continue;
      const reviewId = await insertChallengeReview(trx, {
        activityId: activity.id,
        lineOfEnquiryId: line.id,
        kind: c.kind,
        itemId: c.id,
        evidenceVersion: c.version,
        outcome: input.outcome,
        note: input.note,
        reviewedBy: by,
      });
      await writeAudit(trx, ctx.actor, {
        action: 'line_of_enquiry.challenge_reviewed',
        entityType: 'line_of_enquiry',
        entityId: line.id,
        activityId: activity.id,
        laId: activity.laId,
        after: {
          reviewId,
          kind: c.kind,
          item: c.reference,
          itemId: c.id,
          evidenceVersion: c.version,
          outcome: input.outcome,
          note: input.note,
        },
      });
    }
  });
  return { reviewed: found.length };
}
