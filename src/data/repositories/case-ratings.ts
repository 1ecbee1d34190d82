// Case-level ratings: one per sampled case, judgement area and inspector.
import type { Kysely, Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CaseRating {
  id: string;
  sampleCaseId: string;
  judgementKey: string;
  raterId: string;
  raterLabel: string;
  grade: string;
  criteriaMet: string[];
  criteriaNotMet: string[];
  note: string;
  ratedAt: Date;
}

export interface CaseRatingInput {
  sampleCaseId: string;
  judgementKey: string;
  grade: string;
  criteriaMet: string[];
  criteriaNotMet: string[];
  note: string;
}

/** Every rating of the activity's cases, in case, area and inspector order. */
export async function listCaseRatings(db: Db, activityId: string): Promise<CaseRating[]> {
  const rows = await db
    .selectFrom('case_ratings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('sample_case_id')
    .orderBy('judgement_key')
    .orderBy('rater_label')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sampleCaseId: r.sample_case_id,
    judgementKey: r.judgement_key,
    raterId: r.rater_id,
    raterLabel: r.rater_label,
    grade: r.grade,
    criteriaMet: r.criteria_met,
    criteriaNotMet: r.criteria_not_met,
    note: r.note,
    ratedAt: r.rated_at,
  }));
}

/** Records (or replaces) the inspector's rating of the case for the area; returns the previous grade. */
export async function upsertCaseRating(
  trx: Transaction<DB>,
  activityId: string,
  input: CaseRatingInput,
  rater: { id: string; label: string },
): Promise<{ id: string; previousGrade: string | null }> {
  const previous = await trx
    .selectFrom('case_ratings')
    .select(['id', 'grade'])
    .where('sample_case_id', '=', input.sampleCaseId)
    .where('judgement_key', '=', input.judgementKey)
    .where('rater_id', '=', rater.id)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    grade: input.grade,
    criteria_met: input.criteriaMet,
    criteria_not_met: input.criteriaNotMet,
    note: input.note,
    rater_label: rater.label,
    rated_at: now(),
  };
  if (previous) {
    await trx.updateTable('case_ratings').set(values).where('id', '=', previous.id).execute();
    return { id: previous.id, previousGrade: previous.grade };
  }
  const row = await trx
    .insertInto('case_ratings')
    .values({
      ...values,
      activity_id: activityId,
      sample_case_id: input.sampleCaseId,
      judgement_key: input.judgementKey,
      rater_id: rater.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, previousGrade: null };
}
