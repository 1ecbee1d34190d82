// The people around judgements: team members' provisional views, the consistency panel and its
// comments, the feedback log and divergence explanations. Returns shaped objects.
import type { Kysely } from 'kysely';
import type {
  FeedbackEntry,
  FeedbackKind,
  FeedbackTheme,
} from '../../domain/judgements/divergence.js';
import type { GradePosition } from '../../domain/judgements/report-input.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { now } from '../../clock.js';

export interface ProvisionalView {
  judgementKey: string;
  userId: string;
  userLabel: string;
  grade: string;
  position: GradePosition;
  note: string;
  updatedAt: Date;
}

export interface PanelMember {
  userId: string;
  displayName: string;
  email: string;
  assignedBy: string;
  assignedAt: Date;
}

export interface PanelComment {
  id: string;
  judgementKey: string | null;
  kind: 'comment' | 'challenge';
  text: string;
  createdBy: string;
  createdAt: Date;
  response: string | null;
  respondedBy: string | null;
  respondedAt: Date | null;
}

export interface FeedbackRecord extends FeedbackEntry {
  present: string;
  summary: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface Explanation {
  flagKey: string;
  explanation: string;
  explainedBy: string;
  explainedAt: Date;
}

export async function upsertProvisionalView(
  db: Kysely<DB>,
  activityId: string,
  v: { judgementKey: string; grade: string; position: GradePosition; note: string },
  by: { id: string; label: string },
): Promise<void> {
  const values = {
    grade: v.grade,
    position: v.position,
    note: v.note,
    user_label: by.label,
    updated_at: now(),
  };
  await db
    .insertInto('provisional_views')
    .values({ activity_id: activityId, judgement_key: v.judgementKey, user_id: by.id, ...values })
    .onConflict((oc) => oc.columns(['activity_id', 'judgement_key', 'user_id']).doUpdateSet(values))
    .execute();
}

export async function listProvisionalViews(
  db: Kysely<DB>,
  activityId: string,
): Promise<ProvisionalView[]> {
  const rows = await db
    .selectFrom('provisional_views')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('user_label')
    .execute();
  return rows.map((r) => ({
    judgementKey: r.judgement_key,
    userId: r.user_id,
    userLabel: r.user_label,
    grade: r.grade,
    position: r.position as GradePosition,
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

export async function listPanelMembers(db: Kysely<DB>, activityId: string): Promise<PanelMember[]> {
  const rows = await db
    .selectFrom('judgement_panel_members as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.display_name', 'u.email', 'p.assigned_by_label', 'p.assigned_at'])
    .where('p.activity_id', '=', activityId)
    .orderBy('p.assigned_at')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    assignedBy: r.assigned_by_label,
    assignedAt: r.assigned_at,
  }));
}

export async function isPanelMember(
  db: Kysely<DB>,
  activityId: string,
  userId: string | null,
): Promise<boolean> {
  if (!userId) return false;
  const row = await db
    .selectFrom('judgement_panel_members')
    .select('user_id')
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addPanelMember(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
  by: PersonRef,
): Promise<boolean> {
  const r = await db
    .insertInto('judgement_panel_members')
    .values({ activity_id: activityId, user_id: userId, assigned_by_label: by.label })
    .onConflict((oc) => oc.columns(['activity_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removePanelMember(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('judgement_panel_members')
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

function toComment(r: {
  id: string;
  judgement_key: string | null;
  kind: 'comment' | 'challenge';
  text: string;
  created_by_label: string;
  created_at: Date;
  response: string | null;
  responded_by_label: string | null;
  responded_at: Date | null;
}): PanelComment {
  return {
    id: r.id,
    judgementKey: r.judgement_key,
    kind: r.kind,
    text: r.text,
    createdBy: r.created_by_label,
    createdAt: r.created_at,
    response: r.response,
    respondedBy: r.responded_by_label,
    respondedAt: r.responded_at,
  };
}

export async function addPanelComment(
  db: Kysely<DB>,
  activityId: string,
  c: { judgementKey: string | null; kind: 'comment' | 'challenge'; text: string },
  by: PersonRef,
): Promise<PanelComment> {
  const row = await db
    .insertInto('judgement_panel_comments')
    .values({
      activity_id: activityId,
      judgement_key: c.judgementKey,
      kind: c.kind,
      text: c.text,
      created_by: by.id,
      created_by_label: by.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toComment(row);
}

export async function findPanelComment(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<(PanelComment & { activityId: string }) | null> {
  let q = db.selectFrom('judgement_panel_comments').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { ...toComment(row), activityId: row.activity_id } : null;
}

export async function respondToComment(
  db: Kysely<DB>,
  id: string,
  response: string,
  by: PersonRef,
): Promise<void> {
  await db
    .updateTable('judgement_panel_comments')
    .set({ response, responded_by_label: by.label, responded_at: now() })
    .where('id', '=', id)
    .execute();
}

export async function listPanelComments(
  db: Kysely<DB>,
  activityId: string,
): Promise<PanelComment[]> {
  const rows = await db
    .selectFrom('judgement_panel_comments')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toComment);
}

export async function insertFeedback(
  db: Kysely<DB>,
  activityId: string,
  f: {
    kind: FeedbackKind;
    heldOn: string;
    present: string;
    summary: string;
    themes: FeedbackTheme[];
  },
  by: PersonRef,
): Promise<string> {
  const row = await db
    .insertInto('feedback_entries')
    .values({
      recorded_at: now(),
      activity_id: activityId,
      kind: f.kind,
      held_on: f.heldOn,
      present: f.present,
      summary: f.summary,
      themes: JSON.stringify(f.themes),
      recorded_by: by.id,
      recorded_by_label: by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listFeedback(db: Kysely<DB>, activityId: string): Promise<FeedbackRecord[]> {
  const rows = await db
    .selectFrom('feedback_entries')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('held_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    heldOn: r.held_on,
    themes: r.themes,
    present: r.present,
    summary: r.summary,
    recordedBy: r.recorded_by_label,
    recordedAt: r.recorded_at,
  }));
}

export async function upsertExplanation(
  db: Kysely<DB>,
  activityId: string,
  flagKey: string,
  explanation: string,
  by: PersonRef,
): Promise<void> {
  const values = {
    explanation,
    explained_by: by.id,
    explained_by_label: by.label,
    explained_at: now(),
  };
  await db
    .insertInto('divergence_explanations')
    .values({ activity_id: activityId, flag_key: flagKey, ...values })
    .onConflict((oc) => oc.columns(['activity_id', 'flag_key']).doUpdateSet(values))
    .execute();
}

export async function listExplanations(
  db: Kysely<DB>,
  activityId: string,
): Promise<Map<string, Explanation>> {
  const rows = await db
    .selectFrom('divergence_explanations')
    .selectAll()
    .where('activity_id', '=', activityId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.flag_key,
      {
        flagKey: r.flag_key,
        explanation: r.explanation,
        explainedBy: r.explained_by_label,
        explainedAt: r.explained_at,
      },
    ]),
  );
}
