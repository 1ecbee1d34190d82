// What data prompted a line of enquiry, if it came from the Annex A profile: the indicator and
// its figures at the time it was accepted. Readable by whoever may read the evidence base (the
// figures are aggregates; no child-level data).
import { findLineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import { findDecisionForLine } from '../../data/repositories/annex-a-profile.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export interface LineDataPrompt {
  lineOfEnquiryId: string;
  indicatorKey: string;
  text: string;
  figures: Record<string, unknown>;
  decidedByLabel: string;
  decidedAt: Date;
}

export async function getLineDataPrompt(
  ctx: UseCaseContext,
  input: { activityId: string; lineOfEnquiryId: string },
): Promise<LineDataPrompt | null> {
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const line = await findLineOfEnquiry(ctx.db, input.lineOfEnquiryId);
  if (!line || line.activityId !== activity.id) throw new AppError('NOT_FOUND');
  const d = await findDecisionForLine(ctx.db, line.id);
  if (!d) return null;
  return {
    lineOfEnquiryId: line.id,
    indicatorKey: d.indicatorKey,
    text: String(d.figures.text ?? ''),
    figures: d.figures,
    decidedByLabel: d.decidedByLabel,
    decidedAt: d.decidedAt,
  };
}
