// The check every way of closing a line of enquiry or hypothesis goes through: once it has a
// focus, the challenging evidence the system finds must all have been looked at, and a hypothesis
// must say what it is about and which way it points. Used by changeEnquiryStatus and by updateLineOfEnquiry.
import type { Kysely } from 'kysely';
import type { Activity } from '../../data/repositories/activities.js';
import { findFocus } from '../../data/repositories/enquiry-analysis.js';
import type { LineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import type { DB } from '../../data/schema.js';
import { blockersMessage, closeBlockers } from '../../domain/analysis/challenges.js';
import { AppError } from '../../errors.js';
import { findChallenges } from './enquiry-challenges.js';

/**
 * Throws INVALID_TRANSITION (listing each unreviewed item) unless the line may close; returns
 * how many challenges were reviewed.
 */
export async function assertReadyToClose(
  db: Kysely<DB>,
  activity: Activity,
  line: LineOfEnquiry,
): Promise<number> {
  const focus = await findFocus(db, line.id);
  // A line nobody has said anything about (no focus) is a plain question: the challenges are
  // shown but do not hold up closing it. A hypothesis, or any line with a focus, is held.
  if (!focus) return 0;
  const set = await findChallenges(db, { activity, line, focus });
  if (focus?.kind === 'hypothesis') {
    if (focus.codeIds.length === 0 && !focus.searchTerms)
      throw new AppError('INVALID_TRANSITION', {
        message:
          'Say what the hypothesis is about (its criteria or search terms) so that challenging evidence can be looked for before it is closed.',
      });
    if (focus.codeIds.length > 0 && set.direction === null)
      throw new AppError('INVALID_TRANSITION', {
        message:
          'Say which way the hypothesis points (strength or area for improvement) so that evidence pointing the other way can be looked for before it is closed.',
      });
  }
  const blockers = closeBlockers(
    set.challenges,
    set.challenges.flatMap((c) =>
      c.review
        ? [
            {
              kind: c.kind,
              id: c.id,
              evidenceVersion: c.review.evidenceVersion,
              outcome: c.review.outcome,
              note: c.review.note,
              reviewedBy: c.review.reviewedBy.label,
              reviewedAt: c.review.reviewedAt,
            },
          ]
        : [],
    ),
  );
  if (blockers.length > 0) {
    const lookedAtBefore = (kind: string, id: string) =>
      set.reviews.some((r) => r.kind === kind && r.itemId === id);
    throw new AppError('INVALID_TRANSITION', {
      message: blockersMessage(blockers),
      details: blockers.map((b) => ({
        field: 'challenges',
        value: `${b.kind}:${b.id}`,
        reason: `${b.reason}: not yet reviewed${lookedAtBefore(b.kind, b.id) ? ' since it was changed' : ''}`,
      })),
    });
  }
  return set.challenges.length;
}
