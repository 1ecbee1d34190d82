// Inspectors for scheduling: their profiles (beside their accounts), leave and training, conflicts
// of interest, and the activities whose teams they are on. The programme reads inspectors through
// these functions (listInspectorProfiles, listAbsences, listConflicts, listTeamAssignments).
import type { Kysely } from 'kysely';
import type { TeamRole } from '../../domain/access/roles.js';
import type {
  Absence,
  AbsenceKind,
  Conflict,
  ConflictReason,
  InspectorRole,
  ProfileSettings,
  Weekday,
} from '../../domain/scheduling/inspector-profile.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import { now } from '../../clock.js';

export interface InspectorAccount {
  userId: string;
  email: string;
  displayName: string;
  disabled: boolean;
}

export interface InspectorProfile extends InspectorAccount, ProfileSettings {
  version: number;
  updatedAt: Date;
}

/** An inspector account with its profile, or none yet. */
export interface InspectorListed extends InspectorAccount {
  profile: InspectorProfile | null;
}

const profileColumns = [
  'users.id as user_id',
  'users.email',
  'users.display_name',
  'users.disabled_at',
  'p.inspector_role',
  'p.home_region',
  'p.working_days',
  'p.lead_qualified',
  'p.max_site_weeks_per_quarter',
  'p.preparation_days',
  'p.note',
  'p.version',
  'p.updated_at',
] as const;

interface Row {
  user_id: string;
  email: string;
  display_name: string;
  disabled_at: Date | null;
  inspector_role: InspectorRole | null;
  home_region: string | null;
  working_days: string[] | null;
  lead_qualified: boolean | null;
  max_site_weeks_per_quarter: number | null;
  preparation_days: number | null;
  note: string | null;
  version: number | null;
  updated_at: Date | null;
}

function toListed(r: Row): InspectorListed {
  const account = {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    disabled: r.disabled_at !== null,
  };
  const profile: InspectorProfile | null =
    r.inspector_role === null
      ? null
      : {
          ...account,
          inspectorRole: r.inspector_role,
          homeRegion: r.home_region ?? '',
          workingDays: (r.working_days ?? []) as Weekday[],
          leadQualified: r.lead_qualified ?? false,
          maxSiteWeeksPerQuarter: r.max_site_weeks_per_quarter ?? 0,
          preparationDays: r.preparation_days,
          note: r.note,
          version: r.version ?? 1,
          updatedAt: r.updated_at ?? new Date(0),
        };
  return { ...account, profile };
}

function inspectorsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .leftJoin('inspector_profiles as p', 'p.user_id', 'users.id')
    .select(profileColumns)
    .where('users.role', '=', 'inspector');
}

/** An inspector's account and profile (null: not an inspector account). */
export async function findInspector(
  db: Kysely<DB>,
  userId: string,
): Promise<InspectorListed | null> {
  if (!isUuid(userId)) return null;
  const row = await inspectorsQuery(db).where('users.id', '=', userId).executeTakeFirst();
  return row ? toListed(row as Row) : null;
}

/**
 * Inspector accounts, by name: with `region`, those whose profile's home region it is; with
 * `withoutProfile`, those with no profile as well. Disabled accounts are left out.
 */
export async function listInspectors(
  db: Kysely<DB>,
  f: { region?: string | null; withoutProfile?: boolean } = {},
): Promise<InspectorListed[]> {
  let q = inspectorsQuery(db).where('users.disabled_at', 'is', null);
  if (f.region)
    q = f.withoutProfile
      ? q.where((eb) => eb.or([eb('p.home_region', '=', f.region!), eb('p.user_id', 'is', null)]))
      : q.where('p.home_region', '=', f.region);
  const rows = await q.orderBy('users.display_name').orderBy('users.id').execute();
  return rows.map((r) => toListed(r as Row));
}

/** Inspectors with a profile (of a home region, or all): what the programme plans with. */
export async function listInspectorProfiles(
  db: Kysely<DB>,
  f: { region?: string | null } = {},
): Promise<InspectorProfile[]> {
  const listed = await listInspectors(db, { region: f.region ?? null });
  return listed.flatMap((l) => (l.profile ? [l.profile] : []));
}

/** Creates or replaces a profile; with `expectedVersion`, only if it is still that version. */
export async function saveInspectorProfile(
  db: Kysely<DB>,
  userId: string,
  s: ProfileSettings,
  expectedVersion: number | null,
): Promise<'saved' | 'stale'> {
  const values = {
    inspector_role: s.inspectorRole,
    home_region: s.homeRegion,
    working_days: [...s.workingDays],
    lead_qualified: s.leadQualified,
    max_site_weeks_per_quarter: s.maxSiteWeeksPerQuarter,
    preparation_days: s.preparationDays,
    note: s.note,
  };
  const existing = await db
    .selectFrom('inspector_profiles')
    .select('version')
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!existing) {
    if (expectedVersion !== null && expectedVersion !== 0) return 'stale';
    await db
      .insertInto('inspector_profiles')
      .values({ user_id: userId, ...values })
      .execute();
    return 'saved';
  }
  if (expectedVersion !== null && existing.version !== expectedVersion) return 'stale';
  await db
    .updateTable('inspector_profiles')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now() }))
    .where('user_id', '=', userId)
    .execute();
  return 'saved';
}

