// One calibration exercise as the viewer may see it. Blind until submitted: an invited inspector
// sees the vignettes and their own ratings only; once they have submitted (and for organisers)
// the reference grades, the spread of submitted ratings (counts, never names), the agreement
// between inspectors and the discussion notes are shown.
import { z } from 'zod';
import { findVignettes, listNotes, listRatings } from '../../data/repositories/calibration.js';
import {
  agreementBetweenInspectors,
  agreementWithReference,
  gradeSpread,
  type BetweenInspectors,
  type GradeScale,
  type GradeSpread,
  type ReferenceAgreement,
} from '../../domain/calibration/agreement.js';
import type { UseCaseContext } from '../context.js';
import { exerciseScope, presentVignette, scaleOf, type VignetteView } from './calibration-scope.js';

export const GetExerciseInput = z.object({ exerciseId: z.string() });

export interface ExerciseVignette extends VignetteView {
  position: number;
  myRating: { grade: string; label: string; rationale: string } | null;
  spread: GradeSpread[] | null;
  notes: { author: string; note: string; createdAt: Date }[] | null;
}

export interface ExerciseView {
  id: string;
  title: string;
  region: string | null;
  createdAt: Date;
  createdBy: string;
  scale: GradeScale[];
  viewer: { organiser: boolean; invited: boolean; submitted: boolean; ratedAll: boolean };
  /** The reference grades, spread and notes are shown. */
  revealed: boolean;
  invited: number;
  submitted: number;
  /** Who has submitted (not what they gave): organisers only. */
  participants: { label: string; region: string | null; submitted: boolean }[] | null;
  vignettes: ExerciseVignette[];
  between: BetweenInspectors | null;
  myAgreement: ReferenceAgreement | null;
}

export async function getExercise(
  ctx: UseCaseContext,
  raw: z.input<typeof GetExerciseInput>,
): Promise<ExerciseView> {
  const input = GetExerciseInput.parse(raw);
  const { exercise, organiser, participant } = await exerciseScope(ctx, input.exerciseId);
  const submittedIds = exercise.participants.filter((p) => p.submittedAt).map((p) => p.userId);
  const revealed = organiser || participant?.submittedAt != null;
  const bank = await findVignettes(ctx.db, exercise.vignetteIds);
  const vignettes = exercise.vignetteIds.map((id) => bank.find((v) => v.id === id)!);
  const scale = scaleOf(vignettes[0]!.frameworkId);
  const label = (key: string) => scale.find((g) => g.key === key)?.label ?? key;
  const ratings = revealed
    ? await listRatings(ctx.db, [exercise.id])
    : participant
      ? await listRatings(ctx.db, [exercise.id], participant.userId)
      : [];
  const notes = revealed ? await listNotes(ctx.db, exercise.id) : [];
  const submittedRatings = ratings.filter((r) => submittedIds.includes(r.userId));
  const mine = participant ? ratings.filter((r) => r.userId === participant.userId) : [];
  const gradeOf = (v: string, u: string) =>
    submittedRatings.find((r) => r.vignetteId === v && r.userId === u)?.grade ?? null;
  return {
    id: exercise.id,
    title: exercise.title,
    region: exercise.region,
    createdAt: exercise.createdAt,
    createdBy: exercise.createdBy,
    scale,
    viewer: {
      organiser,
      invited: participant !== null,
      submitted: participant?.submittedAt != null,
      ratedAll: participant !== null && mine.length === vignettes.length,
    },
    revealed,
    invited: exercise.participants.length,
    submitted: submittedIds.length,
    participants: organiser
      ? exercise.participants.map((p) => ({
          label: p.label,
          region: p.region,
          submitted: p.submittedAt !== null,
        }))
      : null,
    vignettes: vignettes.map((v, i) => {
      const my = mine.find((r) => r.vignetteId === v.id);
      return {
        ...presentVignette(v, revealed),
        position: i + 1,
        myRating: my ? { grade: my.grade, label: label(my.grade), rationale: my.rationale } : null,
        spread: revealed
          ? gradeSpread(
              submittedRatings.filter((r) => r.vignetteId === v.id).map((r) => r.grade),
              scale,
              v.referenceGrade,
            )
          : null,
        notes: revealed
          ? notes
              .filter((n) => n.vignetteId === v.id)
              .map((n) => ({ author: n.author, note: n.note, createdAt: n.createdAt }))
          : null,
      };
    }),
    between:
      revealed && submittedIds.length >= 2
        ? agreementBetweenInspectors(exercise.vignetteIds, submittedIds, gradeOf, scale, {
            resamples: 500,
          })
        : null,
    myAgreement:
      participant?.submittedAt != null
        ? agreementWithReference(
            mine.map((r) => ({
              vignetteId: r.vignetteId,
              inspectorId: r.userId,
              grade: r.grade,
              reference: vignettes.find((v) => v.id === r.vignetteId)!.referenceGrade,
            })),
            scale,
            { resamples: 500 },
          )
        : null,
  };
}
