// The spread of an activity's case-level ratings by judgement area (and cohort), as the
// judgements pages, the report, the moderation record and the consistency panel show it. A step
// shared by several areas: the caller has already checked the actor may read the judgements.
import type { Kysely } from 'kysely';
import { listCaseRatings } from '../../data/repositories/case-ratings.js';
import { listSampleCases } from '../../data/repositories/sampling.js';
import type { DB } from '../../data/schema.js';
import type { Framework } from '../../domain/frameworks/index.js';
import { areaSpread, type AreaSpread } from '../../domain/judgements/case-rating-spread.js';

/** Each graded (non-headline) judgement area's spread, keyed by judgement key. */
export async function caseRatingSpreads(
  db: Kysely<DB>,
  activityId: string,
  fw: Framework,
  judgementKeys: readonly string[],
): Promise<Map<string, AreaSpread>> {
  const [sampled, ratings] = await Promise.all([
    listSampleCases(db, activityId),
    listCaseRatings(db, activityId),
  ]);
  const grades = fw.grades.map((g) => ({ key: g.key, label: g.label }));
  const out = new Map<string, AreaSpread>();
  for (const key of judgementKeys) {
    const forKey = ratings.filter((r) => r.judgementKey === key);
    out.set(
      key,
      areaSpread(
        grades,
        sampled.map((c) => ({
          caseId: c.id,
          childRef: c.childRef,
          cohort: c.cohort,
          grades: forKey
            .filter((r) => r.sampleCaseId === c.id)
            .map((r) => ({ rater: r.raterLabel, grade: r.grade })),
        })),
      ),
    );
  }
  return out;
}
