import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import type { PersonRef } from '../../data/repositories/evidence.js';
import {
  findVignette,
  updateVignetteIfVersion,
  type Vignette,
} from '../../data/repositories/vignettes.js';
import { findingLabels } from '../../domain/analysis/anonymisation.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { whenText } from '../../domain/calendar/format.js';
import { presentVignette, type VignetteView } from './vignette-view.js';
import { now } from '../../clock.js';

export const UpdateVignetteInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  vignetteId: z.string(),
  expectedVersion: z.number().int().min(1),
  status: z.enum(['candidate', 'selected', 'rejected']).optional(),
  title: z.string().trim().max(200).nullable().optional(),
  /** The wording for the report, without identifying details; null goes back to the passage. */
  reportText: z.string().trim().max(20_000).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  /** A person confirms the wording that will be published identifies nobody. */
  confirmAnonymised: z.boolean().optional(),
  /** Confirms despite the check's findings (each was looked at and identifies nobody). */
  acknowledgeFindings: z.boolean().optional(),
});
export type UpdateVignetteInput = z.input<typeof UpdateVignetteInput>;

/**
 * Changes a vignette. Selecting it for the report needs the wording confirmed as anonymised; a
 * confirmation with findings of high confidence needs them acknowledged; changing the wording
 * makes the confirmation lapse.
 */
export async function updateVignette(
  ctx: UseCaseContext,
  raw: UpdateVignetteInput,
): Promise<VignetteView> {
  const input = UpdateVignetteInput.parse(raw);
  const found = foundInActivity(await findVignette(ctx.db, input.vignetteId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  if (found.version !== input.expectedVersion)
    throw new AppError('CONFLICT', {
      message: `The vignette from ${found.reference} was changed at ${whenText(found.updatedAt)} (now version ${found.version}). Reload it and try again.`,
    });
  const reportText = input.reportText === undefined ? found.reportText : input.reportText || null;
  const wordingChanged = reportText !== found.reportText;
  const next = presentVignette({ ...found, reportText });
  const anonymised = anonymisedAfter(input, found, next, wordingChanged, actorRef(ctx.actor));
  const status = input.status ?? found.status;
  if (status === 'selected' && !anonymised)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'status',
          reason: 'Confirm the wording is anonymised before selecting it for the report',
        },
      ],
    });
  const after = {
    status,
    title: input.title === undefined ? found.title : input.title || null,
    reportText,
    note: input.note === undefined ? found.note : input.note || null,
    anonymisedBy: anonymised?.by.label ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateVignetteIfVersion(trx, found.id, found.version, {
      status: after.status,
      title: after.title,
      reportText: after.reportText,
      note: after.note,
      anonymised,
    });
    if (!updated)
      throw new AppError('CONFLICT', {
        message: 'Someone changed this vignette at the same moment. Reload it and try again.',
      });
    await writeAudit(trx, ctx.actor, {
      action: 'vignette.updated',
      entityType: 'vignette',
      entityId: found.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        status: found.status,
        title: found.title,
        reportText: found.reportText,
        note: found.note,
        anonymisedBy: found.anonymised?.by.label ?? null,
      },
      after: {
        ...after,
        ...(input.acknowledgeFindings
          ? { acknowledgedFindings: next.anonymisation.findings.map((f) => f.text) }
          : {}),
      },
    });
  });
  const saved = await findVignette(ctx.db, found.id);
  if (!saved) throw new AppError('INTERNAL');
  return presentVignette(saved);
}

/** Who confirmed the wording is anonymised after the change (a changed wording lapses it). */
function anonymisedAfter(
  input: z.output<typeof UpdateVignetteInput>,
  found: Vignette,
  next: VignetteView,
  wordingChanged: boolean,
  by: PersonRef,
): Vignette['anonymised'] {
  if (input.confirmAnonymised) {
    const high = next.anonymisation.findings.filter((f) => f.confidence === 'high');
    if (high.length > 0 && !input.acknowledgeFindings)
      throw new AppError('VALIDATION_FAILED', {
        message:
          'The wording may identify someone: rewrite it (reportText), or acknowledge each finding if it identifies nobody.',
        details: high.map((f) => ({
          field: next.anonymisation.checked,
          value: f.text,
          reason: `${findingLabels[f.kind]} at ${f.start}-${f.end}: ${f.reason}`,
        })),
      });
    return { by, at: now() };
  }
  if (input.confirmAnonymised === false) return null;
  return wordingChanged ? null : found.anonymised;
}
