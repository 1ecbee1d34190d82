// Publishing an inspection puts it on the LA's page: its history gains the event (dates,
// publication day, final grades) and, for a graded inspection, its latest grades become these.
import { now } from '../../clock.js';
import type { Transaction } from 'kysely';
import { listJudgements } from '../../data/repositories/judgements.js';
import type { DB } from '../../data/schema.js';
import { sourceKeyFor } from '../../domain/history/merge.js';
import { activityTypes, type HistoryActivityType } from '../../domain/history/types.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import type { ReportScope } from './report-scope.js';

export async function recordPublishedInspection(
  trx: Transaction<DB>,
  scope: ReportScope,
  publishedOn: string,
): Promise<void> {
  const { activity, framework } = scope;
  const type = activity.activityType as HistoryActivityType;
  if (!(activityTypes as readonly string[]).includes(type)) return;
  const start = activity.plannedStart ?? publishedOn;
  const records = await listJudgements(trx, activity.id);
  const grades: Record<string, string> = {};
  for (const j of judgementsFor(framework, activity.activityType)) {
    const grade = records.get(j.key)?.grade;
    if (grade) grades[j.key] = grade;
  }
  const sorted = Object.fromEntries(Object.entries(grades).sort(([a], [b]) => a.localeCompare(b)));
  const row = {
    la_id: activity.laId,
    activity_type: type,
    framework_id: activity.frameworkId,
    start_date: start,
    end_date: activity.plannedEnd,
    publication_date: publishedOn,
    theme: activity.theme,
    grades: JSON.stringify(sorted),
    source: 'triangulate',
    source_key: sourceKeyFor(activity.laId, type, start),
  };
  await trx
    .insertInto('inspection_history')
    .values(row)
    .onConflict((oc) =>
      oc.column('source_key').doUpdateSet({
        end_date: row.end_date,
        publication_date: row.publication_date,
        grades: row.grades,
        source: row.source,
        framework_id: row.framework_id,
        imported_at: now(),
      }),
    )
    .execute();
}