export interface DatedAbsence extends Absence {
  userId: string;
}

/** Absences of these inspectors that touch [from, to] (both optional), by start. */
export async function listAbsences(
  db: Kysely<DB>,
  userIds: readonly string[],
  range: { from?: string; to?: string } = {},
): Promise<DatedAbsence[]> {
  if (userIds.length === 0) return [];
  let q = db
    .selectFrom('inspector_absences')
    .select(['id', 'user_id', 'kind', 'starts_on', 'ends_on', 'note'])
    .where('user_id', 'in', [...userIds]);
  if (range.from) q = q.where('ends_on', '>=', range.from);
  if (range.to) q = q.where('starts_on', '<=', range.to);
  const rows = await q.orderBy('starts_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    kind: r.kind as AbsenceKind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
  }));
}

export async function insertAbsence(
  db: Kysely<DB>,
  a: { userId: string; kind: AbsenceKind; startsOn: string; endsOn: string; note: string | null },
  recordedBy: string,
): Promise<string> {
  const row = await db
    .insertInto('inspector_absences')
    .values({
      user_id: a.userId,
      kind: a.kind,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      note: a.note,
      recorded_by_label: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes one of an inspector's absences; false when there was none of that id. */
export async function deleteAbsence(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const r = await db
    .deleteFrom('inspector_absences')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface DatedConflict extends Conflict {
  userId: string;
}

/** Conflicts of interest of these inspectors (all of them, dated or not), by LA name. */
export async function listConflicts(
  db: Kysely<DB>,
  userIds: readonly string[],
): Promise<DatedConflict[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('inspector_conflicts as c')
    .innerJoin('local_authorities as la', 'la.id', 'c.la_id')
    .select([
      'c.id',
      'c.user_id',
      'c.la_id',
      'la.name',
      'c.reason',
      'c.detail',
      'c.from_date',
      'c.to_date',
    ])
    .where('c.user_id', 'in', [...userIds])
    .orderBy('la.name')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    laId: r.la_id,
    laName: r.name,
    reason: r.reason as ConflictReason,
    detail: r.detail,
    from: r.from_date,
    to: r.to_date,
  }));
}

export async function insertConflict(
  db: Kysely<DB>,
  c: Omit<DatedConflict, 'id' | 'laName'>,
  recordedBy: string,
): Promise<string> {
  const row = await db
    .insertInto('inspector_conflicts')
    .values({
      user_id: c.userId,
      la_id: c.laId,
      reason: c.reason,
      detail: c.detail,
      from_date: c.from,
      to_date: c.to,
      recorded_by_label: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteConflict(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const r = await db
    .deleteFrom('inspector_conflicts')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface TeamAssignment {
  userId: string;
  activityId: string;
  title: string;
  laId: string;
  laName: string;
  activityType: string;
  frameworkId: string;
  state: string;
  teamRole: TeamRole;
  plannedStart: string;
  plannedEnd: string | null;
}

/**
 * The activities these inspectors are on, not cancelled, with a planned start, whose fieldwork
 * may touch [from, to]: starting by `to`, ending (with no planned end: starting) from `from`.
 * Callers widen the range by the weeks preparation and write-up reach beyond the fieldwork.
 */
export async function listTeamAssignments(
  db: Kysely<DB>,
  userIds: readonly string[],
  range: { from: string; to: string },
): Promise<TeamAssignment[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('team_members as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .select([
      't.user_id',
      'a.id',
      'a.title',
      'a.la_id',
      'la.name',
      'a.activity_type',
      'a.framework_id',
      'a.state',
      't.team_role',
      'a.planned_start',
      'a.planned_end',
    ])
    .where('t.user_id', 'in', [...userIds])
    .where('a.state', '<>', 'cancelled')
    .where('a.planned_start', 'is not', null)
    .where('a.planned_start', '<=', range.to)
    .where((eb) => eb(eb.fn.coalesce('a.planned_end', 'a.planned_start'), '>=', range.from))
    .orderBy('a.planned_start')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    activityId: r.id,
    title: r.title,
    laId: r.la_id,
    laName: r.name,
    activityType: r.activity_type,
    frameworkId: r.framework_id,
    state: r.state,
    teamRole: r.team_role as TeamRole,
    plannedStart: r.planned_start!,
    plannedEnd: r.planned_end,
  }));
}
