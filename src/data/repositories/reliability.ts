// Reliability studies (blind evidence-base reviews): the study, the redacted copies of its
// evidence bases, reviewer pairs with their reviews, refused pairings; and the published
// activities a study may pick from.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type {
  PairReview,
  ReliabilityStudy,
  SameLines,
  StudyEvidenceBase,
  StudyPair,
  StudyRefusal,
} from '../../domain/reliability/types.js';
import type { StudyWorkFacts } from '../../domain/reliability/assignment.js';

export interface PublishedActivityChoice {
  id: string;
  title: string;
  laName: string;
  activityType: string;
  plannedStart: string | null;
}

export async function listPublishedActivities(db: Kysely<DB>): Promise<PublishedActivityChoice[]> {
  const rows = await db
    .selectFrom('activities as a')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .select(['a.id', 'a.title', 'la.name as la_name', 'a.activity_type', 'a.planned_start'])
    .where('a.state', '=', 'published')
    .where('a.activity_type', 'in', ['standard_inspection', 'short_inspection'])
    .orderBy('a.planned_start', 'desc')
    .orderBy('a.title')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    laName: r.la_name,
    activityType: r.activity_type,
    plannedStart: r.planned_start,
  }));
}

/** The LA's own staff (LA accounts) and everyone on the activity's team or panel. */
export async function listLaLinks(
  db: Kysely<DB>,
  activityId: string,
  laId: string,
): Promise<{ laStaff: string[]; teamUserIds: string[] }> {
  const [staff, team, panel] = await Promise.all([
    db.selectFrom('users').select('display_name').where('la_id', '=', laId).execute(),
    db.selectFrom('team_members').select('user_id').where('activity_id', '=', activityId).execute(),
    db
      .selectFrom('judgement_panel_members')
      .select('user_id')
      .where('activity_id', '=', activityId)
      .execute(),
  ]);
  return {
    laStaff: staff.map((s) => s.display_name),
    teamUserIds: [...team, ...panel].map((t) => t.user_id),
  };
}

