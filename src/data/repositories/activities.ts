import { sql, type Kysely, type Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { ActivityFacts } from '../../domain/access/policies.js';
import type { Actor } from '../../domain/access/actor.js';
import type { TeamRole } from '../../domain/access/roles.js';
import type { ActivityState } from '../../domain/activities/lifecycle.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type { EvidenceRecord } from '../../domain/evidence/records.js';
import type { Activity } from '../../domain/activities/activity.js';

export type { Activity };

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  teamRole: TeamRole;
  addedAt: Date;
}

export interface StateChange {
  fromState: ActivityState | null;
  toState: ActivityState;
  reason: string | null;
  changedBy: string | null;
  changedAt: Date;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('activities as a')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .select([
      'a.id',
      'a.la_id',
      'la.name as la_name',
      'la.ofsted_region as la_region',
      'a.activity_type',
      'a.framework_id',
      'a.state',
      'a.paused_from',
      'a.title',
      'a.theme',
      'a.sequence_number',
      'a.partner_inspectorates',
      'a.planned_start',
      'a.planned_end',
      'a.notified_at',
      'a.released_parts',
      'a.version',
      'a.created_at',
      'a.updated_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toActivity(r: Row): Activity {
  return {
    id: r.id,
    laId: r.la_id,
    laName: r.la_name,
    laRegion: r.la_region,
    activityType: r.activity_type,
    frameworkId: r.framework_id,
    state: r.state as ActivityState,
    pausedFrom: r.paused_from as ActivityState | null,
    title: r.title,
    theme: r.theme,
    sequenceNumber: r.sequence_number,
    partnerInspectorates: r.partner_inspectorates,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    notifiedAt: r.notified_at,
    releasedParts: r.released_parts,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findActivity(db: Kysely<DB>, id: string): Promise<Activity | null> {
  if (!isUuid(id)) return null;
  const row = await baseQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toActivity(row) : null;
}

/** The actor's role on the team of the activity `a` (a correlated subquery; null off the team). */
function teamRoleColumn(actor: Actor) {
  return actor.kind === 'user'
    ? sql<string | null>`(select tm.team_role from team_members tm
        where tm.activity_id = a.id and tm.user_id = ${actor.userId})`
    : sql<string | null>`null::text`;
}

/**
 * The activity and the actor's role on its team, in one read (the access check every evidence
 * use case starts with: one round trip instead of two).
 */
export async function findActivityWithTeamRole(
  db: Kysely<DB>,
  id: string,
  actor: Actor,
): Promise<{ activity: Activity; teamRole: TeamRole | null } | null> {
  if (!isUuid(id)) return null;
  const row = await baseQuery(db)
    .select(teamRoleColumn(actor).as('team_role'))
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? { activity: toActivity(row), teamRole: row.team_role as TeamRole | null } : null;
}

/** The activity an evidence record belongs to and the actor's role on its team, in one read. */
export async function findActivityOfEvidence(
  db: Kysely<DB>,
  evidenceId: string,
  actor: Actor,
): Promise<{ activity: Activity; teamRole: TeamRole | null } | null> {
  if (!isUuid(evidenceId)) return null;
  const row = await baseQuery(db)
    .innerJoin('evidence_records as e', 'e.activity_id', 'a.id')
    .select(teamRoleColumn(actor).as('team_role'))
    .where('e.id', '=', evidenceId)
    .executeTakeFirst();
  return row ? { activity: toActivity(row), teamRole: row.team_role as TeamRole | null } : null;
}

/** The few facts of an evidence record that coding a span needs. */
export type RecordToCode = Pick<
  EvidenceRecord,
  'id' | 'activityId' | 'reference' | 'version' | 'text' | 'updatedBy' | 'updatedAt' | 'deleted'
>;

/**
 * Coding a span's first read, inside its transaction: the record under a share lock (edits of it
 * wait until the coding is in), its activity and the actor's role on the team, in one statement
 * (issue 19: this was two round trips, the access read and the record read).
 */
export async function findRecordToCode(
  trx: Transaction<DB>,
  evidenceId: string,
  actor: Actor,
): Promise<{ activity: Activity; teamRole: TeamRole | null; record: RecordToCode } | null> {
  if (!isUuid(evidenceId)) return null;
  const row = await baseQuery(trx)
    .innerJoin('evidence_records as e', 'e.activity_id', 'a.id')
    .select(teamRoleColumn(actor).as('team_role'))
    .select([
      'e.id as e_id',
      'e.ref_no as e_ref_no',
      'e.version as e_version',
      'e.text as e_text',
      'e.updated_by as e_updated_by',
      'e.updated_by_label as e_updated_by_label',
      'e.updated_at as e_updated_at',
      'e.deleted_at as e_deleted_at',
      'e.deleted_by as e_deleted_by',
      'e.deleted_by_label as e_deleted_by_label',
      'e.deleted_reason as e_deleted_reason',
    ])
    .where('e.id', '=', evidenceId)
    .forShare('e')
    .executeTakeFirst();
  if (!row) return null;
  return {
    activity: toActivity(row),
    teamRole: row.team_role as TeamRole | null,
    record: {
      id: row.e_id,
      activityId: row.id,
      reference: `E${row.e_ref_no}`,
      version: row.e_version,
      text: row.e_text,
      updatedBy: { id: row.e_updated_by, label: row.e_updated_by_label },
      updatedAt: row.e_updated_at,
      deleted: row.e_deleted_at
        ? {
            at: row.e_deleted_at,
            by: { id: row.e_deleted_by, label: row.e_deleted_by_label ?? '' },
            reason: row.e_deleted_reason,
          }
        : null,
    },
  };
}

export async function teamRoleOf(
  db: Kysely<DB>,
  activityId: string,
  actor: Actor,
): Promise<TeamRole | null> {
  return actor.kind === 'user' ? teamRoleOfUser(db, activityId, actor.userId) : null;
}

/** A user's role on an activity's team (null: not on it). */
export async function teamRoleOfUser(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
): Promise<TeamRole | null> {
  const row = await db
    .selectFrom('team_members')
    .select('team_role')
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (row?.team_role as TeamRole | undefined) ?? null;
}

/** Whether someone other than this user leads the activity's team. */
export async function hasOtherLead(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
): Promise<boolean> {
  const lead = await db
    .selectFrom('team_members')
    .select('user_id')
    .where('activity_id', '=', activityId)
    .where('team_role', '=', 'lead_inspector')
    .where('user_id', '<>', userId)
    .executeTakeFirst();
  return lead !== undefined;
}

/** Puts a user on the team in a role (or changes their role). */
export async function upsertTeamMember(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
  teamRole: TeamRole,
): Promise<void> {
  await db
    .insertInto('team_members')
    .values({ activity_id: activityId, user_id: userId, team_role: teamRole })
    .onConflict((oc) => oc.columns(['activity_id', 'user_id']).doUpdateSet({ team_role: teamRole }))
    .execute();
}

/** Takes a user off the team; returns the role they had (null: they were not on it). */
export async function deleteTeamMember(
  db: Kysely<DB>,
  activityId: string,
  userId: string,
): Promise<{ userId: string; teamRole: TeamRole } | null> {
  const removed = await db
    .deleteFrom('team_members')
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .returning(['user_id', 'team_role'])
    .executeTakeFirst();
  return removed ? { userId: removed.user_id, teamRole: removed.team_role as TeamRole } : null;
}

export interface NewActivity {
  laId: string;
  activityType: string;
  frameworkId: string;
  title: string;
  theme: string | null;
  sequenceNumber: number | null;
  partnerInspectorates: string[];
  plannedStart: string;
  plannedEnd: string | null;
}

/** Inserts a planned activity; returns its id. */
export async function insertActivity(db: Kysely<DB>, a: NewActivity): Promise<string> {
  const row = await db
    .insertInto('activities')
    .values({
      la_id: a.laId,
      activity_type: a.activityType,
      framework_id: a.frameworkId,
      state: 'planned',
      title: a.title,
      theme: a.theme,
      sequence_number: a.sequenceNumber,
      partner_inspectorates: a.partnerInspectorates,
      planned_start: a.plannedStart,
      planned_end: a.plannedEnd,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Moves an activity to a state, only if it is still at the version the caller saw (false: someone
 * changed it first). Pausing remembers the state paused from; the first notification is dated.
 */
export async function moveActivityState(
  db: Kysely<DB>,
  activity: Pick<Activity, 'id' | 'state' | 'notifiedAt'>,
  toState: ActivityState,
  expectedVersion: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('activities')
    .set({
      state: toState,
      paused_from: toState === 'paused' ? activity.state : null,
      notified_at: toState === 'notified' && !activity.notifiedAt ? now() : activity.notifiedAt,
      version: sql`version + 1`,
      updated_at: now(),
    })
    .where('id', '=', activity.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Appends a lifecycle step to the activity's history (from null: created). */
export async function insertStateChange(
  db: Kysely<DB>,
  change: {
    activityId: string;
    fromState: ActivityState | null;
    toState: ActivityState;
    reason?: string | null;
    changedBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('activity_state_changes')
    .values({
      changed_at: now(),
      activity_id: change.activityId,
      from_state: change.fromState,
      to_state: change.toState,
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
      changed_by: change.changedBy,
    })
    .execute();
}

export function factsOf(
  a: Activity,
  teamRole: TeamRole | null,
): ActivityFacts & { releasedParts: string[] } {
  return {
    laId: a.laId,
    laRegion: a.laRegion,
    state: a.state,
    notifiedAt: a.notifiedAt,
    teamRole,
    releasedParts: a.releasedParts,
  };
}

export async function listTeam(db: Kysely<DB>, activityId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('team_members as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id', 'u.display_name', 'u.email', 't.team_role', 't.added_at'])
    .where('t.activity_id', '=', activityId)
    .orderBy('t.added_at')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    teamRole: r.team_role as TeamRole,
    addedAt: r.added_at,
  }));
}

export async function listStateChanges(db: Kysely<DB>, activityId: string): Promise<StateChange[]> {
  const rows = await db
    .selectFrom('activity_state_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.from_state', 'c.to_state', 'c.reason', 'u.display_name', 'c.changed_at'])
    .where('c.activity_id', '=', activityId)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    fromState: r.from_state as ActivityState | null,
    toState: r.to_state as ActivityState,
    reason: r.reason,
    changedBy: r.display_name,
    changedAt: r.changed_at,
  }));
}

/**
 * Activities the actor may see, filtered in SQL by the same rules as policies.viewActivity
 * (the access-matrix test checks the two agree).
 */
export async function listVisibleActivities(
  db: Kysely<DB>,
  actor: Actor,
  filter: { laId?: string; states?: string[] } = {},
): Promise<Activity[]> {
  let q = baseQuery(db);
  if (filter.laId) q = q.where('a.la_id', '=', filter.laId);
  if (filter.states?.length) q = q.where('a.state', 'in', filter.states);
  if (actor.kind === 'user') {
    switch (actor.role) {
      case 'admin':
      case 'national':
        break;
      case 'regional':
        q = q.where('la.ofsted_region', '=', actor.region ?? '');
        break;
      case 'inspector':
        q = q.where(
          'a.id',
          'in',
          db.selectFrom('team_members').select('activity_id').where('user_id', '=', actor.userId),
        );
        break;
      case 'la_user':
        q = q.where('a.la_id', '=', actor.laId ?? '').where('a.notified_at', 'is not', null);
        break;
      case 'researcher':
        q = q.where('a.state', '=', 'published');
        break;
    }
  }
  const rows = await q.orderBy('a.planned_start', 'desc').orderBy('a.created_at', 'desc').execute();
  return rows.map(toActivity);
}

/**
 * Dates an activity's notification and its move on site (the demo: seeded today, for fieldwork
 * that began days ago, so the LA is shown as told before the planned start, not at seeding).
 */
export async function dateFieldworkMoves(
  db: Kysely<DB>,
  activityId: string,
  at: { notified: Date; onSite: Date },
): Promise<void> {
  await db
    .updateTable('activities')
    .set({ notified_at: at.notified })
    .where('id', '=', activityId)
    .execute();
  for (const [state, when] of [
    ['notified', at.notified],
    ['on_site', at.onSite],
  ] as const)
    await db
      .updateTable('activity_state_changes')
      .set({ changed_at: when })
      .where('activity_id', '=', activityId)
      .where('to_state', '=', state)
      .execute();
}

/** An authority's activities for the scheduling rules: every one not cancelled, any state. */
export async function listLaActivityDates(
  db: Kysely<DB>,
  laId: string,
  exceptId?: string,
): Promise<
  { id: string; activityType: string; title: string; start: string; end: string | null }[]
> {
  let q = db
    .selectFrom('activities')
    .select(['id', 'activity_type', 'title', 'planned_start', 'planned_end'])
    .where('la_id', '=', laId)
    .where('state', '!=', 'cancelled')
    .where('planned_start', 'is not', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const rows = await q.orderBy('planned_start').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    activityType: r.activity_type,
    title: r.title,
    start: r.planned_start ?? '',
    end: r.planned_end,
  }));
}

/** Moves an activity's planned dates if nobody changed it since `expectedVersion`. */
export async function moveActivityDates(
  db: Kysely<DB>,
  activityId: string,
  dates: { start: string; end: string | null },
  expectedVersion: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('activities')
    .set({
      planned_start: dates.start,
      planned_end: dates.end,
      version: sql`version + 1`,
      updated_at: now(),
    })
    .where('id', '=', activityId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
