// Dating a calibration exercise in the past: the demo seeds today an exercise run months ago, so
// its invitations, ratings, submissions and notes carry that day (the national view over time).
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export async function dateExercise(db: Kysely<DB>, exerciseId: string, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('calibration_exercises')
      .set({ created_at: at })
      .where('id', '=', exerciseId)
      .execute();
    await trx
      .updateTable('calibration_participants')
      .set({ invited_at: at })
      .where('exercise_id', '=', exerciseId)
      .execute();
    await trx
      .updateTable('calibration_participants')
      .set({ submitted_at: at })
      .where('exercise_id', '=', exerciseId)
      .where('submitted_at', 'is not', null)
      .execute();
    await trx
      .updateTable('calibration_ratings')
      .set({ rated_at: at })
      .where('exercise_id', '=', exerciseId)
      .execute();
    await trx
      .updateTable('calibration_notes')
      .set({ created_at: at })
      .where('exercise_id', '=', exerciseId)
      .execute();
  });
}