/** Where each inspector has inspected: the LAs and regions of every team they have been on. */
export async function listInspectedPlaces(
  db: Kysely<DB>,
  userIds: string[],
): Promise<Map<string, { laIds: string[]; regions: string[] }>> {
  const out = new Map<string, { laIds: string[]; regions: string[] }>();
  if (!userIds.length) return out;
  const rows = await db
    .selectFrom('team_members as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .select(['t.user_id', 'a.la_id', 'la.ofsted_region'])
    .where('t.user_id', 'in', userIds)
    .distinct()
    .execute();
  for (const r of rows) {
    const p = out.get(r.user_id) ?? { laIds: [], regions: [] };
    p.laIds.push(r.la_id);
    if (r.ofsted_region && !p.regions.includes(r.ofsted_region)) p.regions.push(r.ofsted_region);
    out.set(r.user_id, p);
  }
  return out;
}

export async function insertStudy(
  trx: Transaction<DB>,
  s: { title: string; dateOffsetDays: number; createdBy: string | null; createdByLabel: string },
): Promise<string> {
  const row = await trx
    .insertInto('reliability_studies')
    .values({
      title: s.title,
      date_offset_days: s.dateOffsetDays,
      created_by: s.createdBy,
      created_by_label: s.createdByLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEvidenceBase(
  trx: Transaction<DB>,
  b: Omit<StudyEvidenceBase, 'id'>,
): Promise<string> {
  const row = await trx
    .insertInto('study_evidence_bases')
    .values({
      study_id: b.studyId,
      activity_id: b.activityId,
      position: b.position,
      label: b.label,
      activity_type: b.activityType,
      framework_id: b.frameworkId,
      published_grades: JSON.stringify(b.publishedGrades),
      published_improvements: JSON.stringify(b.publishedImprovements),
      lines_of_enquiry: JSON.stringify(b.linesOfEnquiry),
      records: JSON.stringify(b.records),
      redaction: JSON.stringify(b.redaction),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const toStudy = (r: {
  id: string;
  title: string;
  date_offset_days: number;
  created_by_label: string;
  created_at: Date;
}): ReliabilityStudy => ({
  id: r.id,
  title: r.title,
  dateOffsetDays: r.date_offset_days,
  createdByLabel: r.created_by_label,
  createdAt: r.created_at,
});

export async function findStudy(db: Kysely<DB>, id: string): Promise<ReliabilityStudy | null> {
  const r = await db
    .selectFrom('reliability_studies')
    .select(['id', 'title', 'date_offset_days', 'created_by_label', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toStudy(r) : null;
}

export async function listStudies(
  db: Kysely<DB>,
): Promise<(ReliabilityStudy & { bases: number; pairs: number; recorded: number })[]> {
  const rows = await db
    .selectFrom('reliability_studies as s')
    .select((eb) => [
      's.id',
      's.title',
      's.date_offset_days',
      's.created_by_label',
      's.created_at',
      eb
        .selectFrom('study_evidence_bases as b')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('b.study_id', '=', 's.id')
        .as('bases'),
      eb
        .selectFrom('study_pairs as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.study_id', '=', 's.id')
        .as('pairs'),
      eb
        .selectFrom('study_pairs as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.study_id', '=', 's.id')
        .where('p.recorded_at', 'is not', null)
        .as('recorded'),
    ])
    .orderBy('s.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    ...toStudy(r),
    bases: Number(r.bases ?? 0),
    pairs: Number(r.pairs ?? 0),
    recorded: Number(r.recorded ?? 0),
  }));
}

export async function listEvidenceBases(
  db: Kysely<DB>,
  studyId: string,
): Promise<StudyEvidenceBase[]> {
  const rows = await db
    .selectFrom('study_evidence_bases')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    studyId: r.study_id,
    activityId: r.activity_id,
    position: r.position,
    label: r.label,
    activityType: r.activity_type,
    frameworkId: r.framework_id,
    publishedGrades: r.published_grades,
    publishedImprovements: r.published_improvements,
    linesOfEnquiry: r.lines_of_enquiry,
    records: r.records,
    redaction: r.redaction,
  }));
}

export async function listPairs(db: Kysely<DB>, studyId: string): Promise<StudyPair[]> {
  const rows = await db
    .selectFrom('study_pairs')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('assigned_at')
    .orderBy('label')
    .execute();
  const ids = [...new Set(rows.flatMap((r) => r.reviewer_ids))];
  const names = new Map(
    ids.length
      ? (
          await db
            .selectFrom('users')
            .select(['id', 'display_name'])
            .where('id', 'in', ids)
            .execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    evidenceBaseId: r.evidence_base_id,
    reviewerIds: r.reviewer_ids,
    reviewerNames: r.reviewer_ids.map((id) => names.get(id) ?? 'unknown'),
    review:
      r.grades && r.improvements && r.same_lines
        ? {
            grades: r.grades,
            improvements: r.improvements,
            sameLines: r.same_lines as SameLines,
            linesComment: r.lines_comment,
          }
        : null,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by_label,
  }));
}

export async function insertPair(
  trx: Transaction<DB>,
  p: {
    studyId: string;
    evidenceBaseId: string;
    label: string;
    reviewerIds: string[];
    assignedBy: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('study_pairs')
    .values({
      study_id: p.studyId,
      evidence_base_id: p.evidenceBaseId,
      label: p.label,
      reviewer_ids: p.reviewerIds,
      assigned_by_label: p.assignedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function savePairReview(
  trx: Transaction<DB>,
  pairId: string,
  review: PairReview,
  byLabel: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('study_pairs')
    .set({
      grades: JSON.stringify(review.grades),
      improvements: JSON.stringify(review.improvements),
      same_lines: review.sameLines,
      lines_comment: review.linesComment,
      recorded_by_label: byLabel,
      recorded_at: at,
    })
    .where('id', '=', pairId)
    .execute();
}

export async function insertRefusal(
  trx: Transaction<DB>,
  r: { studyId: string; evidenceBaseId: string; userId: string; reason: string },
): Promise<void> {
  await trx
    .insertInto('study_refusals')
    .values({
      study_id: r.studyId,
      evidence_base_id: r.evidenceBaseId,
      user_id: r.userId,
      reason: r.reason,
    })
    .execute();
}

export async function listRefusals(db: Kysely<DB>, studyId: string): Promise<StudyRefusal[]> {
  const rows = await db
    .selectFrom('study_refusals as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.evidence_base_id', 'r.user_id', 'u.display_name', 'r.reason', 'r.refused_at'])
    .where('r.study_id', '=', studyId)
    .orderBy('r.refused_at')
    .execute();
  return rows.map((r) => ({
    evidenceBaseId: r.evidence_base_id,
    userId: r.user_id,
    userName: r.display_name,
    reason: r.reason,
    refusedAt: r.refused_at,
  }));
}

/** The blind reviews waiting for one reviewer (not yet recorded by their pair). */
export async function listStudyWorkFacts(
  db: Kysely<DB>,
  userId: string,
): Promise<StudyWorkFacts[]> {
  const rows = await db
    .selectFrom('study_pairs as p')
    .innerJoin('reliability_studies as s', 's.id', 'p.study_id')
    .innerJoin('study_evidence_bases as b', 'b.id', 'p.evidence_base_id')
    .select(['s.id as study_id', 's.title', 'b.label', 'p.id as pair_id', 'p.recorded_at'])
    .where((eb) => eb(eb.val(userId), '=', eb.fn.any('p.reviewer_ids')))
    .orderBy('s.created_at')
    .orderBy('b.position')
    .execute();
  return rows.map((r) => ({
    studyId: r.study_id,
    studyTitle: r.title,
    baseLabel: r.label,
    pairId: r.pair_id,
    recorded: r.recorded_at !== null,
  }));
}
