// Accept (optionally rewording) or dismiss (with a reason) a candidate line of enquiry that the
// Annex A profile proposes. Accepting creates the line of enquiry in the evidence base, in the
// same transaction, with "Prompted by data" and the figures in its description, and keeps the
// link and a snapshot of the figures (Munro's recommendation 5: show which data informed what).
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { insertCandidateDecision } from '../../data/repositories/annex-a-profile.js';
import { insertLineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError, sqlState } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import {
  figuresText,
  getAnnexAProfile,
  type AnnexAProfileView,
  type ProfileCandidate,
} from './get-annex-a-profile.js';

export const DecideCandidateInput = z.discriminatedUnion('decision', [
  z.object({
    activityId: z.string(),
    indicatorKey: z.string().min(1).max(100),
    decision: z.literal('accept'),
    title: z.string().trim().max(300).nullish(),
    description: z.string().trim().max(10_000).nullish(),
  }),
  z.object({
    activityId: z.string(),
    indicatorKey: z.string().min(1).max(100),
    decision: z.literal('dismiss'),
    reason: z.string().trim().min(1, 'Enter why the candidate is dismissed').max(2000),
  }),
]);
export type DecideCandidateInput = z.input<typeof DecideCandidateInput>;

export interface DecideCandidateOutcome {
  decisionId: string;
  decision: 'accepted' | 'dismissed';
  lineOfEnquiryId: string | null;
}

export async function decideCandidate(
  ctx: UseCaseContext,
  raw: DecideCandidateInput,
): Promise<DecideCandidateOutcome> {
  const input = DecideCandidateInput.parse(raw);
  const view = await getAnnexAProfile(ctx, input.activityId); // NOT_FOUND for outsiders
  const activity = await findActivity(ctx.db, view.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.decideDataCandidates(ctx.actor, facts))
    throw new AppError('FORBIDDEN', {
      message: 'Only the team’s inspectors decide lines of enquiry, while the inspection is open.',
    });
  if (!view.import)
    throw new AppError('VALIDATION_FAILED', {
      message: 'No Annex A has been imported for this activity, so there are no candidates.',
      details: [{ field: 'indicatorKey', reason: 'No Annex A has been imported' }],
    });
  const candidate = view.candidates.find((c) => c.indicatorKey === input.indicatorKey);
  if (!candidate)
    throw new AppError('NOT_FOUND', { message: 'No such candidate line of enquiry.' });
  if (candidate.decision)
    throw new AppError('ALREADY_EXISTS', {
      message: `This candidate was already ${candidate.decision.decision} by ${candidate.decision.decidedByLabel}.`,
    });
  const figures = figuresOf(candidate, view);
  const by = actorRef(ctx.actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      let lineId: string | null = null;
      if (input.decision === 'accept') {
        lineId = await createDataLine(trx, ctx.actor, activity, {
          title: input.title || candidate.suggestedTitle,
          description: [input.description, figures.text, ...candidate.because, candidate.warning]
            .filter(Boolean)
            .join('\n\n'),
        });
      }
      const decisionId = await insertCandidateDecision(trx, {
        activityId: activity.id,
        indicatorKey: candidate.indicatorKey,
        decision: input.decision === 'accept' ? 'accepted' : 'dismissed',
        title: input.decision === 'accept' ? input.title || candidate.suggestedTitle : null,
        reason: input.decision === 'dismiss' ? input.reason : null,
        lineOfEnquiryId: lineId,
        importId: view.import?.id ?? null,
        figures,
        decidedBy: by,
      });
      await writeAudit(trx, ctx.actor, {
        action:
          input.decision === 'accept'
            ? 'annex_a.candidate_accepted'
            : 'annex_a.candidate_dismissed',
        entityType: 'annex_a_candidate',
        entityId: decisionId,
        activityId: activity.id,
        laId: activity.laId,
        after: {
          indicatorKey: candidate.indicatorKey,
          lineOfEnquiryId: lineId,
          figures: figures.text,
          reasons: candidate.reasons,
        },
        ...(input.decision === 'dismiss' ? { reason: input.reason } : {}),
      });
      return {
        decisionId,
        decision: input.decision === 'accept' ? ('accepted' as const) : ('dismissed' as const),
        lineOfEnquiryId: lineId,
      };
    });
  } catch (err) {
    // Two people deciding the same candidate at once: the second meets the unique constraint.
    if (sqlState(err) === '23505') throw new AppError('ALREADY_EXISTS');
    throw err;
  }
}

/** A snapshot of the figures behind a candidate, kept with the decision. */
function figuresOf(candidate: ProfileCandidate, view: AnnexAProfileView) {
  return {
    indicator: candidate.title,
    value: candidate.value,
    unit: candidate.unit,
    numerator: candidate.numerator,
    denominator: candidate.denominator,
    comparison: candidate.comparison,
    reasons: candidate.reasons,
    because: candidate.because,
    claim: candidate.claim,
    referenceDate: view.import?.referenceDate ?? null,
    text: `Prompted by data: ${candidate.title} ${figuresText(candidate)}`,
    coverageWarning: candidate.warning,
  };
}

/** The line of enquiry an accepted candidate becomes (source "data"), audited. */
async function createDataLine(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  line: { title: string; description: string },
): Promise<string> {
  const { title, description } = line;
  const lineId = await insertLineOfEnquiry(trx, {
    activityId: activity.id,
    title,
    description,
    source: 'data',
    judgementAreas: [],
    createdBy: actorRef(actor),
  });
  await writeAudit(trx, actor, {
    action: 'line_of_enquiry.created',
    entityType: 'line_of_enquiry',
    entityId: lineId,
    activityId: activity.id,
    laId: activity.laId,
    after: { title, description, source: 'data', judgementAreas: [] },
  });
  return lineId;
}
