// Calibration exercises: all of them for their organisers, the ones an inspector was invited to
// for them (with whether they have submitted).
import { listExercises as listAll } from '../../data/repositories/calibration.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface ExerciseSummary {
  id: string;
  title: string;
  region: string | null;
  createdAt: Date;
  vignettes: number;
  invited: number;
  submitted: number;
  /** The viewer's own state, when invited. */
  mine: 'not invited' | 'to rate' | 'submitted';
}

export async function listExercises(ctx: UseCaseContext): Promise<ExerciseSummary[]> {
  const organiser = policies.manageCalibration(ctx.actor);
  const userId = actorUserId(ctx.actor);
  if (!organiser && (ctx.actor.kind !== 'user' || ctx.actor.role !== 'inspector'))
    throw new AppError('NOT_FOUND');
  const all = await listAll(ctx.db, organiser ? null : userId);
  return all.map((e) => {
    const me = e.participants.find((p) => p.userId === userId);
    return {
      id: e.id,
      title: e.title,
      region: e.region,
      createdAt: e.createdAt,
      vignettes: e.vignetteIds.length,
      invited: e.participants.length,
      submitted: e.participants.filter((p) => p.submittedAt).length,
      mine: !me ? 'not invited' : me.submittedAt ? 'submitted' : 'to rate',
    };
  });
}
