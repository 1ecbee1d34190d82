// Lines of enquiry and hypotheses under analysis: what each is about (focus), the evidence linked
// to it, the reviews of challenging evidence, and the three searches for challenging evidence.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { ChallengeKind, ChallengeOutcome } from '../schema/analysis.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { now } from '../../clock.js';

export interface EnquiryFocus {
  lineOfEnquiryId: string;
  kind: 'line_of_enquiry' | 'hypothesis';
  direction: 'strength' | 'area_for_improvement' | null;
  codeIds: string[];
  searchTerms: string | null;
  caseAttributes: Record<string, string | number | boolean>;
  version: number;
  updatedBy: PersonRef;
  updatedAt: Date;
}

export async function findFocus(db: Kysely<DB>, lineId: string): Promise<EnquiryFocus | null> {
  const r = await db
    .selectFrom('enquiry_focus')
    .selectAll()
    .where('line_of_enquiry_id', '=', lineId)
    .executeTakeFirst();
  return r
    ? {
        lineOfEnquiryId: r.line_of_enquiry_id,
        kind: r.kind,
        direction: r.direction,
        codeIds: r.code_ids,
        searchTerms: r.search_terms,
        caseAttributes: r.case_attributes,
        version: r.version,
        updatedBy: { id: r.updated_by, label: r.updated_by_label },
        updatedAt: r.updated_at,
      }
    : null;
}

export async function saveFocus(
  trx: Transaction<DB>,
  f: Omit<EnquiryFocus, 'version' | 'updatedAt' | 'updatedBy'> & {
    activityId: string;
    by: PersonRef;
  },
): Promise<void> {
  const values = {
    kind: f.kind,
    direction: f.direction,
    code_ids: f.codeIds,
    search_terms: f.searchTerms,
    case_attributes: JSON.stringify(f.caseAttributes),
    updated_by: f.by.id,
    updated_by_label: f.by.label,
    updated_at: now(),
  };
  await trx
    .insertInto('enquiry_focus')
    .values({ line_of_enquiry_id: f.lineOfEnquiryId, activity_id: f.activityId, ...values })
    .onConflict((oc) =>
      oc
        .column('line_of_enquiry_id')
        .doUpdateSet({ ...values, version: sql`enquiry_focus.version + 1` }),
    )
    .execute();
}

export interface EnquiryLink {
  id: string;
  lineOfEnquiryId: string;
  evidenceId: string;
  reference: string;
  direction: string | null;
  start: number | null;
  end: number | null;
  /** The linked span, or the opening of the record. */
  text: string;
  stance: 'supports' | 'challenges';
  note: string | null;
  linkedBy: PersonRef;
  linkedAt: Date;
}

export async function listLinks(db: Kysely<DB>, lineId: string): Promise<EnquiryLink[]> {
  const rows = await db
    .selectFrom('enquiry_evidence as l')
    .innerJoin('evidence_records as e', 'e.id', 'l.evidence_id')
    .select([
      'l.id',
      'l.line_of_enquiry_id',
      'l.evidence_id',
      'e.ref_no',
      'e.direction',
      'l.start_pos',
      'l.end_pos',
      sql<string>`coalesce(l.span_text, left(e.text, 240))`.as('text'),
      'l.stance',
      'l.note',
      'l.linked_by',
      'l.linked_by_label',
      'l.linked_at',
    ])
    .where('l.line_of_enquiry_id', '=', lineId)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.ref_no')
    .orderBy('l.start_pos')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lineOfEnquiryId: r.line_of_enquiry_id,
    evidenceId: r.evidence_id,
    reference: `E${r.ref_no}`,
    direction: r.direction,
    start: r.start_pos,
    end: r.end_pos,
    text: r.text,
    stance: r.stance,
    note: r.note,
    linkedBy: { id: r.linked_by, label: r.linked_by_label },
    linkedAt: r.linked_at,
  }));
}

/** A link as stored (without its record's text): what unlinking needs to check and record. */
export interface StoredEnquiryLink {
  id: string;
  lineOfEnquiryId: string;
  evidenceId: string;
  start: number | null;
  end: number | null;
  stance: 'supports' | 'challenges';
  note: string | null;
}

export async function findEnquiryLink(
  db: Kysely<DB>,
  id: string,
): Promise<StoredEnquiryLink | null> {
  const r = await db
    .selectFrom('enquiry_evidence')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        lineOfEnquiryId: r.line_of_enquiry_id,
        evidenceId: r.evidence_id,
        start: r.start_pos,
        end: r.end_pos,
        stance: r.stance,
        note: r.note,
      }
    : null;
}

