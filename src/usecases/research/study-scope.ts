// Finding a study the actor may read (NOT_FOUND otherwise). Shared by the study use cases.
import { findStudy, type Study } from '../../data/repositories/research-studies.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function studyFor(ctx: UseCaseContext, id: string): Promise<Study> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  const study = await findStudy(ctx.db, id);
  if (!study || !policies.viewResearchStudy(ctx.actor, study)) throw new AppError('NOT_FOUND');
  return study;
}
