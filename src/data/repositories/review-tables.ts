// What the review's tables read: every stored history event, and Triangulate's own activities
// with dates (cancelled ones left out), in the shapes of src/domain/history/review-tables.ts.
import type { Kysely } from 'kysely';
import type { GradedEvent, TableEvent } from '../../domain/history/review-tables.js';
import type { GradeKey } from '../../domain/history/types.js';
import { judgementActivityTypes } from '../../domain/history/types.js';
import type { DB } from '../schema.js';

export async function listTableEvents(db: Kysely<DB>): Promise<TableEvent[]> {
  const [history, activities] = await Promise.all([
    db
      .selectFrom('inspection_history')
      .select(['la_id', 'activity_type', 'start_date', 'end_date', 'theme'])
      .orderBy('start_date')
      .orderBy('source_key')
      .execute(),
    db
      .selectFrom('activities')
      .select(['la_id', 'activity_type', 'planned_start', 'planned_end', 'theme'])
      .where('planned_start', 'is not', null)
      .where('state', '!=', 'cancelled')
      .orderBy('planned_start')
      .orderBy('id')
      .execute(),
  ]);
  return [
    ...history.map((r) => ({
      laId: r.la_id,
      activityType: r.activity_type,
      startDate: r.start_date,
      endDate: r.end_date,
      theme: r.theme,
      origin: 'history' as const,
    })),
    ...activities.map((r) => ({
      laId: r.la_id,
      activityType: r.activity_type,
      startDate: r.planned_start ?? '',
      endDate: r.planned_end,
      theme: r.theme,
      origin: 'activities' as const,
    })),
  ];
}

/** Every graded inspection's overall effectiveness (null when the source gives none). */
export async function listGradedOverall(db: Kysely<DB>): Promise<GradedEvent[]> {
  const rows = await db
    .selectFrom('inspection_history')
    .select(['la_id', 'start_date', 'grades'])
    .where('activity_type', 'in', [...judgementActivityTypes])
    .orderBy('la_id')
    .orderBy('start_date')
    .execute();
  return rows.map((r) => ({
    laId: r.la_id,
    startDate: r.start_date,
    overall:
      ((r.grades as Record<string, string> | null)?.overall_effectiveness as
        GradeKey | undefined) ?? null,
  }));
}
