// Pins part of a saved plan (an LA's activity to the week of a date, and/or inspectors or a lead
// on its team) and solves again with the pins: the new run records the one it started from.
import { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { inspectorInRun, laInRun, weekInRun } from './find-in-run.js';
import { parse, readRunToResolve, resolveFrom, type SavedSolve } from './saved-runs.js';
import type { ProgrammeProgress } from './solve-programme.js';
import { AppError } from '../../errors.js';

export const PinProgrammeRunInput = z
  .object({
    runId: z.string().min(1),
    /** The LA, by id or name. */
    la: z.string().trim().min(1),
    /** Which of its activities (needed only when the run places more than one type there). */
    activityType: z.string().trim().min(1).optional(),
    /** A date in the week the activity must start in. */
    week: z.string().trim().optional(),
    /** Inspectors (id or e-mail) who must be on its team. */
    inspectors: z.array(z.string().trim().min(1)).default([]),
    /** The inspector (id or e-mail) who must lead it (lead-qualified). */
    lead: z.string().trim().min(1).optional(),
    timeLimitSeconds: z.coerce.number().min(1).max(600).optional(),
  })
  .refine((i) => i.week || i.inspectors.length > 0 || i.lead, {
    message: 'Pin a week, an inspector or a lead',
    path: ['week'],
  });

export async function pinProgrammeRun(
  ctx: UseCaseContext,
  raw: z.input<typeof PinProgrammeRunInput>,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SavedSolve> {
  const input = parse(PinProgrammeRunInput, raw);
  const view = await readRunToResolve(ctx, input.runId);
  const laId = laInRun(view, input.la);
  const types = [
    ...new Set(view.placements.filter((p) => p.laId === laId).map((p) => p.activityType)),
  ];
  const activityType = input.activityType ?? (types.length === 1 ? types[0] : undefined);
  if (!activityType || !types.includes(activityType))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'activityType',
          value: input.activityType ?? '',
          reason: `Name the activity: ${types.join(', ')}`,
        },
      ],
    });
  const week = input.week ? weekInRun(view, input.week) : undefined;
  const ids: string[] = [];
  for (const v of input.inspectors) ids.push(await inspectorInRun(ctx, view, v));
  const lead = input.lead ? await inspectorInRun(ctx, view, input.lead, 'lead') : undefined;
  if (lead && !ids.includes(lead)) ids.push(lead);
  if (lead && !view.run.options.rosterFromProfiles) {
    const who = view.run.options.inspectors.find((i) => i.id === lead);
    if (!who?.leadQualified)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: 'lead', value: input.lead, reason: 'This inspector is not lead-qualified' },
        ],
      });
  }
  return resolveFrom(
    ctx,
    view,
    {
      timeLimitSeconds: input.timeLimitSeconds,
      pins: [
        {
          laId,
          activityType,
          ...(week !== undefined ? { week } : {}),
          ...(ids.length > 0 ? { inspectorIds: ids } : {}),
        },
      ],
      leadPins: lead ? [{ laId, activityType, inspectorId: lead }] : [],
    },
    onProgress,
  );
}
