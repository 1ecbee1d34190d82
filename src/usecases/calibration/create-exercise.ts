// Sets up a calibration exercise: a set of vignettes from the bank (one grade scale) and the
// inspectors invited to rate them blind, each counted under a region in the national figures
// (the one given with the invitation, else their account's, else the exercise's).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findVignettes, insertExercise } from '../../data/repositories/calibration.js';
import { findUserByEmail, findUserById } from '../../data/repositories/users.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { scaleOf } from './calibration-scope.js';

export const CreateExerciseInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200),
  region: z.enum(ofstedRegions).nullish(),
  vignetteIds: z.array(z.string()).min(1, 'Choose at least one vignette').max(50),
  /** Inspectors by e-mail address or account id, each with an optional region of their own. */
  inspectors: z
    .array(z.object({ user: z.string().trim().min(1), region: z.enum(ofstedRegions).nullish() }))
    .min(2, 'Invite at least two inspectors')
    .max(200),
});
export type CreateExerciseInput = z.input<typeof CreateExerciseInput>;

const accountRegion = (r: string | null) =>
  r && (ofstedRegions as readonly string[]).includes(r) ? r : null;

export async function createExercise(
  ctx: UseCaseContext,
  raw: CreateExerciseInput,
): Promise<{ id: string }> {
  if (!policies.manageCalibration(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = CreateExerciseInput.parse(raw);
  const problems: ErrorDetail[] = [];
  const ids = [...new Set(input.vignetteIds)];
  const vignettes = await findVignettes(ctx.db, ids);
  for (const id of ids)
    if (!vignettes.some((v) => v.id === id && !v.retired))
      problems.push({ field: 'vignetteIds', value: id, reason: 'not a vignette in the bank' });
  const scales = new Set(
    vignettes.map((v) => JSON.stringify(scaleOf(v.frameworkId).map((g) => g.key))),
  );
  if (scales.size > 1)
    problems.push({ field: 'vignetteIds', reason: 'Choose vignettes rated on one grade scale' });
  const participants: { userId: string; label: string; region: string | null }[] = [];
  for (const invite of input.inspectors) {
    const user = invite.user.includes('@')
      ? await findUserByEmail(ctx.db, invite.user)
      : await findUserById(ctx.db, invite.user);
    if (!user || user.role !== 'inspector' || user.disabled) {
      problems.push({
        field: 'inspectors',
        value: invite.user,
        reason: 'not an inspector’s account',
      });
      continue;
    }
    if (participants.some((p) => p.userId === user.id)) continue;
    participants.push({
      userId: user.id,
      label: user.displayName,
      region: invite.region ?? accountRegion(user.region) ?? input.region ?? null,
    });
  }
  if (problems.length === 0 && participants.length < 2)
    problems.push({ field: 'inspectors', reason: 'Invite at least two inspectors' });
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', { message: problems[0]!.reason, details: problems });
  const ordered = ids.map((id) => vignettes.find((v) => v.id === id)!.id);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertExercise(
      trx,
      { title: input.title, region: input.region ?? null, vignetteIds: ordered },
      participants,
      { id: actorUserId(ctx.actor), label: actorLabel(ctx.actor) },
    );
    await writeAudit(trx, ctx.actor, {
      action: 'calibration.exercise_created',
      entityType: 'calibration_exercise',
      entityId: id,
      after: {
        title: input.title,
        region: input.region ?? null,
        vignettes: ordered.length,
        inspectors: participants.map((p) => p.label),
      },
    });
    return { id };
  });
}
