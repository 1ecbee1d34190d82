// What the calibration use cases share: the framework facts of a vignette (grades, judgement,
// criteria), and an exercise with the actor's place in it.
import { findExercise, type CalibrationExercise } from '../../data/repositories/calibration.js';
import type { CalibrationVignette } from '../../data/repositories/calibration.js';
import { policies } from '../../domain/access/policies.js';
import type { GradeScale } from '../../domain/calibration/agreement.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface VignetteView {
  id: string;
  title: string;
  body: string;
  frameworkId: string;
  judgementKey: string;
  judgementTitle: string;
  criteria: { key: string; text: string }[];
  /** Only where the viewer may see it (the bank's keepers; invited inspectors once submitted). */
  referenceGrade: { key: string; label: string } | null;
  panelNote: string | null;
  recordedBy: string | null;
}

export function scaleOf(frameworkId: string): GradeScale[] {
  const fw = frameworkRegistry().get(frameworkId);
  if (!fw) throw new AppError('INTERNAL', { message: `Unknown framework ${frameworkId}` });
  return fw.grades.map((g) => ({ key: g.key, label: g.label }));
}

export function presentVignette(v: CalibrationVignette, showReference: boolean): VignetteView {
  const fw = frameworkRegistry().get(v.frameworkId);
  const judgement = fw?.judgements.find((j) => j.key === v.judgementKey);
  const criteria = fw ? criteriaOf(fw, v.judgementKey) : [];
  const grade = fw?.grades.find((g) => g.key === v.referenceGrade);
  return {
    id: v.id,
    title: v.title,
    body: v.body,
    frameworkId: v.frameworkId,
    judgementKey: v.judgementKey,
    judgementTitle: judgement?.title ?? v.judgementKey,
    criteria: v.criteria.map((k) => ({
      key: k,
      text: criteria.find((c) => c.key === k)?.text ?? k,
    })),
    referenceGrade: showReference
      ? { key: v.referenceGrade, label: grade?.label ?? v.referenceGrade }
      : null,
    panelNote: showReference ? v.panelNote : null,
    recordedBy: showReference ? v.recordedBy : null,
  };
}

export interface ExerciseScope {
  exercise: CalibrationExercise;
  organiser: boolean;
  /** The actor's place among the invited, if invited. */
  participant: CalibrationExercise['participants'][number] | null;
}

/** The exercise, if the actor may see it (NOT_FOUND otherwise). */
export async function exerciseScope(
  ctx: UseCaseContext,
  exerciseId: string,
): Promise<ExerciseScope> {
  const exercise = await findExercise(ctx.db, exerciseId);
  if (!exercise) throw new AppError('NOT_FOUND');
  const participant =
    ctx.actor.kind === 'user'
      ? (exercise.participants.find((p) => p.userId === (ctx.actor as { userId: string }).userId) ??
        null)
      : null;
  if (!policies.viewCalibrationExercise(ctx.actor, participant !== null))
    throw new AppError('NOT_FOUND');
  return { exercise, organiser: policies.manageCalibration(ctx.actor), participant };
}
