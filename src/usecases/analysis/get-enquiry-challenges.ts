import { z } from 'zod';
import type { EnquiryFocus } from '../../data/repositories/enquiry-analysis.js';
import type { LineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { findChallenges, loadEnquiry, type ChallengeSet } from './enquiry-challenges.js';

export const GetEnquiryChallengesInput = z.object({
  lineOfEnquiryId: z.string(),
  /** The activity in the URL: the line must belong to it. */
  activityId: ActivityInPath,
});
export type GetEnquiryChallengesInput = z.input<typeof GetEnquiryChallengesInput>;

export interface EnquiryChallengesView extends ChallengeSet {
  line: LineOfEnquiry;
  focus: EnquiryFocus | null;
  /** How many challenges still need looking at (they hold up closing once it has a focus). */
  unreviewed: number;
  canClose: boolean;
}

/**
 * A line of enquiry or hypothesis with its linked evidence and the challenging evidence the
 * system found (each with the review that counts for it, if any).
 */
export async function getEnquiryChallenges(
  ctx: UseCaseContext,
  raw: GetEnquiryChallengesInput,
): Promise<EnquiryChallengesView> {
  const input = GetEnquiryChallengesInput.parse(raw);
  const loaded = await loadEnquiry(ctx, input.lineOfEnquiryId, 'read', input.activityId);
  const set = await findChallenges(ctx.db, loaded);
  const unreviewed = set.challenges.filter((c) => c.needsReview).length;
  const hypothesisUnchecked =
    loaded.focus?.kind === 'hypothesis' &&
    (set.direction === null || (loaded.focus.codeIds.length === 0 && !loaded.focus.searchTerms));
  return {
    ...set,
    line: loaded.line,
    focus: loaded.focus,
    unreviewed,
    canClose:
      loaded.line.status !== 'closed' &&
      (loaded.focus === null || (unreviewed === 0 && !hypothesisUnchecked)),
  };
}
