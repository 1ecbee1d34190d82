// Consistency panels across inspections: the panel (scope and period), its named members, and
// the members' views of each inspection. Returns shaped objects.
import type { Kysely } from 'kysely';
import type {
  ConsistencyPanel,
  ConsistencyPanelMember,
  ConsistencyView,
} from '../../domain/consistency/records.js';
import type { PeriodKind, ViewOutcome } from '../../domain/consistency/panels.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { now } from '../../clock.js';
import { isUuid } from './users.js';

type Db = Kysely<DB>;

export async function insertPanel(
  db: Db,
  p: { title: string; region: string | null; kind: PeriodKind; start: string; end: string },
  by: PersonRef,
): Promise<string> {
  const row = await db
    .insertInto('consistency_panels')
    .values({
      title: p.title,
      region: p.region,
      period_kind: p.kind,
      period_start: p.start,
      period_end: p.end,
      convened_by: by.id,
      convened_by_label: by.label,
      convened_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function panelQuery(db: Db) {
  return db
    .selectFrom('consistency_panels as p')
    .select([
      'p.id',
      'p.title',
      'p.region',
      'p.period_kind',
      'p.period_start',
      'p.period_end',
      'p.convened_by_label',
      'p.convened_at',
    ]);
}

type PanelRow = Awaited<ReturnType<ReturnType<typeof panelQuery>['executeTakeFirstOrThrow']>>;

const toPanel = (r: PanelRow): ConsistencyPanel => ({
  id: r.id,
  title: r.title,
  region: r.region,
  periodKind: r.period_kind as PeriodKind,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  convenedBy: r.convened_by_label,
  convenedAt: r.convened_at,
});

export async function findPanel(db: Db, id: string): Promise<ConsistencyPanel | null> {
  if (!isUuid(id)) return null;
  const row = await panelQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPanel(row) : null;
}

/** Every panel, newest period first, with the ids of its named members (for the access check). */
export async function listPanels(db: Db): Promise<(ConsistencyPanel & { memberIds: string[] })[]> {
  const [rows, members] = await Promise.all([
    panelQuery(db).orderBy('p.period_start', 'desc').orderBy('p.convened_at', 'desc').execute(),
    db.selectFrom('consistency_panel_members').select(['panel_id', 'user_id']).execute(),
  ]);
  return rows.map((r) => ({
    ...toPanel(r),
    memberIds: members.filter((m) => m.panel_id === r.id).map((m) => m.user_id),
  }));
}

export async function addPanelMembers(
  db: Db,
  panelId: string,
  userIds: readonly string[],
  by: PersonRef,
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('consistency_panel_members')
    .values(userIds.map((u) => ({ panel_id: panelId, user_id: u, added_by_label: by.label })))
    .onConflict((oc) => oc.columns(['panel_id', 'user_id']).doNothing())
    .execute();
}

export async function listMembers(db: Db, panelId: string): Promise<ConsistencyPanelMember[]> {
  const rows = await db
    .selectFrom('consistency_panel_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name', 'u.role'])
    .where('m.panel_id', '=', panelId)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role }));
}

export async function upsertView(
  db: Db,
  v: {
    panelId: string;
    activityId: string;
    judgementKey: string | null;
    outcome: ViewOutcome;
    reasons: string;
    panelCommentId: string | null;
  },
  by: PersonRef & { id: string },
): Promise<string> {
  const values = {
    judgement_key: v.judgementKey,
    outcome: v.outcome,
    reasons: v.reasons,
    panel_comment_id: v.panelCommentId,
    recorded_by_label: by.label,
    recorded_at: now(),
  };
  const row = await db
    .insertInto('consistency_panel_views')
    .values({ panel_id: v.panelId, activity_id: v.activityId, recorded_by: by.id, ...values })
    .onConflict((oc) => oc.columns(['panel_id', 'activity_id', 'recorded_by']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function viewQuery(db: Db) {
  return db
    .selectFrom('consistency_panel_views as v')
    .innerJoin('consistency_panels as p', 'p.id', 'v.panel_id')
    .leftJoin('judgement_panel_comments as c', 'c.id', 'v.panel_comment_id')
    .select([
      'v.id',
      'v.panel_id',
      'p.title as panel_title',
      'v.activity_id',
      'v.judgement_key',
      'v.outcome',
      'v.reasons',
      'v.recorded_by',
      'v.recorded_by_label',
      'v.recorded_at',
      'v.panel_comment_id',
      'c.response',
      'c.responded_by_label',
    ])
    .orderBy('v.recorded_at')
    .orderBy('v.id');
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

const toView = (r: ViewRow): ConsistencyView => ({
  id: r.id,
  panelId: r.panel_id,
  panelTitle: r.panel_title,
  activityId: r.activity_id,
  judgementKey: r.judgement_key,
  outcome: r.outcome as ViewOutcome,
  reasons: r.reasons,
  recordedById: r.recorded_by,
  recordedBy: r.recorded_by_label,
  recordedAt: r.recorded_at,
  panelCommentId: r.panel_comment_id,
  response: r.response ?? null,
  respondedBy: r.responded_by_label ?? null,
});

export async function listViewsOfPanel(db: Db, panelId: string): Promise<ConsistencyView[]> {
  return (await viewQuery(db).where('v.panel_id', '=', panelId).execute()).map(toView);
}

export async function listViewsOfActivity(db: Db, activityId: string): Promise<ConsistencyView[]> {
  return (await viewQuery(db).where('v.activity_id', '=', activityId).execute()).map(toView);
}

/**
 * The activities a panel gathers: in its region (any for a national panel), fieldwork
 * overlapping the period, judgements not yet final (a set never touched is provisional).
 */
export async function listPanelActivityIds(
  db: Db,
  p: { region: string | null; periodStart: string; periodEnd: string },
  stages: readonly string[],
): Promise<string[]> {
  let q = db
    .selectFrom('activities as a')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .leftJoin('judgement_sets as s', 's.activity_id', 'a.id')
    .select(['a.id'])
    .where('a.planned_start', 'is not', null)
    .where('a.planned_start', '<=', p.periodEnd)
    .where((eb) =>
      eb.or([
        eb('a.planned_end', '>=', p.periodStart),
        eb.and([eb('a.planned_end', 'is', null), eb('a.planned_start', '>=', p.periodStart)]),
      ]),
    )
    .where('a.state', 'not in', ['cancelled', 'published'])
    .where((eb) => eb.or([eb('s.stage', 'in', [...stages]), eb('s.stage', 'is', null)]));
  if (p.region !== null) q = q.where('la.ofsted_region', '=', p.region);
  const rows = await q.orderBy('a.planned_start').orderBy('a.id').execute();
  return rows.map((r) => r.id);
}
