// The steps every study use case shares: who manages studies, loading a study, and the framework
// facts (judgements, grade scale) of one evidence base.
import { findStudy } from '../../data/repositories/reliability.js';
import { policies } from '../../domain/access/policies.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import type { ReliabilityStudy } from '../../domain/reliability/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

/** A study, for the people who manage studies; NOT_FOUND for everyone else (reveals nothing). */
export async function managedStudy(ctx: UseCaseContext, id: string): Promise<ReliabilityStudy> {
  if (!policies.manageReliabilityStudies(ctx.actor)) throw new AppError('NOT_FOUND');
  const study = await findStudy(ctx.db, id);
  if (!study) throw new AppError('NOT_FOUND');
  return study;
}

export interface BaseFramework {
  judgements: { key: string; title: string }[];
  grades: { key: string; label: string; numeric: number }[];
}

/** The judgements an evidence base's activity type grades, and the framework's grade scale. */
export function baseFramework(base: { frameworkId: string; activityType: string }): BaseFramework {
  const fw = frameworkOf(base);
  return {
    judgements: judgementsFor(fw, base.activityType).map((j) => ({ key: j.key, title: j.title })),
    grades: fw.grades.map((g) => ({ key: g.key, label: g.label, numeric: g.numeric })),
  };
}

export const isUuid = (s: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
