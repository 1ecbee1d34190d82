// Publishing an inspection puts it on the LA's page: its history gains the event (dates,
// publication day, final grades) and, for a graded inspection, its latest grades become these.
import type { Transaction } from 'kysely';
import { upsertHistoryEvent } from '../../data/repositories/inspection-history.js';
import { listJudgements } from '../../data/repositories/judgements.js';
import type { DB } from '../../data/schema.js';
import { sourceKeyFor } from '../../domain/history/merge.js';
import {
  activityTypes,
  type Grades,
  type HistoryActivityType,
} from '../../domain/history/types.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import type { ReportScope } from './report-scope.js';

export async function recordPublishedInspection(
  trx: Transaction<DB>,
  scope: ReportScope,
  publishedOn: string,
): Promise<{ historyId: string | null; grades: Record<string, string> }> {
  const { activity, framework } = scope;
  const records = await listJudgements(trx, activity.id);
  const grades: Record<string, string> = {};
  for (const j of judgementsFor(framework, activity.activityType)) {
    const grade = records.get(j.key)?.grade;
    if (grade) grades[j.key] = grade;
  }
  const type = activity.activityType as HistoryActivityType;
  if (!(activityTypes as readonly string[]).includes(type)) return { historyId: null, grades };
  const start = activity.plannedStart ?? publishedOn;
  // The repository stores grades in key order, as the history import does.
  const historyId = await upsertHistoryEvent(trx, {
    sourceKey: sourceKeyFor(activity.laId, type, start),
    laId: activity.laId,
    activityType: type,
    frameworkId: activity.frameworkId,
    startDate: start,
    endDate: activity.plannedEnd,
    publicationDate: publishedOn,
    theme: activity.theme,
    grades: grades as Grades,
    source: 'triangulate',
  });
  return { historyId, grades };
}
