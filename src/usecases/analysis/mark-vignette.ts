import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { findVignette, insertVignette } from '../../data/repositories/vignettes.js';
import { cpSlice, spanProblem } from '../../domain/evidence/offsets.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';
import { presentVignette, type VignetteView } from './vignette-view.js';

export const MarkVignetteInput = z.object({
  /** When given, the record must belong to this activity. */
  activityId: z.string().optional(),
  evidenceId: z.string(),
  /** The passage, in code points (end exclusive). */
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** The judgement area it would illustrate (default: the record's first). */
  judgementArea: z.string().max(100).nullish(),
  title: z.string().trim().max(200).nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type MarkVignetteInput = z.input<typeof MarkVignetteInput>;

/**
 * Marks a passage as a candidate illustration for the report and runs the anonymisation check
 * on it (names, dates of birth, addresses, postcodes, phone numbers... with their positions).
 */
export async function markVignette(
  ctx: UseCaseContext,
  raw: MarkVignetteInput,
): Promise<VignetteView> {
  const input = MarkVignetteInput.parse(raw);
  const record = await findEvidence(ctx.db, input.evidenceId);
  if (!record || record.deleted || (input.activityId && record.activityId !== input.activityId))
    throw new AppError('NOT_FOUND');
  const { activity } = await evidenceScope(ctx, record.activityId, 'write');
  const problem = spanProblem(record.text, input.start, input.end);
  if (problem)
    throw new AppError('VALIDATION_FAILED', { details: [{ field: 'end', reason: problem }] });
  const area = input.judgementArea ?? record.judgementAreas[0] ?? null;
  if (area && !judgementAreasOf(activity).some((a) => a.key === area))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'judgementArea',
          value: area,
          reason: `Not a judgement area of ${activity.frameworkId}`,
        },
      ],
    });
  const by = actorRef(ctx.actor);
  const spanText = cpSlice(record.text, input.start, input.end);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const vignetteId = await insertVignette(trx, {
      activityId: activity.id,
      evidenceId: record.id,
      evidenceVersion: record.version,
      start: input.start,
      end: input.end,
      spanText,
      judgementArea: area,
      title: input.title || null,
      note: input.note || null,
      createdBy: by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'vignette.marked',
      entityType: 'vignette',
      entityId: vignetteId,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        evidence: record.reference,
        evidenceVersion: record.version,
        start: input.start,
        end: input.end,
        text: spanText,
        judgementArea: area,
        title: input.title ?? null,
      },
    });
    return vignetteId;
  });
  const saved = await findVignette(ctx.db, id);
  if (!saved) throw new AppError('INTERNAL');
  return presentVignette(saved);
}
