// What a visit's letter can draw on from the LA's action plan (issue 16): the lead's views per
// item summarised as a paragraph, for the report editor. Null when the visit has recorded no view.
// The caller has already decided that the actor may draft this visit's report.
import { findPublishedInspection } from '../../data/repositories/action-plans.js';
import { listVisitViews } from '../../data/repositories/monitoring-views.js';
import type { DB } from '../../data/schema.js';
import { itemsFromReport } from '../../domain/action-plans/action-plan.js';
import { monitoringSummary } from '../../domain/action-plans/monitoring.js';
import type { Kysely } from 'kysely';

export interface PlanProgressForLetter {
  /** The paragraph the monitoring page offers "for the letter". */
  summary: string;
  /** The monitoring page, where the views are recorded item by item. */
  href: string;
  planTitle: string;
}

export async function planProgressForLetter(
  db: Kysely<DB>,
  visitId: string,
): Promise<PlanProgressForLetter | null> {
  const views = await listVisitViews(db, visitId);
  if (views.length === 0) return null;
  const plan = await findPublishedInspection(db, views[0]!.planActivityId);
  if (!plan) return null;
  const summary = monitoringSummary(itemsFromReport(plan.document), views);
  if (!summary) return null;
  return { summary, href: `/activities/${visitId}/monitoring`, planTitle: plan.title };
}
