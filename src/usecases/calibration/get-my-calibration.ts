// An inspector's own agreement with the reference grades, exercise by exercise over time: theirs
// alone (nobody else, national staff included, sees a named person's figures).
import { listSubmittedRatings } from '../../data/repositories/calibration.js';
import {
  agreementWithReference,
  type ReferenceAgreement,
} from '../../domain/calibration/agreement.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { scaleOf } from './calibration-scope.js';

export interface MyCalibration {
  exercises: {
    exerciseId: string;
    title: string;
    submittedAt: Date;
    agreement: ReferenceAgreement;
  }[];
  overall: ReferenceAgreement | null;
}

export async function getMyCalibration(ctx: UseCaseContext): Promise<MyCalibration> {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'inspector') throw new AppError('NOT_FOUND');
  const rows = await listSubmittedRatings(ctx.db, ctx.actor.userId);
  const byExercise = new Map<string, typeof rows>();
  for (const r of rows) byExercise.set(r.exerciseId, [...(byExercise.get(r.exerciseId) ?? []), r]);
  const toRated = (list: typeof rows) =>
    list.map((r) => ({
      vignetteId: r.vignetteId,
      inspectorId: r.userId,
      grade: r.grade,
      reference: r.reference,
    }));
  const scale = rows.length > 0 ? scaleOf(rows[0]!.frameworkId) : [];
  return {
    exercises: [...byExercise.values()].map((list) => ({
      exerciseId: list[0]!.exerciseId,
      title: list[0]!.exerciseTitle,
      submittedAt: list[0]!.submittedAt,
      agreement: agreementWithReference(toRated(list), scale, { resamples: 500 }),
    })),
    overall:
      rows.length > 0 ? agreementWithReference(toRated(rows), scale, { resamples: 1000 }) : null,
  };
}
