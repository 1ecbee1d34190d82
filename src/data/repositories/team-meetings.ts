// Team meetings of an activity (the morning and evening meetings on site) and what was recorded
// between them: evidence, codings, changes to lines of enquiry, reviews and vignettes.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TeamMeetingKind } from '../schema/analysis.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';

export interface TeamMeeting {
  id: string;
  activityId: string;
  heldAt: Date;
  kind: TeamMeetingKind;
  note: string | null;
  recordedBy: PersonRef;
  recordedAt: Date;
}

function toMeeting(r: {
  id: string;
  activity_id: string;
  held_at: Date;
  kind: TeamMeetingKind;
  note: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Date;
}): TeamMeeting {
  return {
    id: r.id,
    activityId: r.activity_id,
    heldAt: new Date(r.held_at),
    kind: r.kind,
    note: r.note,
    recordedBy: { id: r.recorded_by, label: r.recorded_by_label },
    recordedAt: r.recorded_at,
  };
}

/** Records a meeting; returns it as stored. */
export async function insertTeamMeeting(
  trx: Transaction<DB>,
  m: {
    activityId: string;
    heldAt: Date;
    kind: TeamMeetingKind;
    note: string | null;
    by: PersonRef;
  },
): Promise<TeamMeeting> {
  const row = await trx
    .insertInto('team_meetings')
    .values({
      activity_id: m.activityId,
      held_at: m.heldAt,
      kind: m.kind,
      note: m.note,
      recorded_by: m.by.id,
      recorded_by_label: m.by.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeeting(row);
}

/** The most recent meetings first. */
export async function listMeetings(
  db: Kysely<DB>,
  activityId: string,
  limit = 20,
): Promise<TeamMeeting[]> {
  const rows = await db
    .selectFrom('team_meetings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('held_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMeeting);
}

/** The last meeting held at or before `at`. */
export async function lastMeetingBefore(
  db: Kysely<DB>,
  activityId: string,
  at: Date,
): Promise<TeamMeeting | null> {
  const r = await db
    .selectFrom('team_meetings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('held_at', '<=', at)
    .orderBy('held_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toMeeting(r) : null;
}

export interface ArrivedEvidence {
  id: string;
  reference: string;
  excerpt: string;
  method: string;
  direction: string | null;
  judgementAreas: string[];
  childCaseReference: string | null;
  recordedBy: PersonRef;
  recordedAt: Date;
}

/** The most records a team meeting view lists (it counts them all). */
export const ARRIVED_LIMIT = 2_000;

/** How many records were recorded in (from, to]. */
export async function countEvidenceRecordedBetween(
  db: Kysely<DB>,
  activityId: string,
  from: Date | null,
  to: Date,
): Promise<number> {
  let q = db
    .selectFrom('evidence_records as e')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('e.activity_id', '=', activityId)
    .where('e.deleted_at', 'is', null)
    .where('e.recorded_at', '<=', to);
  if (from) q = q.where('e.recorded_at', '>', from);
  return (await q.executeTakeFirst())?.n ?? 0;
}

/** Evidence recorded in (from, to], oldest first (at most ARRIVED_LIMIT records). */
export async function evidenceRecordedBetween(
  db: Kysely<DB>,
  activityId: string,
  from: Date | null,
  to: Date,
): Promise<ArrivedEvidence[]> {
  let q = db
    .selectFrom('evidence_records as e')
    .leftJoin('cases as cc', 'cc.id', 'e.child_case_id')
    .select([
      'e.id',
      'e.ref_no',
      sql<string>`left(e.text, 240)`.as('excerpt'),
      'e.method',
      'e.direction',
      'e.judgement_areas',
      'cc.reference as child_case_reference',
      'e.recorded_by',
      'e.recorded_by_label',
      'e.recorded_at',
    ])
    .where('e.activity_id', '=', activityId)
    .where('e.deleted_at', 'is', null)
    .where('e.recorded_at', '<=', to);
  if (from) q = q.where('e.recorded_at', '>', from);
  const rows = await q.orderBy('e.recorded_at').orderBy('e.ref_no').limit(ARRIVED_LIMIT).execute();
  return rows.map((r) => ({
    id: r.id,
    reference: `E${r.ref_no}`,
    excerpt: r.excerpt,
    method: r.method,
    direction: r.direction,
    judgementAreas: r.judgement_areas,
    childCaseReference: r.child_case_reference,
    recordedBy: { id: r.recorded_by, label: r.recorded_by_label },
    recordedAt: r.recorded_at,
  }));
}

export interface OtherActivity {
  codings: number;
  challengeReviews: number;
  vignettes: number;
  linesChanged: Array<{ id: string; title: string; status: string }>;
}

/** Codings, reviews, vignettes and lines of enquiry changed in (from, to]. */
export async function otherActivityBetween(
  db: Kysely<DB>,
  activityId: string,
  from: Date | null,
  to: Date,
): Promise<OtherActivity> {
  const since = from ?? new Date(0);
  const counts = await sql<{ codings: number; reviews: number; vignettes: number }>`
    select
      (select count(*)::int from codings k join evidence_records e on e.id = k.evidence_id
        where k.activity_id = ${activityId} and e.deleted_at is null
          and k.created_at > ${since} and k.created_at <= ${to}) as codings,
      (select count(*)::int from challenge_reviews
        where activity_id = ${activityId} and reviewed_at > ${since} and reviewed_at <= ${to}) as reviews,
      (select count(*)::int from vignettes
        where activity_id = ${activityId} and created_at > ${since} and created_at <= ${to}) as vignettes`.execute(
    db,
  );
  const lines = await db
    .selectFrom('lines_of_enquiry')
    .select(['id', 'title', 'status'])
    .where('activity_id', '=', activityId)
    .where('updated_at', '>', since)
    .where('updated_at', '<=', to)
    .orderBy('updated_at')
    .execute();
  const c = counts.rows[0];
  return {
    codings: c?.codings ?? 0,
    challengeReviews: c?.reviews ?? 0,
    vignettes: c?.vignettes ?? 0,
    linesChanged: lines,
  };
}
