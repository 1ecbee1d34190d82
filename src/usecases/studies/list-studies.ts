// The national team's list of reliability studies, and the published inspections a new study may
// pick from.
import {
  listPublishedActivities,
  listStudies as listStudyRows,
  type PublishedActivityChoice,
} from '../../data/repositories/reliability.js';
import { policies } from '../../domain/access/policies.js';
import type { ReliabilityStudy } from '../../domain/reliability/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface StudyList {
  studies: (ReliabilityStudy & { bases: number; pairs: number; recorded: number })[];
  published: PublishedActivityChoice[];
}

export async function listStudies(ctx: UseCaseContext): Promise<StudyList> {
  if (!policies.manageReliabilityStudies(ctx.actor)) throw new AppError('NOT_FOUND');
  const [studies, published] = await Promise.all([
    listStudyRows(ctx.db),
    listPublishedActivities(ctx.db),
  ]);
  return { studies, published };
}
