// What if: a saved plan solved again with an inspector on long leave between two dates, or an LA's
// risk level changed (raised). The transform is saved with the new run, which records its parent.
import { z } from 'zod';
import { addDays } from '../../domain/programme/instance.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { inspectorInRun, laInRun, weekInRun } from './find-in-run.js';
import { parse, readRunToResolve, resolveFrom, type SavedSolve } from './saved-runs.js';
import type { ProgrammeProgress } from './solve-programme.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');

export const WhatIfProgrammeRunInput = z
  .object({
    runId: z.string().min(1),
    leave: z
      .array(z.object({ inspector: z.string().trim().min(1), from: isoDate, to: isoDate }))
      .default([]),
    risk: z
      .array(z.object({ la: z.string().trim().min(1), level: z.enum(['low', 'medium', 'high']) }))
      .default([]),
    timeLimitSeconds: z.coerce.number().min(1).max(600).optional(),
  })
  .refine((i) => i.leave.length + i.risk.length > 0, {
    message: 'Ask a what-if: an inspector’s leave or an LA’s risk level',
    path: ['leave'],
  });

export async function whatIfProgrammeRun(
  ctx: UseCaseContext,
  raw: z.input<typeof WhatIfProgrammeRunInput>,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SavedSolve> {
  const input = parse(WhatIfProgrammeRunInput, raw);
  const view = await readRunToResolve(ctx, input.runId);
  const longLeave = [];
  for (const l of input.leave) {
    if (l.to < l.from)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: 'leave', value: `${l.from}:${l.to}`, reason: 'The leave ends before it starts' },
        ],
      });
    const inspectorId = await inspectorInRun(ctx, view, l.inspector, 'leave');
    const from = l.from < view.run.start ? view.run.start : l.from;
    const fromWeek = weekInRun(view, from, 'leave');
    const toWeek = Math.min(view.run.weeks - 1, Math.max(fromWeek, weekInRunOrEnd(view, l.to)));
    longLeave.push({ inspectorId, fromWeek, weeks: toWeek - fromWeek + 1 });
  }
  const riskLevel = input.risk.map((r) => ({ laId: laInRun(view, r.la), level: r.level }));
  return resolveFrom(
    ctx,
    view,
    { timeLimitSeconds: input.timeLimitSeconds, whatIf: { longLeave, riskLevel } },
    onProgress,
  );
}

/** The week of a date, or the last week when it falls after the horizon. */
function weekInRunOrEnd(view: Parameters<typeof weekInRun>[0], date: string): number {
  const last = addDays(view.run.start, 7 * view.run.weeks - 1);
  return weekInRun(view, date > last ? last : date, 'leave');
}
