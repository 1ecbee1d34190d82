// The vignette bank and calibration exercises: vignettes with their reference grades, exercises
// with their vignettes and invited inspectors, blind ratings and discussion notes.
import type { Kysely, Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CalibrationVignette {
  id: string;
  title: string;
  body: string;
  frameworkId: string;
  judgementKey: string;
  criteria: string[];
  referenceGrade: string;
  panelNote: string;
  recordedBy: string;
  recordedAt: Date;
  retired: boolean;
}

export interface NewVignette {
  title: string;
  body: string;
  frameworkId: string;
  judgementKey: string;
  criteria: string[];
  referenceGrade: string;
  panelNote: string;
}

export interface CalibrationExercise {
  id: string;
  title: string;
  region: string | null;
  createdBy: string;
  createdAt: Date;
  vignetteIds: string[];
  participants: CalibrationParticipant[];
}

export interface CalibrationParticipant {
  userId: string;
  label: string;
  region: string | null;
  submittedAt: Date | null;
}

export interface CalibrationRating {
  exerciseId: string;
  vignetteId: string;
  userId: string;
  grade: string;
  rationale: string;
  ratedAt: Date;
}

export interface CalibrationNote {
  id: string;
  vignetteId: string;
  author: string;
  note: string;
  createdAt: Date;
}

const vignetteOf = (r: {
  id: string;
  title: string;
  body: string;
  framework_id: string;
  judgement_key: string;
  criteria: string[];
  reference_grade: string;
  panel_note: string;
  recorded_by_label: string;
  recorded_at: Date;
  retired_at: Date | null;
}): CalibrationVignette => ({
  id: r.id,
  title: r.title,
  body: r.body,
  frameworkId: r.framework_id,
  judgementKey: r.judgement_key,
  criteria: r.criteria,
  referenceGrade: r.reference_grade,
  panelNote: r.panel_note,
  recordedBy: r.recorded_by_label,
  recordedAt: r.recorded_at,
  retired: r.retired_at !== null,
});

export async function insertVignette(
  trx: Transaction<DB>,
  v: NewVignette,
  by: { id: string | null; label: string },
): Promise<CalibrationVignette> {
  const row = await trx
    .insertInto('calibration_vignettes')
    .values({
      title: v.title,
      body: v.body,
      framework_id: v.frameworkId,
      judgement_key: v.judgementKey,
      criteria: v.criteria,
      reference_grade: v.referenceGrade,
      panel_note: v.panelNote,
      recorded_by: by.id,
      recorded_by_label: by.label,
      recorded_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return vignetteOf(row);
}

export async function listVignettes(db: Db): Promise<CalibrationVignette[]> {
  const rows = await db
    .selectFrom('calibration_vignettes')
    .selectAll()
    .orderBy('recorded_at')
    .orderBy('title')
    .execute();
  return rows.map(vignetteOf);
}

/** Takes a vignette out of the bank (kept for past exercises); null if none, or already retired. */
export async function retireVignette(
  trx: Transaction<DB>,
  id: string,
): Promise<CalibrationVignette | null> {
  if (!isUuid(id)) return null;
  const row = await trx
    .updateTable('calibration_vignettes')
    .set({ retired_at: now() })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? vignetteOf(row) : null;
}

export async function findVignettes(db: Db, ids: string[]): Promise<CalibrationVignette[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db
    .selectFrom('calibration_vignettes')
    .selectAll()
    .where('id', 'in', valid)
    .execute();
  return rows.map(vignetteOf);
}

export async function insertExercise(
  trx: Transaction<DB>,
  e: { title: string; region: string | null; vignetteIds: string[] },
  participants: { userId: string; label: string; region: string | null }[],
  by: { id: string | null; label: string },
): Promise<string> {
  const row = await trx
    .insertInto('calibration_exercises')
    .values({
      title: e.title,
      region: e.region,
      created_by: by.id,
      created_by_label: by.label,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('calibration_exercise_vignettes')
    .values(e.vignetteIds.map((v, i) => ({ exercise_id: row.id, vignette_id: v, position: i + 1 })))
    .execute();
  await trx
    .insertInto('calibration_participants')
    .values(
      participants.map((p) => ({
        exercise_id: row.id,
        user_id: p.userId,
        user_label: p.label,
        region: p.region,
        invited_at: now(),
      })),
    )
    .execute();
  return row.id;
}

async function exercisesWhere(db: Db, ids: string[] | null): Promise<CalibrationExercise[]> {
  let q = db.selectFrom('calibration_exercises').selectAll();
  if (ids) {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    q = q.where('id', 'in', valid);
  }
  const rows = await q.orderBy('created_at', 'desc').execute();
  if (rows.length === 0) return [];
  const exIds = rows.map((r) => r.id);
  const [vignettes, participants] = await Promise.all([
    db
      .selectFrom('calibration_exercise_vignettes')
      .selectAll()
      .where('exercise_id', 'in', exIds)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('calibration_participants')
      .selectAll()
      .where('exercise_id', 'in', exIds)
      .orderBy('user_label')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    region: r.region,
    createdBy: r.created_by_label,
    createdAt: r.created_at,
    vignetteIds: vignettes.filter((v) => v.exercise_id === r.id).map((v) => v.vignette_id),
    participants: participants
      .filter((p) => p.exercise_id === r.id)
      .map((p) => ({
        userId: p.user_id,
        label: p.user_label,
        region: p.region,
        submittedAt: p.submitted_at,
      })),
  }));
}

export async function findExercise(db: Db, id: string): Promise<CalibrationExercise | null> {
  const [found] = await exercisesWhere(db, [id]);
  return found ?? null;
}

/** Every exercise (newest first), or only those the user was invited to. */
export async function listExercises(
  db: Db,
  invitedUserId: string | null,
): Promise<CalibrationExercise[]> {
  if (invitedUserId === null) return exercisesWhere(db, null);
  const rows = await db
    .selectFrom('calibration_participants')
    .select('exercise_id')
    .where('user_id', '=', invitedUserId)
    .execute();
  return exercisesWhere(
    db,
    rows.map((r) => r.exercise_id),
  );
}

/** Ratings of an exercise; of one user only when `userId` is given. */
export async function listRatings(
  db: Db,
  exerciseIds: string[],
  userId?: string,
): Promise<CalibrationRating[]> {
  if (exerciseIds.length === 0) return [];
  let q = db.selectFrom('calibration_ratings').selectAll().where('exercise_id', 'in', exerciseIds);
  if (userId) q = q.where('user_id', '=', userId);
  const rows = await q.orderBy('rated_at').execute();
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    vignetteId: r.vignette_id,
    userId: r.user_id,
    grade: r.grade,
    rationale: r.rationale,
    ratedAt: r.rated_at,
  }));
}

/** Records or replaces one's rating of a vignette; returns the previous grade. */
export async function upsertRating(
  trx: Transaction<DB>,
  r: { exerciseId: string; vignetteId: string; userId: string; grade: string; rationale: string },
): Promise<string | null> {
  const previous = await trx
    .selectFrom('calibration_ratings')
    .select('grade')
    .where('exercise_id', '=', r.exerciseId)
    .where('vignette_id', '=', r.vignetteId)
    .where('user_id', '=', r.userId)
    .forUpdate()
    .executeTakeFirst();
  await trx
    .insertInto('calibration_ratings')
    .values({
      exercise_id: r.exerciseId,
      vignette_id: r.vignetteId,
      user_id: r.userId,
      grade: r.grade,
      rationale: r.rationale,
      rated_at: now(),
    })
    .onConflict((oc) =>
      oc.columns(['exercise_id', 'vignette_id', 'user_id']).doUpdateSet({
        grade: r.grade,
        rationale: r.rationale,
        rated_at: now(),
      }),
    )
    .execute();
  return previous?.grade ?? null;
}

/** Marks a participant's ratings submitted; false when they had already submitted. */
export async function markSubmitted(
  trx: Transaction<DB>,
  exerciseId: string,
  userId: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('calibration_participants')
    .set({ submitted_at: now() })
    .where('exercise_id', '=', exerciseId)
    .where('user_id', '=', userId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function insertNote(
  trx: Transaction<DB>,
  n: { exerciseId: string; vignetteId: string; note: string },
  by: { id: string | null; label: string },
): Promise<string> {
  const row = await trx
    .insertInto('calibration_notes')
    .values({
      exercise_id: n.exerciseId,
      vignette_id: n.vignetteId,
      note: n.note,
      author_id: by.id,
      author_label: by.label,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listNotes(db: Db, exerciseId: string): Promise<CalibrationNote[]> {
  const rows = await db
    .selectFrom('calibration_notes')
    .selectAll()
    .where('exercise_id', '=', exerciseId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    vignetteId: r.vignette_id,
    author: r.author_label,
    note: r.note,
    createdAt: r.created_at,
  }));
}

export interface SubmittedRating {
  exerciseId: string;
  exerciseTitle: string;
  exerciseCreatedAt: Date;
  submittedAt: Date;
  region: string | null;
  vignetteId: string;
  frameworkId: string;
  userId: string;
  grade: string;
  reference: string;
}

/** Submitted ratings with their vignettes' reference grades: everyone's, or one inspector's. */
export async function listSubmittedRatings(
  db: Db,
  userId: string | null,
): Promise<SubmittedRating[]> {
  let q = db
    .selectFrom('calibration_ratings as r')
    .innerJoin('calibration_participants as p', (j) =>
      j.onRef('p.exercise_id', '=', 'r.exercise_id').onRef('p.user_id', '=', 'r.user_id'),
    )
    .innerJoin('calibration_exercises as e', 'e.id', 'r.exercise_id')
    .innerJoin('calibration_vignettes as v', 'v.id', 'r.vignette_id')
    .select([
      'r.exercise_id',
      'e.title',
      'e.created_at',
      'p.submitted_at',
      'p.region',
      'r.vignette_id',
      'v.framework_id',
      'r.user_id',
      'r.grade',
      'v.reference_grade',
    ])
    .where('p.submitted_at', 'is not', null);
  if (userId !== null) q = q.where('r.user_id', '=', userId);
  const rows = await q.orderBy('p.submitted_at').orderBy('r.exercise_id').execute();
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    exerciseTitle: r.title,
    exerciseCreatedAt: r.created_at,
    submittedAt: r.submitted_at!,
    region: r.region,
    vignetteId: r.vignette_id,
    frameworkId: r.framework_id,
    userId: r.user_id,
    grade: r.grade,
    reference: r.reference_grade,
  }));
}