/** Links a record or a passage to a line of enquiry; returns the link's id. */
export async function insertEnquiryLink(
  trx: Transaction<DB>,
  l: Omit<StoredEnquiryLink, 'id'> & { activityId: string; spanText: string | null; by: PersonRef },
): Promise<string> {
  const row = await trx
    .insertInto('enquiry_evidence')
    .values({
      linked_at: now(),
      activity_id: l.activityId,
      line_of_enquiry_id: l.lineOfEnquiryId,
      evidence_id: l.evidenceId,
      start_pos: l.start,
      end_pos: l.end,
      span_text: l.spanText,
      stance: l.stance,
      note: l.note,
      linked_by: l.by.id,
      linked_by_label: l.by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEnquiryLink(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('enquiry_evidence').where('id', '=', id).execute();
}

export interface ReviewRow {
  id: string;
  kind: ChallengeKind;
  itemId: string;
  evidenceVersion: number | null;
  outcome: ChallengeOutcome;
  note: string;
  reviewedBy: PersonRef;
  reviewedAt: Date;
}

export async function listReviews(db: Kysely<DB>, lineId: string): Promise<ReviewRow[]> {
  const rows = await db
    .selectFrom('challenge_reviews')
    .selectAll()
    .where('line_of_enquiry_id', '=', lineId)
    .orderBy('reviewed_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.item_kind,
    itemId: r.item_id,
    evidenceVersion: r.evidence_version,
    outcome: r.outcome,
    note: r.note,
    reviewedBy: { id: r.reviewed_by, label: r.reviewed_by_label },
    reviewedAt: r.reviewed_at,
  }));
}

/** Records that a challenging item was looked at; returns the review's id. */
export async function insertChallengeReview(
  trx: Transaction<DB>,
  r: Omit<ReviewRow, 'id' | 'reviewedAt' | 'note'> & {
    activityId: string;
    lineOfEnquiryId: string;
    note: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('challenge_reviews')
    .values({
      reviewed_at: now(),
      activity_id: r.activityId,
      line_of_enquiry_id: r.lineOfEnquiryId,
      item_kind: r.kind,
      item_id: r.itemId,
      evidence_version: r.evidenceVersion,
      outcome: r.outcome,
      note: r.note,
      reviewed_by: r.reviewedBy.id,
      reviewed_by_label: r.reviewedBy.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface OppositeRow {
  evidenceId: string;
  refNo: number;
  version: number;
  direction: string;
  codeId: string;
  start: number;
  end: number;
  spanText: string;
}

/** Codings of these codes on records whose direction is one of `directions`. */
export async function oppositeDirectionCodings(
  db: Kysely<DB>,
  s: { activityId: string; codeIds: string[]; directions: string[]; excludeEvidence: string[] },
): Promise<OppositeRow[]> {
  if (s.codeIds.length === 0 || s.directions.length === 0) return [];
  let q = db
    .selectFrom('codings as k')
    .innerJoin('evidence_records as e', 'e.id', 'k.evidence_id')
    .select([
      'e.id',
      'e.ref_no',
      'e.version',
      'e.direction',
      'k.code_id',
      'k.start_pos',
      'k.end_pos',
      'k.span_text',
    ])
    .where('k.activity_id', '=', s.activityId)
    .where('k.code_id', 'in', s.codeIds)
    .where('k.anchor_status', '<>', 'lost')
    .where('e.deleted_at', 'is', null)
    .where('e.direction', 'in', s.directions);
  if (s.excludeEvidence.length > 0) q = q.where('e.id', 'not in', s.excludeEvidence);
  const rows = await q.orderBy('e.ref_no').orderBy('k.start_pos').execute();
  return rows.map((r) => ({
    evidenceId: r.id,
    refNo: r.ref_no,
    version: r.version,
    direction: r.direction ?? '',
    codeId: r.code_id,
    start: r.start_pos,
    end: r.end_pos,
    spanText: r.span_text,
  }));
}

/** Records matching the terms that carry none of these codes (at most 200, best first). */
export async function uncodedMatches(
  db: Kysely<DB>,
  s: {
    activityId: string;
    query: RawBuilder<unknown>;
    codeIds: string[];
    excludeEvidence: string[];
  },
): Promise<
  Array<{ id: string; refNo: number; version: number; direction: string | null; text: string }>
> {
  const notCoded = s.codeIds.length
    ? sql`not exists (select 1 from codings k where k.evidence_id = e.id and k.anchor_status <> 'lost' and k.code_id in (${sql.join(s.codeIds)}))`
    : sql`true`;
  const excluded = s.excludeEvidence.length
    ? sql`e.id not in (${sql.join(s.excludeEvidence)})`
    : sql`true`;
  const r = await sql<{
    id: string;
    ref_no: number;
    version: number;
    direction: string | null;
    text: string;
  }>`
    select e.id, e.ref_no, e.version, e.direction, left(e.text, 20000) as text
    from evidence_records e
    where e.activity_id = ${s.activityId} and e.deleted_at is null and e.search @@ ${s.query}
      and ${notCoded} and ${excluded}
    order by ts_rank_cd(e.search, ${s.query}) desc, e.ref_no
    limit 200`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    refNo: x.ref_no,
    version: x.version,
    direction: x.direction,
    text: x.text,
  }));
}

/** Children's cases (matching the attributes) with no evidence filed under these areas. */
export async function unseenCases(
  db: Kysely<DB>,
  s: { activityId: string; areas: string[]; attributes: Record<string, string | number | boolean> },
): Promise<Array<{ id: string; reference: string }>> {
  const inAreas = s.areas.length
    ? sql`and e.judgement_areas && array[${sql.join(s.areas)}]::text[]`
    : sql``;
  const attrs = Object.keys(s.attributes).length
    ? sql`and cs.attributes @> ${JSON.stringify(s.attributes)}::jsonb`
    : sql``;
  const r = await sql<{ id: string; reference: string }>`
    select cs.id, cs.reference from cases cs
    where cs.activity_id = ${s.activityId} and cs.kind = 'child' ${attrs}
      and not exists (
        select 1 from evidence_records e
        where e.child_case_id = cs.id and e.deleted_at is null ${inAreas})
    order by lower(cs.reference)
    limit 500`.execute(db);
  return r.rows;
}
