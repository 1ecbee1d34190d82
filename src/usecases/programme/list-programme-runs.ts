// Saved plan runs, newest first: of a region (or England) for whoever may plan it; of every
// region for national staff and admins when none is named.
import { z } from 'zod';
import {
  listProgrammeRuns as selectProgrammeRuns,
  type ProgrammeRunRecord,
} from '../../data/repositories/programme.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { parse } from './saved-runs.js';
import { resolveRegion } from './solve-programme.js';

export const ListProgrammeRunsInput = z.object({ region: z.string().trim().min(1).optional() });

export type ProgrammeRunListed = Omit<ProgrammeRunRecord, 'options' | 'summary'> & {
  pins: number;
  whatIfs: number;
};

export async function listProgrammeRuns(
  ctx: UseCaseContext,
  raw: z.input<typeof ListProgrammeRunsInput>,
): Promise<ProgrammeRunListed[]> {
  const input = parse(ListProgrammeRunsInput, raw);
  const region = input.region ? (resolveRegion(input.region) ?? 'England') : undefined;
  // Without a region: every region's runs, for those who may plan England (national, admins).
  const scope = region === undefined || region === 'England' ? null : region;
  if (!policies.viewProgrammeRuns(ctx.actor, scope)) throw new AppError('NOT_FOUND');
  const runs = await selectProgrammeRuns(ctx.db, region ? { region } : {});
  return runs.map(({ options, summary: _summary, ...r }) => {
    const o = options as {
      pins?: unknown[];
      whatIf?: { longLeave?: unknown[]; riskLevel?: unknown[] };
    };
    return {
      ...r,
      pins: o.pins?.length ?? 0,
      whatIfs: (o.whatIf?.longLeave?.length ?? 0) + (o.whatIf?.riskLevel?.length ?? 0),
    };
  });
}
