import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertEnquiryLink } from '../../data/repositories/enquiry-analysis.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { cpSlice, spanProblem } from '../../domain/evidence/offsets.js';
import { AppError, sqlState } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { loadEnquiry } from './enquiry-challenges.js';

export const LinkEnquiryEvidenceInput = z.object({
  /** The activity in the URL: the line must belong to it. */
  activityId: ActivityInPath,
  lineOfEnquiryId: z.string(),
  evidenceId: z.string(),
  /** A passage (code points, end exclusive); the whole record when both are absent. */
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(1).optional(),
  stance: z.enum(['supports', 'challenges']),
  note: z.string().trim().max(2000).optional(),
});
export type LinkEnquiryEvidenceInput = z.input<typeof LinkEnquiryEvidenceInput>;

/** Links a record, or a passage of it, to a line of enquiry as supporting or challenging it. */
export async function linkEnquiryEvidence(
  ctx: UseCaseContext,
  raw: LinkEnquiryEvidenceInput,
): Promise<{ id: string }> {
  const input = LinkEnquiryEvidenceInput.parse(raw);
  const { activity, line } = await loadEnquiry(
    ctx,
    input.lineOfEnquiryId,
    'write',
    input.activityId,
  );
  const record = await findEvidence(ctx.db, input.evidenceId);
  if (!record || record.activityId !== activity.id || record.deleted)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'evidenceId',
          value: input.evidenceId,
          reason: 'No such evidence in this activity',
        },
      ],
    });
  if ((input.start === undefined) !== (input.end === undefined))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'end', reason: 'Give both the start and the end of the passage, or neither' },
      ],
    });
  let spanText: string | null = null;
  if (input.start !== undefined && input.end !== undefined) {
    const problem = spanProblem(record.text, input.start, input.end);
    if (problem)
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'end', reason: problem }] });
    spanText = cpSlice(record.text, input.start, input.end);
  }
  const by = actorRef(ctx.actor);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const linkId = await insertEnquiryLink(trx, {
        activityId: activity.id,
        lineOfEnquiryId: line.id,
        evidenceId: record.id,
        start: input.start ?? null,
        end: input.end ?? null,
        spanText,
        stance: input.stance,
        note: input.note || null,
        by,
      });
      await writeAudit(trx, ctx.actor, {
        action: 'line_of_enquiry.evidence_linked',
        entityType: 'line_of_enquiry',
        entityId: line.id,
        activityId: activity.id,
        laId: activity.laId,
        after: {
          linkId,
          evidence: record.reference,
          evidenceVersion: record.version,
          start: input.start ?? null,
          end: input.end ?? null,
          stance: input.stance,
          note: input.note ?? null,
        },
      });
      return { id: linkId };
    });
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('ALREADY_EXISTS', {
        message: `${record.reference} is already linked to “${line.title}” for that passage.`,
      });
    throw err;
  }
}
