// The views a visit's lead records on each item of the LA's action plan, with the evidence records
// of the visit that support them. Writes take the caller's transaction.
import type { Kysely, Selectable } from 'kysely';
import type { MonitoringView, MonitoringViewKind } from '../../domain/action-plans/monitoring.js';
import type { PersonRef } from '../../domain/evidence/records.js';
import type { DB } from '../schema.js';
import type { MonitoringViewTable } from '../schema/action-plans.js';

function shape(r: Selectable<MonitoringViewTable>): MonitoringView {
  return {
    id: r.id,
    visitId: r.visit_id,
    planActivityId: r.plan_activity_id,
    itemKey: r.item_key,
    view: r.view,
    reason: r.reason,
    evidenceIds: r.evidence_ids,
    recordedBy: { id: r.recorded_by, label: r.recorded_by_label },
    recordedAt: r.recorded_at,
  };
}

/** One visit's views, by item. */
export async function listVisitViews(db: Kysely<DB>, visitId: string): Promise<MonitoringView[]> {
  const rows = await db
    .selectFrom('monitoring_views')
    .selectAll()
    .where('visit_id', '=', visitId)
    .orderBy('item_key')
    .execute();
  return rows.map(shape);
}

export interface ViewWithVisit extends MonitoringView {
  visitTitle: string;
  visitState: string;
}

/** Every visit's views on one plan, newest first, with the visit's title and state. */
export async function listPlanViews(
  db: Kysely<DB>,
  planActivityId: string,
): Promise<ViewWithVisit[]> {
  const rows = await db
    .selectFrom('monitoring_views as m')
    .innerJoin('activities as a', 'a.id', 'm.visit_id')
    .selectAll('m')
    .select(['a.title as visit_title', 'a.state as visit_state'])
    .where('m.plan_activity_id', '=', planActivityId)
    .orderBy('m.recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...shape(r), visitTitle: r.visit_title, visitState: r.visit_state }));
}

export async function findVisitView(
  db: Kysely<DB>,
  visitId: string,
  itemKey: string,
): Promise<MonitoringView | null> {
  const r = await db
    .selectFrom('monitoring_views')
    .selectAll()
    .where('visit_id', '=', visitId)
    .where('item_key', '=', itemKey)
    .forUpdate()
    .executeTakeFirst();
  return r ? shape(r) : null;
}

/** Records (or replaces) the visit's view on one item. */
export async function upsertVisitView(
  db: Kysely<DB>,
  v: {
    visitId: string;
    planActivityId: string;
    itemKey: string;
    view: MonitoringViewKind;
    reason: string;
    evidenceIds: string[];
  },
  by: PersonRef,
  at: Date,
): Promise<MonitoringView> {
  const values = {
    plan_activity_id: v.planActivityId,
    view: v.view,
    reason: v.reason,
    evidence_ids: v.evidenceIds,
    recorded_by: by.id,
    recorded_by_label: by.label,
    recorded_at: at,
  };
  const r = await db
    .insertInto('monitoring_views')
    .values({ visit_id: v.visitId, item_key: v.itemKey, ...values })
    .onConflict((oc) => oc.columns(['visit_id', 'item_key']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return shape(r);
}
