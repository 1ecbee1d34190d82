// Risk assessments: one row per version, never changed once written; the latest is current.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type { RiskAssessmentTable, StoredRating } from '../schema/risk.js';

export interface RiskAssessment {
  id: string;
  laId: string;
  version: number;
  modelId: string;
  assessedOn: string;
  author: { userId: string | null; label: string };
  ratings: StoredRating[];
  computedLevel: string;
  overallLevel: string;
  overrideReason: string | null;
  changeReason: string;
  nextReviewOn: string;
  createdAt: Date;
}

export type NewRiskAssessment = Omit<RiskAssessment, 'id' | 'version' | 'createdAt'>;

const isoOf = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

function shape(r: Selectable<RiskAssessmentTable>): RiskAssessment {
  return {
    id: r.id,
    laId: r.la_id,
    version: r.version,
    modelId: r.model_id,
    assessedOn: isoOf(r.assessed_on),
    author: { userId: r.author_id, label: r.author_label },
    ratings: typeof r.ratings === 'string' ? JSON.parse(r.ratings) : r.ratings,
    computedLevel: r.computed_level,
    overallLevel: r.overall_level,
    overrideReason: r.override_reason,
    changeReason: r.change_reason,
    nextReviewOn: isoOf(r.next_review_on),
    createdAt: r.created_at,
  };
}

/** Writes the next version for the LA (the caller holds the transaction). */
export async function insertRiskAssessment(
  db: Kysely<DB>,
  a: NewRiskAssessment,
  expectedVersion?: number,
): Promise<RiskAssessment | null> {
  const top = await db
    .selectFrom('risk_assessments')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('la_id', '=', a.laId)
    .executeTakeFirst();
  const current = Number(top?.v ?? 0);
  if (expectedVersion !== undefined && expectedVersion !== current) return null;
  const row = await db
    .insertInto('risk_assessments')
    .values({
      la_id: a.laId,
      version: current + 1,
      model_id: a.modelId,
      assessed_on: a.assessedOn,
      author_id: a.author.userId,
      author_label: a.author.label,
      ratings: JSON.stringify(a.ratings),
      computed_level: a.computedLevel,
      overall_level: a.overallLevel,
      override_reason: a.overrideReason,
      change_reason: a.changeReason,
      next_review_on: a.nextReviewOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return shape(row);
}

/** Every version for one LA, newest first (the risk timeline). */
export async function listRiskAssessments(db: Kysely<DB>, laId: string): Promise<RiskAssessment[]> {
  const rows = await db
    .selectFrom('risk_assessments')
    .selectAll()
    .where('la_id', '=', laId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(shape);
}

export interface CurrentRisk {
  current: RiskAssessment;
  /** The level of the version before the current one, if any. */
  previousLevel: string | null;
}

/** The current assessment of each LA (and the previous level), for the listed LAs or all. */
export async function currentRiskAssessments(
  db: Kysely<DB>,
  laIds?: readonly string[],
): Promise<Map<string, CurrentRisk>> {
  if (laIds && laIds.length === 0) return new Map();
  const filter = laIds ? sql`where la_id in (${sql.join(laIds.map((i) => sql`${i}`))})` : sql``;
  const rows = await sql<Selectable<RiskAssessmentTable> & { n: number | string }>`
    select * from (
      select r.*, row_number() over (partition by la_id order by version desc) as n
      from risk_assessments r ${filter}
    ) x where n <= 2 order by la_id, version desc`.execute(db);
  const out = new Map<string, CurrentRisk>();
  for (const r of rows.rows) {
    const existing = out.get(r.la_id);
    if (!existing) out.set(r.la_id, { current: shape(r), previousLevel: null });
    else existing.previousLevel = r.overall_level;
  }
  return out;
}

/** Per LA: the latest past inspection or visit (from the history) and its start date. */
export async function lastHistoryEvents(
  db: Kysely<DB>,
  laIds: readonly string[],
): Promise<Map<string, { activityType: string; startDate: string }>> {
  if (laIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('inspection_history')
    .select(['la_id', 'activity_type', 'start_date'])
    .distinctOn('la_id')
    .where('la_id', 'in', [...laIds])
    .orderBy('la_id')
    .orderBy('start_date', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [r.la_id, { activityType: r.activity_type, startDate: isoOf(r.start_date) }]),
  );
}

/** Per LA: the earliest open activity (not cancelled or published): one under way comes first. */
export async function nextPlannedActivities(
  db: Kysely<DB>,
  laIds: readonly string[],
): Promise<Map<string, { activityType: string; plannedStart: string }>> {
  if (laIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('activities')
    .select(['la_id', 'activity_type', 'planned_start'])
    .distinctOn('la_id')
    .where('la_id', 'in', [...laIds])
    .where('state', 'not in', ['cancelled', 'published'])
    .where('planned_start', 'is not', null)
    .orderBy('la_id')
    .orderBy('planned_start')
    .execute();
  return new Map(
    rows.map((r) => [
      r.la_id,
      { activityType: r.activity_type, plannedStart: isoOf(r.planned_start!) },
    ]),
  );
}

/** Whether the actor's user sits on the team of an activity at this LA that is not cancelled. */
export async function isOnTeamAtLa(db: Kysely<DB>, userId: string, laId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_members as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select('a.id')
    .where('t.user_id', '=', userId)
    .where('a.la_id', '=', laId)
    .where('a.state', '<>', 'cancelled')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ReviewRequest {
  laId: string;
  requestedOn: string;
  reason: string;
  activityId: string | null;
}

/** The current version number of an LA's assessment (0 when never assessed). */
export async function currentRiskVersion(db: Kysely<DB>, laId: string): Promise<number> {
  const top = await db
    .selectFrom('risk_assessments')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('la_id', '=', laId)
    .executeTakeFirst();
  return Number(top?.v ?? 0);
}

/** Asks for the LA's assessment to be reviewed: open until a version above the current one. */
export async function insertReviewRequest(
  db: Kysely<DB>,
  r: ReviewRequest & { intelligenceEntryId: string | null; afterVersion: number },
): Promise<string> {
  const row = await db
    .insertInto('risk_review_requests')
    .values({
      la_id: r.laId,
      requested_on: r.requestedOn,
      reason: r.reason,
      activity_id: r.activityId,
      intelligence_entry_id: r.intelligenceEntryId,
      after_version: r.afterVersion,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Per LA: the earliest open review request (no assessment version written since it was made),
 * for the listed LAs or all.
 */
export async function openReviewRequests(
  db: Kysely<DB>,
  laIds?: readonly string[],
): Promise<Map<string, ReviewRequest>> {
  if (laIds && laIds.length === 0) return new Map();
  const filter = laIds ? sql`and q.la_id in (${sql.join(laIds.map((i) => sql`${i}`))})` : sql``;
  const rows = await sql<{
    la_id: string;
    requested_on: string | Date;
    reason: string;
    activity_id: string | null;
  }>`
    select distinct on (q.la_id) q.la_id, q.requested_on, q.reason, q.activity_id
    from risk_review_requests q
    where q.after_version >= coalesce(
      (select max(r.version) from risk_assessments r where r.la_id = q.la_id), 0) ${filter}
    order by q.la_id, q.requested_on, q.created_at`.execute(db);
  return new Map(
    rows.rows.map((r) => [
      r.la_id,
      {
        laId: r.la_id,
        requestedOn: isoOf(r.requested_on),
        reason: r.reason,
        activityId: r.activity_id,
      },
    ]),
  );
}
