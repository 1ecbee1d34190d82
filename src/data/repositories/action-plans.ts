// Action plans after a published inspection: one draft per inspection and submitted versions
// (never changed but for the region's answer), and the published inspections of an LA whose
// reports the plans answer. Writes take the caller's transaction.
import type { Kysely, Selectable } from 'kysely';
import type {
  ActionPlanDraft,
  ActionPlanVersion,
  PlanItem,
  PlanResponse,
} from '../../domain/action-plans/action-plan.js';
import type { PersonRef } from '../../domain/evidence/records.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import type { DB } from '../schema.js';
import type { ActionPlanDraftTable, ActionPlanVersionTable } from '../schema/action-plans.js';
import { isUuid } from './users.js';

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function shapeDraft(r: Selectable<ActionPlanDraftTable>): ActionPlanDraft {
  return {
    activityId: r.activity_id,
    laId: r.la_id,
    items: parseJson<PlanItem[]>(r.items),
    basedOnVersion: r.based_on_version,
    updatedBy: { id: r.updated_by, label: r.updated_by_label },
    updatedAt: r.updated_at,
  };
}

function shapeVersion(r: Selectable<ActionPlanVersionTable>): ActionPlanVersion {
  return {
    id: r.id,
    activityId: r.activity_id,
    laId: r.la_id,
    version: r.version,
    items: parseJson<PlanItem[]>(r.items),
    submittedAt: r.submitted_at,
    submittedBy: { id: r.submitted_by, label: r.submitted_by_label },
    response:
      r.response && r.responded_at && r.responded_by_label
        ? {
            kind: r.response,
            at: r.responded_at,
            by: { id: r.responded_by, label: r.responded_by_label },
            comment: r.response_comment,
          }
        : null,
  };
}

/** The draft, locked for the transaction when asked (two edits take turns). */
export async function findPlanDraft(
  db: Kysely<DB>,
  activityId: string,
  opts: { lock?: boolean } = {},
): Promise<ActionPlanDraft | null> {
  let q = db.selectFrom('action_plan_drafts').selectAll().where('activity_id', '=', activityId);
  if (opts.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? shapeDraft(r) : null;
}

export async function savePlanDraft(
  db: Kysely<DB>,
  d: { activityId: string; laId: string; items: PlanItem[]; basedOnVersion: number | null },
  by: PersonRef,
  at: Date,
): Promise<ActionPlanDraft> {
  const values = {
    items: JSON.stringify(d.items),
    based_on_version: d.basedOnVersion,
    updated_by: by.id,
    updated_by_label: by.label,
    updated_at: at,
  };
  const r = await db
    .insertInto('action_plan_drafts')
    .values({ activity_id: d.activityId, la_id: d.laId, ...values })
    .onConflict((oc) => oc.column('activity_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return shapeDraft(r);
}

export async function deletePlanDraft(db: Kysely<DB>, activityId: string): Promise<void> {
  await db.deleteFrom('action_plan_drafts').where('activity_id', '=', activityId).execute();
}

/** Every submitted version, newest first. */
export async function listPlanVersions(
  db: Kysely<DB>,
  activityId: string,
): Promise<ActionPlanVersion[]> {
  const rows = await db
    .selectFrom('action_plan_versions')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(shapeVersion);
}

export async function findPlanVersion(
  db: Kysely<DB>,
  activityId: string,
  version: number,
  opts: { lock?: boolean } = {},
): Promise<ActionPlanVersion | null> {
  let q = db
    .selectFrom('action_plan_versions')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('version', '=', version);
  if (opts.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? shapeVersion(r) : null;
}

export async function insertPlanVersion(
  db: Kysely<DB>,
  v: { activityId: string; laId: string; version: number; items: PlanItem[] },
  by: PersonRef,
  at: Date,
): Promise<ActionPlanVersion> {
  const r = await db
    .insertInto('action_plan_versions')
    .values({
      activity_id: v.activityId,
      la_id: v.laId,
      version: v.version,
      items: JSON.stringify(v.items),
      submitted_at: at,
      submitted_by: by.id,
      submitted_by_label: by.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return shapeVersion(r);
}

/** Records the region's answer; false when someone answered first. */
export async function answerPlanVersion(
  db: Kysely<DB>,
  id: string,
  a: { kind: PlanResponse; by: PersonRef; at: Date; comment: string | null },
): Promise<ActionPlanVersion | null> {
  const r = await db
    .updateTable('action_plan_versions')
    .set({
      response: a.kind,
      responded_at: a.at,
      responded_by: a.by.id,
      responded_by_label: a.by.label,
      response_comment: a.comment,
    })
    .where('id', '=', id)
    .where('response', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return r ? shapeVersion(r) : null;
}

export interface PublishedInspection {
  activityId: string;
  laId: string;
  title: string;
  activityType: string;
  publishedAt: Date;
  document: ReportDocument;
}

function publishedQuery(db: Kysely<DB>) {
  return db
    .selectFrom('activities as a')
    .innerJoin('reports as r', 'r.activity_id', 'a.id')
    .innerJoin('report_versions as v', (j) =>
      j.onRef('v.report_id', '=', 'r.id').onRef('v.number', '=', 'r.published_version'),
    )
    .select(['a.id', 'a.la_id', 'a.title', 'a.activity_type', 'r.published_at', 'v.document'])
    .where('a.state', '=', 'published')
    .where('r.published_at', 'is not', null);
}

type PublishedRow = Awaited<
  ReturnType<ReturnType<typeof publishedQuery>['executeTakeFirstOrThrow']>
>;

const shapePublished = (r: PublishedRow): PublishedInspection => ({
  activityId: r.id,
  laId: r.la_id,
  title: r.title,
  activityType: r.activity_type,
  publishedAt: r.published_at!,
  document: parseJson<ReportDocument>(r.document),
});

/** One published activity with its published report; null when not published. */
export async function findPublishedInspection(
  db: Kysely<DB>,
  activityId: string,
): Promise<PublishedInspection | null> {
  if (!isUuid(activityId)) return null;
  const r = await publishedQuery(db).where('a.id', '=', activityId).executeTakeFirst();
  return r ? shapePublished(r) : null;
}

/** An LA's published activities with their reports, newest publication first. */
export async function listPublishedInspections(
  db: Kysely<DB>,
  laId: string,
): Promise<PublishedInspection[]> {
  const rows = await publishedQuery(db)
    .where('a.la_id', '=', laId)
    .orderBy('r.published_at', 'desc')
    .execute();
  return rows.map(shapePublished);
}

/** Where each of an LA's plans stands: the latest version and whether a draft is open. */
export async function planStates(
  db: Kysely<DB>,
  activityIds: string[],
): Promise<Map<string, { latest: ActionPlanVersion | null; hasDraft: boolean }>> {
  const out = new Map<string, { latest: ActionPlanVersion | null; hasDraft: boolean }>();
  if (activityIds.length === 0) return out;
  const [versions, drafts] = await Promise.all([
    db
      .selectFrom('action_plan_versions')
      .selectAll()
      .where('activity_id', 'in', activityIds)
      .orderBy('version', 'desc')
      .execute(),
    db
      .selectFrom('action_plan_drafts')
      .select('activity_id')
      .where('activity_id', 'in', activityIds)
      .execute(),
  ]);
  const draftIds = new Set(drafts.map((d) => d.activity_id));
  for (const id of activityIds) out.set(id, { latest: null, hasDraft: draftIds.has(id) });
  for (const v of versions) {
    const entry = out.get(v.activity_id)!;
    if (!entry.latest) entry.latest = shapeVersion(v);
  }
  return out;
}
